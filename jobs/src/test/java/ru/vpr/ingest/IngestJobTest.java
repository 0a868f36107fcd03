package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.PipelineConfig;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;
import ru.vpr.test.LandingFixture;
import ru.vpr.test.SparkTestBase;

/** The ingest job end to end on real Delta tables: what lands, what is refused, what a re-run does. */
class IngestJobTest extends SparkTestBase {
  private static final String DB = databaseFor(IngestJobTest.class);

  @TempDir Path dir;
  private LandingFixture fixture;
  private PipelineConfig config;

  @BeforeEach
  void setUp() {
    dropDatabase(DB);
    fixture = new LandingFixture(dir);
    config = fixture.configure(config(DB));
  }

  @AfterAll
  static void tearDown() {
    dropDatabase(DB);
  }

  private IngestSummary ingest() {
    return new IngestJob(spark(), config).run();
  }

  private void schoolOneAndTwo() {
    fixture.form("edu100001.csv", LandingFixture.SPEC_HEADER,
        "10001;1;1;2;1;2;5А;5",
        "10002;2;0;1;X;0;5 а;3",
        "10003;отсутствовал;;;;;5А;4",
        "10004;1;1;9;1;1;5А;4");
    fixture.form("edu100002.csv", LandingFixture.SPEC_HEADER,
        "20001;1;1;2;1;1;5Б;",
        "20002;2;1;1;1;0;5Б;нет отметки");
  }

  @Test
  void acceptsGoodRowsComputesScoresAndRefusesBadRowsWithReasons() {
    schoolOneAndTwo();
    IngestSummary summary = ingest();

    assertEquals(2, summary.filesSeen());
    assertEquals(1, summary.filesAccepted());
    assertEquals(1, summary.filesPartial());
    assertEquals(5, summary.rowsAccepted());
    assertEquals(1, summary.rowsRefused());
    assertEquals(Map.of("score_above_max", 1L), summary.refusedByReason());

    Row pupil = sql("SELECT primary_score, mark, journal_mark, class, municipality_code, score_pct, tasks_not_attempted "
        + "FROM " + DB + ".results WHERE code = '10002'").get(0);
    assertEquals(1, pupil.getInt(0), "X counts 0 in the primary score");
    assertEquals(2, pupil.getInt(1), "1 point is below min3 = 2");
    assertEquals(3, pupil.getInt(2));
    assertEquals("5А", pupil.getString(3), "'5 а' normalises to 5А");
    assertEquals("m01", pupil.getString(4));
    assertEquals(16.67, pupil.getDouble(5), 1e-9);
    assertEquals(1, pupil.getInt(6));

    Row top = sql("SELECT primary_score, mark FROM " + DB + ".results WHERE code = '10001'").get(0);
    assertEquals(6, top.getInt(0));
    assertEquals(5, top.getInt(1));

    Row absent = sql("SELECT absent, primary_score, mark, variant FROM " + DB + ".results WHERE code = '10003'").get(0);
    assertTrue(absent.getBoolean(0));
    assertTrue(absent.isNullAt(1) && absent.isNullAt(2) && absent.isNullAt(3));
    assertEquals(0L, table(DB + ".task_scores").where("code = '10003'").count(), "absent pupils have no task rows");

    Row x = sql("SELECT score, not_attempted, max, task_order FROM " + DB + ".task_scores WHERE code = '10002' AND task = '3.1'").get(0);
    assertTrue(x.isNullAt(0), "X is kept as null, not 0");
    assertTrue(x.getBoolean(1));
    assertEquals(1, x.getInt(2));
    assertEquals(3, x.getInt(3));
    Row zero = sql("SELECT score, not_attempted FROM " + DB + ".task_scores WHERE code = '10002' AND task = '3.2'").get(0);
    assertEquals(0, zero.getInt(0));
    assertFalse(zero.getBoolean(1));

    Row reject = sql("SELECT reason, row_number, code, severity, message, raw FROM " + DB + ".rejects WHERE severity = 'error'").get(0);
    assertEquals("score_above_max", reject.getString(0));
    assertEquals(5, reject.getInt(1), "row 5 of the file: header is row 1");
    assertEquals("10004", reject.getString(2));
    assertTrue(reject.getString(4).contains("2"), reject.getString(4));
    assertTrue(reject.getString(5).contains("10004"));

    Map<String, String> statuses = new LinkedHashMap<>();
    for (Row r : sql("SELECT path, status, rows_read, rows_accepted, rows_refused FROM " + DB + ".ingest_files ORDER BY path")) {
      statuses.put(r.getString(0).replaceAll(".*/", ""), r.getString(1) + " " + r.getLong(2) + "/" + r.getLong(3) + "/" + r.getLong(4));
    }
    assertEquals(Map.of("edu100001.csv", "partial 4/3/1", "edu100002.csv", "accepted 2/2/0"), statuses);
    assertEquals(6L, table(DB + ".forms_raw").count(), "bronze keeps every data row read, refused ones too");
    assertEquals(3L, table(DB + ".schools").count());
    assertEquals(4L, table(DB + ".tasks").where("year = 2025").count(), "the region's own spec");
    assertTrue(table(DB + ".tasks").where("year = 2021 AND subject = 'hi' AND grade = 5").count() > 0,
        "the built-in specs of real works are there too");

    Row run = sql("SELECT job, outcome, counts['rows_accepted'] FROM " + DB + ".runs").get(0);
    assertEquals("ingest", run.getString(0));
    assertEquals("succeeded", run.getString(1));
    assertEquals(5L, run.getLong(2));
  }

  @Test
  void secondRunOnTheSameLandingChangesNoTableNorDoesTouchingAFile() throws Exception {
    schoolOneAndTwo();
    ingest();
    Map<String, Long> before = versions();
    List<Row> resultsBefore = sql("SELECT * FROM " + DB + ".results ORDER BY code");

    IngestSummary again = ingest();

    assertEquals(2, again.filesSkipped());
    assertEquals(0, again.filesRead());
    assertEquals(before, versions());
    assertEquals(resultsBefore, sql("SELECT * FROM " + DB + ".results ORDER BY code"));
    assertEquals(2L, table(DB + ".runs").count(), "each run is still recorded");

    // A newer modification time with the same bytes is not a change either.
    Path file = dir.resolve("landing/year=2025/subject=ma/grade=5/edu100002.csv");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
    assertEquals(2, ingest().filesSkipped());
    assertEquals(before, versions());
  }

  @Test
  void aFileGoneFromTheLandingIsRecordedAndItsRowsKeptUntilRetired() throws Exception {
    schoolOneAndTwo();
    ingest();
    Path file = dir.resolve("landing/year=2025/subject=ma/grade=5/edu100002.csv");
    byte[] content = Files.readAllBytes(file);
    Files.delete(file);

    IngestSummary missing = ingest();
    assertEquals(1, missing.filesMissing());
    assertTrue(missing.format().contains("1 no longer in the landing: their rows are kept"), missing.format());
    assertEquals("missing", sql("SELECT status FROM " + DB + ".ingest_files WHERE path LIKE '%edu100002.csv'").get(0).getString(0));
    assertEquals(2L, table(DB + ".results").where("login = 'edu100002'").count(), "the rows stay");

    IngestSummary retired = new IngestJob(spark(), config).retireMissing(true).run();
    assertEquals(1, retired.filesMissing(), "the file recorded as missing is retired");
    assertEquals(0L, table(DB + ".results").where("login = 'edu100002'").count());
    assertEquals(0L, table(DB + ".task_scores").where("login = 'edu100002'").count());
    assertEquals(0L, table(DB + ".forms_raw").where("source_path LIKE '%edu100002.csv'").count());
    assertEquals("retired", sql("SELECT status FROM " + DB + ".ingest_files WHERE path LIKE '%edu100002.csv'").get(0).getString(0));
    assertEquals(1L, table(DB + ".ingest_files").where("path LIKE '%edu100002.csv'").count(), "one row per file, ever");
    assertEquals(3L, table(DB + ".results").where("login = 'edu100001'").count(), "the other school keeps its rows");

    Files.write(file, content);
    IngestSummary back = ingest();
    assertEquals(1, back.filesRead(), "a file that comes back is read again");
    assertEquals(2L, table(DB + ".results").where("login = 'edu100002'").count());
  }

  @Test
  void changedFileReplacesExactlyItsSchoolWork() {
    schoolOneAndTwo();
    ingest();
    String otherRunBefore = sql("SELECT DISTINCT run_id FROM " + DB + ".results WHERE login = 'edu100002'").get(0).getString(0);

    fixture.form("edu100001.csv", LandingFixture.SPEC_HEADER,
        "10001;1;1;2;1;1;5А;5",
        "10005;2;1;1;1;1;5А;4");
    IngestSummary summary = ingest();

    assertEquals(1, summary.filesRead());
    assertEquals(1, summary.filesSkipped());
    List<Row> school1 = sql("SELECT code, primary_score FROM " + DB + ".results WHERE login = 'edu100001' ORDER BY code");
    assertEquals(List.of("10001:5", "10005:4"),
        school1.stream().map(r -> r.getString(0) + ":" + r.getInt(1)).toList(),
        "old pupils 10002, 10003 are gone, the new one is in");
    assertEquals(8L, table(DB + ".task_scores").where("login = 'edu100001'").count());
    assertEquals(otherRunBefore,
        sql("SELECT DISTINCT run_id FROM " + DB + ".results WHERE login = 'edu100002'").get(0).getString(0),
        "the other school's rows were not rewritten");
    assertEquals(0L, table(DB + ".rejects").where("severity = 'error'").count(), "the old file's rejects went with it");
    assertEquals(2L, table(DB + ".forms_raw").where("source_path LIKE '%edu100001.csv'").count());
  }

  @Test
  void fileWithPersonalDataNeverReachesTheTables() {
    fixture.form("edu100003.csv",
        "Код;ФИО;Вариант;1 (1б);2 (2б);3.1 (1б);3.2 (2б);Класс",
        "30001;Иванов Иван Иванович;1;1;2;1;2;5А");
    IngestSummary summary = ingest();

    assertEquals(1, summary.filesRefused());
    assertEquals(Map.of("personal_data", 1L), summary.refusedFilesByReason());
    assertEquals(0L, table(DB + ".results").count());
    assertEquals(0L, table(DB + ".forms_raw").count());
    Row reject = sql("SELECT reason, row_number, raw, message FROM " + DB + ".rejects").get(0);
    assertEquals("personal_data", reject.getString(0));
    assertEquals(0, reject.getInt(1));
    assertNull(reject.get(2));
    for (Row r : sql("SELECT to_json(struct(*)) FROM " + DB + ".rejects UNION ALL SELECT to_json(struct(*)) FROM " + DB + ".ingest_files")) {
      assertFalse(r.getString(0).contains("Иванов"), "no personal data in any table: " + r.getString(0));
    }
  }

  @Test
  void windows1251FormIsReadLikeUtf8() {
    fixture.form("edu100003.csv", Charset.forName("windows-1251"), LandingFixture.SPEC_HEADER,
        "30001;1;1;2;1;2;5В;5");
    assertEquals(1, ingest().rowsAccepted());
    assertEquals("5В", sql("SELECT class FROM " + DB + ".results").get(0).getString(0));
  }

  @Test
  void sameSchoolWorkFromTwoFilesKeepsTheNewestAndRefusesTheOther() throws Exception {
    Path older = fixture.form("edu100001.csv", LandingFixture.SPEC_HEADER, "10001;1;1;2;1;2;5А;5");
    Files.setLastModifiedTime(older, FileTime.from(Instant.now().minusSeconds(3600)));
    fixture.form("export_m01.csv", "Логин ОО;" + LandingFixture.SPEC_HEADER,
        "edu100001;10001;1;0;0;0;0;5А;5",
        "edu100002;20001;1;1;1;1;1;5Б;4");

    IngestSummary summary = ingest();

    assertEquals(2, summary.rowsAccepted());
    assertEquals(Map.of("duplicate_work", 1L), summary.refusedByReason());
    assertEquals(0, sql("SELECT primary_score FROM " + DB + ".results WHERE login = 'edu100001'").get(0).getInt(0),
        "the newer regional export wins");
    Row file = sql("SELECT status, reason FROM " + DB + ".ingest_files WHERE path LIKE '%edu100001.csv'").get(0);
    assertEquals("refused", file.getString(0));
    assertEquals("duplicate_work", file.getString(1));
  }

  private Map<String, Long> versions() {
    TableCatalog catalog = new TableCatalog(spark(), DB);
    Map<String, Long> versions = new LinkedHashMap<>();
    for (TableDef t : Tables.INGEST_TABLES) {
      if (t != Tables.RUNS) versions.put(t.name(), catalog.version(t));
    }
    return versions;
  }
}
