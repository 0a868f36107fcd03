package ru.vpr.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Statements, one after another, in one Spark session: what {@code bin/vpr sql} runs for a statement,
 * a script ({@code -f}, standard input) or the interactive shell. Besides SQL it knows a few
 * backslash commands (see {@link #HELP}). A failed statement says what is wrong in one line (Spark's
 * message names the column or table and the names it could have meant), never its plan.
 */
public final class SqlShell {
  static final String HELP = String.join(System.lineSeparator(),
      "  \\tables          the tables of the database",
      "  \\d <table>       the columns of a table",
      "  \\csv             CSV output on or off (a table is the default)",
      "  \\timing          print each statement's time on or off",
      "  \\q               quit (or Ctrl-D)",
      "  \\?               this list",
      "Statements end with ';' and may span lines; they only read unless bin/vpr sql --write.");

  private final SparkSession spark;
  private final String database;
  private final boolean write;
  private final boolean safe;
  private final int limit;
  private final PrintStream out;
  private final PrintStream err;
  private boolean csv;
  private boolean timing;

  public SqlShell(SparkSession spark, String database, boolean write, boolean csv, boolean safe, int limit,
      PrintStream out, PrintStream err) {
    this.spark = spark;
    this.database = database;
    this.write = write;
    this.csv = csv;
    this.safe = safe;
    this.limit = limit;
    this.out = out;
    this.err = err;
  }

  /** Runs one statement and prints its result; false (with the error said) when it failed. */
  boolean run(String statement) {
    String refused = write ? null : ReadOnlySql.refusal(statement);
    if (refused != null) {
      err.println("error: " + refused);
      return false;
    }
    long start = System.nanoTime();
    try {
      Dataset<Row> result = spark.sql(statement);
      Dataset<Row> shown = limit > 0 ? result.limit(limit + 1) : result;
      List<Row> rows = shown.collectAsList();
      boolean truncated = limit > 0 && rows.size() > limit;
      if (truncated) rows = rows.subList(0, limit);
      ResultPrinter printer = new ResultPrinter(result.schema().fieldNames(), rows);
      if (!csv) leadingComments(statement).forEach(out::println);  // a script's heading says what the table answers
      out.print(csv ? printer.csv(safe) : printer.table());
      if (truncated) err.println("(only the first " + limit + " rows; use --limit 0 for all)");
    } catch (Exception e) {  // AnalysisException is a checked exception in Java's eyes, not a RuntimeException
      // A catalog that cannot be opened is no error of the statement: the launcher says why (CatalogFailures).
      if (catalogFailure(e)) throw e;
      err.println("error: " + oneLine(e));
      return false;
    } finally {
      if (timing) err.printf(Locale.ROOT, "Time: %.3f s%n", (System.nanoTime() - start) / 1e9);
    }
    return true;
  }

  /** The {@code --} lines a statement starts with (blank lines between them skipped). */
  static List<String> leadingComments(String statement) {
    List<String> comments = new ArrayList<>();
    for (String line : statement.lines().map(String::strip).toList()) {
      if (line.startsWith("--")) comments.add(line);
      else if (!line.isEmpty()) break;
    }
    return comments;
  }

  private static boolean catalogFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getSimpleName();
      if (type.equals("HiveException") || type.equals("MetaException")) return true;
    }
    return false;
  }

  /** Whether a line is a backslash command rather than SQL. */
  static boolean isCommand(String line) {
    return line.strip().startsWith("\\");
  }

  /** Runs a backslash command; false for {@code \q}. */
  boolean command(String line) {
    String[] words = line.strip().split("\\s+", 2);
    switch (words[0]) {
      case "\\q", "\\quit" -> {
        return false;
      }
      case "\\tables", "\\dt" -> run("SHOW TABLES IN " + database);
      case "\\d" -> {
        if (words.length < 2) run("SHOW TABLES IN " + database);
        else run("DESCRIBE " + qualified(words[1].replaceAll(";$", "")));
      }
      case "\\csv" -> {
        csv = !csv;
        err.println("csv output " + (csv ? "on" : "off"));
      }
      case "\\timing" -> {
        timing = !timing;
        err.println("timing " + (timing ? "on" : "off"));
      }
      case "\\?", "\\help" -> out.println(HELP);
      default -> err.println("error: unknown command " + words[0] + "; \\? lists them");
    }
    return true;
  }

  private String qualified(String table) {
    return table.contains(".") ? table : database + "." + table;
  }

  /**
   * The first line of the message that says what went wrong: Spark's analysis and parse errors put
   * it first ("[UNRESOLVED_COLUMN.WITH_SUGGESTION] ... Did you mean one of the following? [...]") and
   * the plan or the SQL after it.
   */
  static String oneLine(Throwable e) {
    String message = VprMain.withoutSecrets(VprMain.rootMessage(e));
    String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
    return first.endsWith(";") ? first.substring(0, first.length() - 1) : first;
  }
}
