package ru.vpr.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.hive.metastore.model.MTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;
import ru.vpr.table.ViewDef;

/** The analysts' notebooks stay in the shape tests can read, and name only tables the pipeline writes. */
class NotebookQueriesTest {
  @TempDir Path dir;

  private static final List<NotebookQueries> NOTEBOOKS = NotebookQueries.all(NotebookQueries.defaultDir());

  @Test
  void theThreeNotebooksAreThere() {
    assertEquals(List.of("01_municipality_overview", "02_why_flagged", "03_trends"),
        NOTEBOOKS.stream().map(NotebookQueries::name).toList());
  }

  @Test
  void everyNotebookHasParametersAndAtLeastFourQueries() {
    for (NotebookQueries nb : NOTEBOOKS) {
      assertFalse(nb.parameters().isEmpty(), nb.name() + ": no parameters");
      assertTrue(nb.queries().size() >= 4, nb.name() + ": " + nb.queries().size() + " queries");
      assertEquals(nb.sparkSqlCalls(), nb.queries().size(),
          nb.name() + ": every spark.sql call is spark.sql(\"\"\"...\"\"\", args={...})");
    }
  }

  @Test
  void everyMarkerIsBoundAndEveryArgumentUsed() {
    for (NotebookQueries nb : NOTEBOOKS) {
      for (NotebookQueries.Query q : nb.queries()) {
        assertFalse(q.markers().isEmpty(), q + ": no parameter markers: " + q.sql());
        assertEquals(q.markers(), q.args().keySet(), q + ": markers against args");
      }
    }
  }

  @Test
  void everyTableExistsInTables() throws IllegalAccessException {
    Set<String> known = knownTables();
    for (NotebookQueries nb : NOTEBOOKS) {
      for (NotebookQueries.Query q : nb.queries()) {
        Set<String> tables = q.tables(NotebookQueries.DATABASE);
        assertFalse(tables.isEmpty(), q + ": names no vpr table");
        for (String t : tables) assertTrue(known.contains(t), q + ": vpr." + t + " is not in ru.vpr.table.Tables");
      }
    }
  }

  /**
   * The SQL files beside the notebooks ({@code notebooks/sql}, for {@code bin/vpr sql -f}) are the
   * notebooks' queries; PublishJobTest runs them through the shell. After changing a notebook, write
   * them again with {@code mvn -pl jobs test -Dtest=NotebookQueriesTest -Dvpr.notebooks.write=true}.
   */
  @Test
  void theSqlFilesAreTheNotebooksQueries() throws IOException {
    Path sqlDir = NotebookQueries.sqlDir(NotebookQueries.defaultDir());
    boolean write = Boolean.getBoolean("vpr.notebooks.write");
    for (NotebookQueries nb : NOTEBOOKS) {
      Path file = sqlDir.resolve(nb.name() + ".sql");
      String expected = nb.sqlScript();
      if (write) Files.writeString(Files.createDirectories(sqlDir).resolve(nb.name() + ".sql"), expected);
      String regenerate = "; write it again: mvn -pl jobs test -Dtest=NotebookQueriesTest -Dvpr.notebooks.write=true";
      assertTrue(Files.exists(file), file + " is missing" + regenerate);
      assertEquals(expected, Files.readString(file), file + " is not the notebook's queries" + regenerate);
      for (NotebookQueries.Query q : nb.queries()) {
        for (String marker : q.markers()) {
          assertTrue(expected.contains("DECLARE OR REPLACE VARIABLE p_" + marker + " "), file + " declares no p_" + marker);
          assertFalse(expected.matches("(?s).*(?<![:\\w]):" + marker + "\\b.*"), file + " keeps the marker :" + marker);
        }
      }
    }
  }

  @Test
  void noOutputsAreStored() {
    for (NotebookQueries nb : NOTEBOOKS) {
      assertEquals(List.of(), nb.cellsWithOutputs(), nb.name() + ": cells with outputs (clear them before committing)");
    }
  }

  /**
   * A notebook opens the catalog the jobs use, from the same environment variables; for a shared
   * metastore database it names the Hive model classes up front as the jobs do (MetastoreSettings).
   */
  @Test
  void everySetupCellReadsTheMetastoreSettingsOfTheJobs() throws Exception {
    Set<String> modelClasses = new TreeSet<>();
    try (InputStream in = MTable.class.getClassLoader().getResourceAsStream("package.jdo")) {
      Matcher m = Pattern.compile("<class name=\"(\\w+)\"").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (m.find()) modelClasses.add(m.group(1));
    }
    assertEquals(30, modelClasses.size(), modelClasses.toString());
    ObjectMapper json = new ObjectMapper();
    for (NotebookQueries nb : NOTEBOOKS) {
      JsonNode cells = json.readTree(NotebookQueries.defaultDir().resolve(nb.name() + ".ipynb").toFile()).path("cells");
      String setup = null;
      for (JsonNode cell : cells) {
        StringBuilder source = new StringBuilder();
        cell.path("source").forEach(line -> source.append(line.asText()));
        if (cell.path("cell_type").asText().equals("code") && source.indexOf("SparkSession.builder") >= 0) {
          setup = source.toString();
          break;
        }
      }
      assertTrue(setup != null, nb.name() + ": no setup cell");
      for (String variable : List.of("VPR_WAREHOUSE", "VPR_METASTORE_KIND", "VPR_METASTORE_URIS", "VPR_METASTORE_URL",
          "VPR_METASTORE_USER", "VPR_METASTORE_PASSWORD")) {
        assertTrue(setup.contains("\"" + variable + "\""), nb.name() + " does not read " + variable);
      }
      for (String modelClass : modelClasses) {
        assertTrue(Pattern.compile("\\b" + modelClass + "\\b").matcher(setup).find(), nb.name() + " lacks " + modelClass);
      }
    }
  }

  @Test
  void extractsParametersQueriesAndArguments() throws Exception {
    Path nb = dir.resolve("t.ipynb");
    Files.writeString(nb, """
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
          {"cell_type": "markdown", "metadata": {}, "source": ["# t"]},
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": ["import os\\n", "# spark.sql(..., args=...) binds markers\\n", "spark = None"]},
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": ["# parameters\\n", "YEAR = 2025\\n", "LOGIN = \\"edu1\\"  # a school\\n"]},
          {"cell_type": "code", "metadata": {}, "outputs": [{"output_type": "stream"}], "execution_count": 3,
           "source": "df = spark.sql(\\"\\"\\"\\nSELECT ':not' AS s FROM vpr.risk_classes\\nWHERE year = :year AND login = :login\\n\\"\\"\\", args={\\"year\\": YEAR, \\"login\\": LOGIN})\\ndf.toPandas()"}
        ]}""");
    NotebookQueries q = NotebookQueries.read(nb);
    assertEquals(Map.of("YEAR", 2025, "LOGIN", "edu1"), q.parameters());
    assertEquals(1, q.queries().size());
    assertEquals(1, q.sparkSqlCalls(), "a comment naming spark.sql( is not a call");
    assertEquals(List.of(3), q.cellsWithOutputs());
    NotebookQueries.Query query = q.queries().get(0);
    assertEquals("t#1", query.label());
    assertEquals(Map.of("year", 2025, "login", "edu1"), query.args());
    assertEquals(Set.of("year", "login"), query.markers());
    assertEquals(Set.of("risk_classes"), query.tables("vpr"));
    assertTrue(query.inDatabase("t_db").sql().contains("FROM t_db.risk_classes"), query.inDatabase("t_db").sql());
    assertTrue(query.inlined().endsWith("WHERE year = 2025 AND login = 'edu1'"), query.inlined());
    assertTrue(query.inlined().contains("':not'"), query.inlined());
  }

  @Test
  void anArgumentNamingAnUnsetParameterFails() throws Exception {
    Path nb = dir.resolve("bad.ipynb");
    Files.writeString(nb, """
        {"nbformat": 4, "metadata": {}, "cells": [
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": "YEAR = 2025"},
          {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
           "source": "spark.sql(\\"\\"\\"SELECT 1 FROM vpr.runs WHERE year = :year\\"\\"\\", args={\\"year\\": YER})"}
        ]}""");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NotebookQueries.read(nb));
    assertTrue(e.getMessage().contains("YER"), e.getMessage());
  }

  /** Table names of every public static TableDef of {@link Tables}, and the indicator views. */
  static Set<String> knownTables() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Field f : Tables.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == TableDef.class) {
        names.add(((TableDef) f.get(null)).name());
      }
    }
    for (ViewDef v : Tables.INDICATOR_VIEWS) names.add(v.name());
    assertTrue(names.size() > 20 && names.contains("risk_classes") && names.contains("region_indicators"), names.toString());
    return names;
  }
}
