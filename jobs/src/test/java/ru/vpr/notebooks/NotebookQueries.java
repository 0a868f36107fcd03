package ru.vpr.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL of an analysts' notebook ({@code notebooks/*.ipynb}), read without Python or Spark so that
 * tests can check it and run it.
 *
 * <p>The notebooks follow one shape: a parameters cell of simple assignments ({@code YEAR = 2025},
 * {@code MUNICIPALITY = "mo01"}), then queries of the form
 * <pre>
 * df = spark.sql("""
 * SELECT ... FROM vpr.t WHERE year = :year
 * """, args={"year": YEAR})
 * </pre>
 * Each query comes back with its named parameter markers bound to the parameters' values.
 *
 * @param name the notebook's file name without {@code .ipynb}
 * @param parameters the parameters cell's assignments, in order: NAME to Integer, Long or String
 * @param queries every {@code spark.sql("""...""", args={...})} call, in order
 * @param sparkSqlCalls every {@code spark.sql(} in the code cells, extracted or not: a call in
 *     another form (a plain string, an f-string) is counted here but is missing from {@code queries}
 * @param cellsWithOutputs indexes of code cells that store outputs or an execution count
 */
public record NotebookQueries(String name, Map<String, Object> parameters, List<Query> queries, int sparkSqlCalls,
    List<Integer> cellsWithOutputs) {

  /** The database the notebooks query. */
  public static final String DATABASE = "vpr";
  /** The prefix of the session variables that stand for the markers in the SQL files. */
  static final String VARIABLE_PREFIX = "p_";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(-?\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\s*(#.*)?$");
  private static final Pattern SPARK_SQL = Pattern.compile(
      "spark\\.sql\\(\\s*\"\"\"(.*?)\"\"\"\\s*(?:,\\s*args\\s*=\\s*\\{([^}]*)\\})?\\s*\\)", Pattern.DOTALL);
  /** A call at the start of a line's code, not one a {@code #} comment mentions. */
  private static final Pattern SPARK_SQL_CALL = Pattern.compile("(?m)^[^#\\n]*?spark\\.sql\\(");
  private static final Pattern ARG = Pattern.compile(
      "\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:\\s*([A-Za-z_][A-Za-z0-9_]*|-?\\d+|\"(?:[^\"\\\\]|\\\\.)*\")");
  private static final Pattern MARKER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|`[^`]*`|--[^\\n]*");

  public NotebookQueries {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    queries = List.copyOf(queries);
    cellsWithOutputs = List.copyOf(cellsWithOutputs);
  }

  /**
   * One query of a notebook.
   *
   * @param label notebook name and query number, for test names and messages ({@code 02_why_flagged#3})
   * @param sql the SQL text as in the notebook, with its {@code :name} markers
   * @param args marker name to value, resolved from the parameters cell; pass to
   *     {@code spark.sql(sql, args)}
   * @param title the heading of the markdown cell above the query, or its label when there is none
   */
  public record Query(String label, String sql, Map<String, Object> args, String title) {
    public Query {
      args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The same query over another database: every {@code vpr.<table>} becomes {@code <database>.<table>}. */
    public Query inDatabase(String database) {
      return new Query(label, renameDatabase(sql, DATABASE, database), args, title);
    }

    /** The named markers the SQL uses ({@code :year} gives {@code year}), outside literals and comments. */
    public Set<String> markers() {
      Set<String> names = new LinkedHashSet<>();
      Matcher m = MARKER.matcher(QUOTED.matcher(sql).replaceAll(" "));
      while (m.find()) names.add(m.group(1));
      return names;
    }

    /** The tables and views the SQL names in {@code database} ({@code vpr.risk_classes} gives {@code risk_classes}). */
    public Set<String> tables(String database) {
      Set<String> names = new LinkedHashSet<>();
      Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(database) + "\\.([A-Za-z_][A-Za-z0-9_]*)")
          .matcher(QUOTED.matcher(sql).replaceAll(" "));
      while (m.find()) names.add(m.group(1));
      return names;
    }

    /** The SQL with every marker replaced by its value as a literal: for a shell without parameters (bin/vpr sql). */
    public String inlined() {
      return replacingMarkers(name -> {
        Object value = args.get(name);
        return value instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'" : value.toString();
      });
    }

    /** The SQL with every marker {@code :name} replaced by the session variable {@code p_name} ({@link #sqlScript}). */
    public String withVariables() {
      return replacingMarkers(name -> VARIABLE_PREFIX + name);
    }

    private String replacingMarkers(java.util.function.Function<String, String> byName) {
      StringBuilder out = new StringBuilder();
      Matcher m = Pattern.compile(QUOTED.pattern() + "|" + MARKER.pattern()).matcher(sql);
      while (m.find()) {
        String replacement = m.group();
        if (m.group(1) != null) {
          if (!args.containsKey(m.group(1))) throw new IllegalStateException(label + ": unbound marker :" + m.group(1));
          replacement = byName.apply(m.group(1));
        }
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      return out.toString();
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Where the notebooks are: {@code ../notebooks} from the jobs module (as Maven runs tests), else {@code notebooks}. */
  public static Path defaultDir() {
    Path fromModule = Path.of("..", "notebooks");
    return Files.isDirectory(fromModule) ? fromModule : Path.of("notebooks");
  }

  /** Every notebook of the folder, by file name. */
  public static List<NotebookQueries> all(Path notebooksDir) {
    try (Stream<Path> files = Files.list(notebooksDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted()
          .map(NotebookQueries::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one notebook; fails with the notebook's name when its JSON, parameters or arguments do not parse. */
  public static NotebookQueries read(Path notebook) {
    String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
    JsonNode root;
    try {
      root = JSON.readTree(notebook.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": not valid JSON: " + e.getMessage(), e);
    }
    if (root.path("nbformat").asInt() != 4) throw new IllegalArgumentException(name + ": not nbformat 4");
    JsonNode cells = root.path("cells");
    if (!cells.isArray()) throw new IllegalArgumentException(name + ": no cells");

    Map<String, Object> parameters = null;
    List<String> sources = new ArrayList<>();
    List<String> headings = new ArrayList<>();
    String heading = null;
    List<Integer> withOutputs = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      JsonNode cell = cells.get(i);
      if ("markdown".equals(cell.path("cell_type").asText())) {
        heading = source(cell.path("source")).lines().filter(l -> l.startsWith("#")).findFirst()
            .map(l -> l.replaceFirst("^#+\\s*", "").strip()).orElse(heading);
      }
      if (!"code".equals(cell.path("cell_type").asText())) continue;
      String source = source(cell.path("source"));
      sources.add(source);
      headings.add(heading);
      if ((cell.path("outputs").isArray() && !cell.path("outputs").isEmpty()) || !cell.path("execution_count").isNull()
          && !cell.path("execution_count").isMissingNode()) {
        withOutputs.add(i);
      }
      if (parameters == null && isParametersCell(cell, source)) parameters = parameters(name, source);
    }
    if (parameters == null) throw new IllegalArgumentException(name + ": no parameters cell (NAME = value lines)");

    List<Query> queries = new ArrayList<>();
    int calls = 0;
    for (int c = 0; c < sources.size(); c++) {
      String source = sources.get(c);
      Matcher call = SPARK_SQL_CALL.matcher(source);
      while (call.find()) calls++;
      Matcher m = SPARK_SQL.matcher(source);
      while (m.find()) {
        String label = name + "#" + (queries.size() + 1);
        queries.add(new Query(label, m.group(1).strip(), args(label, m.group(2), parameters),
            headings.get(c) == null ? label : headings.get(c)));
      }
    }
    return new NotebookQueries(name, parameters, queries, calls, withOutputs);
  }

  /** The queries over another database. */
  public List<Query> queriesIn(String database) {
    return queries.stream().map(q -> q.inDatabase(database)).toList();
  }

  /** Where the notebooks' SQL files are: {@code sql/} beside them. */
  public static Path sqlDir(Path notebooksDir) {
    return notebooksDir.resolve("sql");
  }

  /**
   * The notebook's queries as one script for {@code bin/vpr sql -f}, for analysts without Python: the
   * parameters as session variables named {@code p_<marker>} (a column named like a variable would win
   * over it: {@code year = year} is always true), then each query under its section's heading.
   */
  public String sqlScript() {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Query q : queries) {
      for (Map.Entry<String, Object> a : q.args().entrySet()) {
        Object before = variables.putIfAbsent(a.getKey(), a.getValue());
        if (before != null && !before.equals(a.getValue())) {
          throw new IllegalStateException(name + ": marker :" + a.getKey() + " is bound to " + before + " and to " + a.getValue());
        }
      }
    }
    StringBuilder out = new StringBuilder()
        .append("-- ").append(name).append(": the questions of notebooks/").append(name).append(".ipynb as SQL, without Python:\n")
        .append("--   bin/vpr sql -f notebooks/sql/").append(name).append(".sql\n")
        .append("-- Written from the notebook by NotebookQueriesTest (-Dvpr.notebooks.write=true): change the notebook, not\n")
        .append("-- this file. For another year or school, copy it and change the values below.\n");
    for (Map.Entry<String, Object> v : variables.entrySet()) {
      boolean text = v.getValue() instanceof String;
      out.append("DECLARE OR REPLACE VARIABLE ").append(VARIABLE_PREFIX).append(v.getKey()).append(text ? " STRING" : " INT")
          .append(" DEFAULT ").append(text ? "'" + v.getValue().toString().replace("'", "\\'") + "'" : v.getValue()).append(";\n");
    }
    String section = null;
    for (Query q : queries) {
      out.append('\n');
      if (!q.title().equals(section)) out.append("-- ").append(q.title()).append('\n');
      section = q.title();
      out.append(q.withVariables()).append(";\n");
    }
    return out.toString();
  }

  /** Replaces the database qualifier {@code from.} by {@code to.} wherever it names a table. */
  public static String renameDatabase(String sql, String from, String to) {
    return sql.replaceAll("(?<![\\w.`])" + Pattern.quote(from) + "\\.(?=[A-Za-z_`])", Matcher.quoteReplacement(to + "."));
  }

  private static String source(JsonNode source) {
    if (source.isTextual()) return source.asText();
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  /** The cell tagged {@code parameters} (papermill's convention), or a cell of nothing but assignments and comments. */
  private static boolean isParametersCell(JsonNode cell, String source) {
    for (JsonNode tag : cell.path("metadata").path("tags")) {
      if ("parameters".equals(tag.asText())) return true;
    }
    boolean any = false;
    for (String line : source.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      if (!ASSIGNMENT.matcher(line).matches()) return false;
      any = true;
    }
    return any;
  }

  private static Map<String, Object> parameters(String name, String source) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String line : source.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      Matcher m = ASSIGNMENT.matcher(line);
      if (!m.matches()) throw new IllegalArgumentException(name + ": parameters cell line is not NAME = int or \"string\": " + t);
      values.put(m.group(1), literal(name, m.group(2)));
    }
    return values;
  }

  private static Object literal(String where, String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node.isTextual()) return node.textValue();
      if (node.canConvertToInt()) return node.intValue();
      if (node.canConvertToLong()) return node.longValue();
    } catch (IOException e) {
      // falls through
    }
    throw new IllegalArgumentException(where + ": not an int or a string: " + text);
  }

  private static Map<String, Object> args(String label, String text, Map<String, Object> parameters) {
    Map<String, Object> args = new LinkedHashMap<>();
    if (text == null || text.isBlank()) return args;
    Matcher m = ARG.matcher(text);
    int matched = 0;
    while (m.find()) {
      matched++;
      String value = m.group(2);
      if (Character.isLetter(value.charAt(0)) || value.charAt(0) == '_') {
        if (!parameters.containsKey(value)) {
          throw new IllegalArgumentException(label + ": args name " + value + ", which the parameters cell does not set");
        }
        args.put(m.group(1), parameters.get(value));
      } else {
        args.put(m.group(1), literal(label, value));
      }
    }
    if (matched != java.util.Arrays.stream(text.split(",")).filter(e -> !e.isBlank()).count()) {
      throw new IllegalArgumentException(label + ": args entries must be \"marker\": NAME, int or \"string\": {" + text + "}");
    }
    return args;
  }
}
