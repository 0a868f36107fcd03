package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.PipelineConfig;
import ru.vpr.test.SparkTestBase;

/**
 * The Spark job over {@code data-samples/bad}: every bad file or row is refused with the reason the
 * folder's README states, nothing is lost (zero-byte files included), and every good row is kept.
 */
class BadLandingIngestTest extends SparkTestBase {
  private static final String DB = databaseFor(BadLandingIngestTest.class);
  private static IngestSummary summary;

  @BeforeAll
  static void ingestBadLanding() {
    dropDatabase(DB);
    String bad = BadSamplesTest.BAD.toAbsolutePath().normalize().toString();
    PipelineConfig config = config(DB).withLanding(bad + "/landing").withRegistry(bad + "/schools.csv")
        .withSpecs(bad + "/specs");
    summary = new IngestJob(spark(), config).run();
  }

  @AfterAll
  static void drop() {
    dropDatabase(DB);
  }

  @Test
  void everyFileIsRecordedWithTheStatusAndReasonsOfTheReadme() throws Exception {
    Map<String, BadSamplesTest.Expected> expected = BadSamplesTest.readmeTable();
    Map<String, String> actual = new TreeMap<>();
    for (Row r : sql("SELECT f.path, f.status, sort_array(collect_set(j.reason)) FROM " + DB + ".ingest_files f "
        + "LEFT JOIN " + DB + ".rejects j ON j.path = f.path GROUP BY f.path, f.status")) {
      String relative = r.getString(0).substring(r.getString(0).indexOf("/landing/") + "/landing/".length());
      actual.put(relative, r.getString(1) + " " + new TreeSet<>(r.getList(2)));
    }
    Map<String, String> wanted = new TreeMap<>();
    expected.forEach((file, e) -> wanted.put(file, e.status() + " " + e.reasons()));
    assertEquals(wanted, actual);
    assertEquals(expected.size(), summary.filesSeen(), "the zero-byte file is seen too");
  }

  @Test
  void everyRowIsEitherAcceptedOrRefusedAndGoodRowsAreKept() {
    for (Row r : sql("SELECT path, rows_read, rows_accepted, rows_refused FROM " + DB + ".ingest_files WHERE status <> 'refused'")) {
      assertEquals(r.getLong(1), r.getLong(2) + r.getLong(3), "rows of " + r.getString(0));
    }
    long accepted = sql("SELECT sum(rows_accepted) FROM " + DB + ".ingest_files").get(0).getLong(0);
    assertEquals(accepted, table(DB + ".results").count());
    assertEquals(summary.rowsAccepted(), accepted);
    assertTrue(accepted > 40, "the bad set still carries its good rows: " + accepted);
  }

  @Test
  void refusedFilesLeaveNoRowsAndCarryAMessageForTheCoordinator() {
    assertEquals(0L, sql("SELECT count(*) FROM " + DB + ".results r JOIN " + DB + ".ingest_files f "
        + "ON r.source_path = f.path WHERE f.status = 'refused'").get(0).getLong(0));
    for (Row r : sql("SELECT path, message FROM " + DB + ".ingest_files WHERE status = 'refused'")) {
      assertFalse(r.isNullAt(1) || r.getString(1).isBlank(), "message for " + r.getString(0));
      assertTrue(r.getString(1).matches("(?s).*[А-Яа-я].*"), "in Russian: " + r.getString(1));
    }
  }

  @Test
  void personalDataFileLeavesNoCellAnywhere() {
    for (Row r : sql("SELECT to_json(struct(*)) FROM " + DB + ".rejects WHERE path LIKE '%edu100008.csv'")) {
      assertFalse(r.getString(0).contains("Иванов") || r.getString(0).contains("Петров"), r.getString(0));
    }
    assertEquals(0L, table(DB + ".forms_raw").where("source_path LIKE '%edu100008.csv'").count());
  }
}
