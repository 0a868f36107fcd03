package ru.vpr.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.Tables;
import ru.vpr.test.SparkTestBase;

/** A killed run stays visible, the next run of its job redoes its scope, and check finds tables out of step. */
class RunRecoveryTest extends SparkTestBase {
  private static final String DB = databaseFor(RunRecoveryTest.class);
  private static TableCatalog catalog;

  @BeforeAll
  static void catalog() {
    catalog = new TableCatalog(spark(), DB, warehouse().toString());
  }

  @AfterAll
  static void drop() {
    dropDatabase(DB);
  }

  private static Map<String, ConsistencyCheck.Finding> check() {
    Map<String, ConsistencyCheck.Finding> out = new TreeMap<>();
    for (ConsistencyCheck.Finding f : new ConsistencyCheck(catalog).run()) out.put(f.what(), f);
    return out;
  }

  @Test
  void aKilledRunIsMarkedAndItsScopeRedone() {
    RunLog killed = new RunLog("indicators", Map.of("year", "null"));
    killed.start(spark(), catalog); // ... and the JVM dies before finish
    assertEquals(1, check().get("runs that did not finish (outcome running)").broken());

    RunLog next = new RunLog("indicators", Map.of("year", "2025"));
    Integer year = next.execute(spark(), catalog, "test", () -> next.year(2025), y -> Map.of());
    assertNull(year, "the killed run covered every year: so does this one");

    Map<String, Row> runs = new TreeMap<>();
    for (Row r : spark().sql("SELECT run_id, outcome, error, parameters['redoes'] FROM " + catalog.name(Tables.RUNS))
        .collectAsList()) {
      runs.put(r.getString(0), r);
    }
    assertEquals(2, runs.size(), "one row per run, replaced, never doubled");
    assertEquals(RunLog.INTERRUPTED, runs.get(killed.runId()).getString(1));
    assertTrue(runs.get(killed.runId()).getString(2).contains(next.runId()), runs.get(killed.runId()).getString(2));
    assertEquals(RunLog.SUCCEEDED, runs.get(next.runId()).getString(1));
    assertEquals(killed.runId(), runs.get(next.runId()).getString(3));
    assertEquals(0, check().get("runs that did not finish (outcome running)").broken());

    RunLog same = new RunLog("indicators", Map.of("year", "2025"));
    assertEquals(2025, same.execute(spark(), catalog, "test", () -> same.year(2025), y -> Map.of()), "nothing left to redo");
  }

  @Test
  void checkCountsRowsOutOfStep() {
    catalog.ensure(List.of(Tables.RESULTS, Tables.TASK_SCORES, Tables.INGEST_FILES));
    spark().sql("INSERT INTO " + catalog.name(Tables.RESULTS) + " (year, subject, grade, login, class, code, absent, source_path) "
        + "VALUES (2025, 'ma', 5, 'edu1', '5А', 'a', false, 'f1.xlsx'), (2025, 'ma', 5, 'edu1', '5А', 'b', false, 'f2.xlsx'),"
        + " (2025, 'ma', 5, 'edu1', '5А', 'c', true, 'f1.xlsx')");
    spark().sql("INSERT INTO " + catalog.name(Tables.TASK_SCORES) + " (year, subject, grade, login, class, code, task) "
        + "VALUES (2025, 'ma', 5, 'edu1', '5А', 'a', '1'), (2025, 'ma', 5, 'edu1', '5А', 'd', '1')");
    spark().sql("INSERT INTO " + catalog.name(Tables.INGEST_FILES) + " (path) VALUES ('f1.xlsx')");

    Map<String, ConsistencyCheck.Finding> found = check();
    assertEquals(1, found.get("results rows of pupils who wrote without their task scores").broken(), "pupil b");
    assertEquals(1, found.get("task scores without their results row").broken(), "pupil d");
    assertEquals(1, found.get("landing files with results but no ingest_files row").broken(), "f2.xlsx");
    assertTrue(found.get("publications whose publish run did not succeed").skipped(), "no publication table yet");
    assertTrue(found.get("results rows of pupils who wrote without their task scores").line().startsWith("FAIL"));
  }
}
