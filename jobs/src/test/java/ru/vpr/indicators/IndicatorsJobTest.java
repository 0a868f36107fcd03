package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;
import ru.vpr.test.SparkTestBase;

/**
 * The job end to end on Delta tables: every table written, the level views, idempotency, one-year
 * runs. The job runs once for the class and once more in each test that says so (each run is ~30 s here).
 */
class IndicatorsJobTest extends SparkTestBase {
  private static final String DB = databaseFor(IndicatorsJobTest.class);
  private static PipelineConfig config;
  private static IndicatorsSummary first;
  private static Map<String, List<Row>> before;
  private static final IndicatorsConfig SETTINGS = IndicatorsConfig.defaults()
      .withLowResults(new IndicatorsConfig.LowResults(List.of("ma"), 0.25, 0.9, 2, 2));

  @BeforeAll
  static void inputs() {
    dropDatabase(DB);
    config = config(DB);
    TableCatalog catalog = new TableCatalog(spark(), DB);
    catalog.ensure(Tables.INGEST_TABLES);
    Fixtures f = new Fixtures(spark())
        .marks(2024, "ma", "m01", "edu1", "5А", 2, 2, 3, 4)
        .marks(2024, "ma", "m02", "edu3", "5А", 3, 4, 5)
        .pupil("m01", "edu1", "5А", "a1", 6, 5).tasks("edu1", "5А", "a1", 1, 2, 1, 2)
        .pupil("m01", "edu1", "5А", "a2", 1, 4).tasks("edu1", "5А", "a2", 1, 0, 0, null)
        .pupil("m01", "edu1", "5А", "a3", 0, null).tasks("edu1", "5А", "a3", 0, null, null, 0)
        .absent(2025, "ma", "m01", "edu1", "5А", "a5", 3)
        .pupil("m01", "edu2", "5Б", "c1", 3, 3).tasks("edu2", "5Б", "c1", 1, 1, 1, 0)
        .pupil("m02", "edu3", "5А", "b1", 1, 2).tasks("edu3", "5А", "b1", 0, 1, 0, 0)
        .pupil("m02", "edu3", "5А", "b2", 2, null).tasks("edu3", "5А", "b2", 1, 1, 0, null);
    insert(catalog, Tables.RESULTS, f.results());
    insert(catalog, Tables.TASK_SCORES, f.taskScores());
    insert(catalog, Tables.TASKS, f.taskSpecs());
    insert(catalog, Tables.SCALES, f.scales());
    insert(catalog, Tables.SCHOOLS, f.schools());
    insert(catalog, Tables.SUBJECTS, f.subjects());
    first = new IndicatorsJob(spark(), config, SETTINGS).run();
    before = contents();
  }

  @AfterAll
  static void tearDown() {
    dropDatabase(DB);
  }

  private static void insert(TableCatalog catalog, TableDef table, Dataset<Row> rows) {
    rows.write().format("delta").mode("overwrite").insertInto(catalog.name(table));
  }

  private static Map<String, List<Row>> contents() {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (TableDef t : Tables.INDICATOR_TABLES) {
      String columns = String.join(", ", List.of(t.columns()).stream().map(c -> "`" + c + "`").toList());
      out.put(t.name(), sql("SELECT " + columns + " FROM " + DB + "." + t.name() + " ORDER BY " + columns));
    }
    return out;
  }

  @Test
  void writesEveryTable() {
    assertEquals(List.of(2024, 2025), first.years());
    // 2024: 2 classes, 2 schools, 2 municipalities, region; 2025: 3 classes, 3 schools, 2 municipalities, region
    assertEquals(7 + 9, before.get("unit_indicators").size());
    assertEquals(7L + 9, first.rows("unit_indicators"));
    assertEquals(7L * (7 + 9), first.rows("score_histograms"), "scores 0..6 of every unit");
    assertEquals(4L * 9, first.rows("task_indicators"), "task scores only in 2025");
    assertEquals((long) before.get("task_mark_indicators").size(), first.rows("task_mark_indicators"));
    assertEquals(7L, first.rows("class_deficits"), "edu1 5А: task 2; edu2 5Б: 2, 4; edu3 5А: all four");
    assertEquals(Dynamics.INDICATORS.size() * 7L, first.rows("indicator_dynamics"),
        "2025 units that had a 2024: edu1 and edu3 (class and school), m01, m02, region");
    // edu1: 2 of 4 with mark 2 in 2024, 2 of 3 in 2025
    assertEquals(List.of("2025 edu1 ma5:share2_above_threshold|ma5:share2_top_decile"),
        sql("SELECT year, login, reasons FROM " + DB + ".low_result_schools").stream()
            .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList());
  }

  @Test
  void aSecondRunLeavesTheSameContents() {
    IndicatorsSummary second = new IndicatorsJob(spark(), config, SETTINGS).run();
    assertEquals(first.rows(), second.rows());
    assertEquals(before, contents());
    assertTrue(sql("SELECT count(*) FROM " + DB + ".runs WHERE job = 'indicators' AND outcome = 'succeeded'").get(0).getLong(0) >= 2);
  }

  @Test
  void levelViewsAnswerTheAnalystsQueries() {
    List<Row> municipalities = sql("SELECT municipality_code, written, share_2, share_3, share_4, share_5 FROM " + DB
        + ".municipality_indicators WHERE subject = 'ma' AND grade = 5 AND year = 2025 ORDER BY municipality_code");
    assertEquals(2, municipalities.size());
    assertEquals("m01", municipalities.get(0).getString(0));
    assertEquals(4L, municipalities.get(0).getLong(1));
    assertEquals(0.5, municipalities.get(0).getDouble(2), 1e-9, "a2 and a3 of a1, a2, a3, c1");
    Row region = sql("SELECT written, participants FROM " + DB + ".region_indicators WHERE year = 2025").get(0);
    assertEquals(6L, region.getLong(0));
    assertEquals(7L, region.getLong(1));
    long regionWritten = sql("SELECT sum(written) FROM " + DB + ".municipality_indicators WHERE year = 2025").get(0).getLong(0);
    long schoolsWritten = sql("SELECT sum(written) FROM " + DB + ".school_indicators WHERE year = 2025").get(0).getLong(0);
    long classesWritten = sql("SELECT sum(written) FROM " + DB + ".class_indicators WHERE year = 2025").get(0).getLong(0);
    assertEquals(List.of(6L, 6L, 6L), List.of(regionWritten, schoolsWritten, classesWritten));
    assertEquals(List.of("year", "subject", "grade", "municipality_code", "login", "participants"),
        List.of(table(DB + ".school_indicators").columns()).subList(0, 6), "a school row has no class column");
  }

  @Test
  void aRunForOneYearReplacesThatYearOnlyAndStillSeesTheYearBefore() {
    IndicatorsSummary only2025 = new IndicatorsJob(spark(), config.withYear(2025), SETTINGS).run();
    assertEquals(List.of(2025), only2025.years());
    assertEquals(9L, only2025.rows("unit_indicators"));
    assertEquals(before, contents(), "2024 untouched; dynamics and the list of 2025 read 2024 back from the table");
  }
}
