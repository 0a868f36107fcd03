package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.PipelineConfig;
import ru.vpr.ingest.read.ReadLimits;
import ru.vpr.test.LandingFixture;
import ru.vpr.test.SparkTestBase;

/**
 * Files that used to stop or mislead a run: a zip bomb, a file past the size and row limits, symbolic
 * links out of the landing, to nowhere and in a loop. Each is refused with its reason, once, while the
 * good form beside them lands.
 */
class HostileFilesTest extends SparkTestBase {
  private static final String DB = databaseFor(HostileFilesTest.class);
  /** Small limits, so that the tests' files pass them quickly; the zip bomb passes the defaults too. */
  private static final ReadLimits LIMITS = new ReadLimits(512 * 1024, 4096L * 1024 * 1024, 100, 64L * 1024 * 1024, 30);
  @TempDir static Path dir;
  private static PipelineConfig config;
  private static IngestSummary first;
  private static IngestSummary second;

  @BeforeAll
  static void ingestAHostileLanding() throws IOException {
    dropDatabase(DB);
    LandingFixture fixture = new LandingFixture(dir);
    fixture.write("schools.csv", String.join("\n", "login;name;municipality_code;municipality_name;locality;kind",
        "edu100001;Школа 1;m01;Город;город;СОШ", "edu100002;Школа 2;m01;Город;город;СОШ", "edu100003;Школа 3;m02;Район;село;ООШ",
        "edu100004;Школа 4;m02;Район;село;ООШ"), java.nio.charset.StandardCharsets.UTF_8);
    fixture.form("edu100001.csv", LandingFixture.SPEC_HEADER, "10001;1;1;2;1;2;5А;5", "10002;2;0;1;X;0;5А;3");
    Path grade = dir.resolve("landing/year=2025/subject=ma/grade=5");
    Files.write(grade.resolve("edu100002.xlsx"), zipBomb(200L * 1024 * 1024));
    StringBuilder big = new StringBuilder(LandingFixture.SPEC_HEADER).append('\n');
    for (int i = 0; big.length() < 600 * 1024; i++) big.append(String.format("%06d", i)).append(";1;1;2;1;2;5А;5\n");
    Files.writeString(grade.resolve("edu100003.csv"), big);
    StringBuilder many = new StringBuilder(LandingFixture.SPEC_HEADER).append('\n');
    for (int i = 0; i < 40; i++) many.append(30000 + i).append(";1;1;2;1;2;5;5\n");
    fixture.write("landing/year=2025/subject=ma/grade=5/edu100004.csv", many.toString(), java.nio.charset.StandardCharsets.UTF_8);
    Path outside = Files.writeString(dir.resolve("outside.csv"), LandingFixture.SPEC_HEADER + "\n99999;1;1;2;1;2;5А;5\n");
    Files.createSymbolicLink(grade.resolve("edu100005.csv"), outside);
    Files.createSymbolicLink(grade.resolve("edu100006.csv"), dir.resolve("nowhere.csv"));
    Files.createSymbolicLink(dir.resolve("landing/year=2025/loop"), dir.resolve("landing/year=2025"));
    config = fixture.configure(config(DB));
    first = new IngestJob(spark(), config).limits(LIMITS).run();
    second = new IngestJob(spark(), config).limits(LIMITS).run();
  }

  @AfterAll
  static void tearDown() {
    dropDatabase(DB);
  }

  /** A workbook whose one part is {@code bytes} of the same character: a few hundred KB on disk. */
  private static byte[] zipBomb(long bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes());
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] block = new byte[1024 * 1024];
      java.util.Arrays.fill(block, (byte) ' ');
      for (long written = 0; written < bytes; written += block.length) zip.write(block);
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void eachHostileFileIsRefusedWithItsReasonAndTheGoodOneLands() {
    Map<String, String> files = new TreeMap<>();
    for (Row r : sql("SELECT path, status, reason FROM " + DB + ".ingest_files")) {
      files.put(r.getString(0).substring(r.getString(0).indexOf("/landing/") + "/landing/".length()),
          r.getString(1) + " " + r.getString(2));
    }
    assertEquals(Map.of(
        "year=2025/subject=ma/grade=5/edu100001.csv", "accepted null",
        "year=2025/subject=ma/grade=5/edu100002.xlsx", "refused file_too_large",
        "year=2025/subject=ma/grade=5/edu100003.csv", "refused file_too_large",
        "year=2025/subject=ma/grade=5/edu100004.csv", "refused file_too_large",
        "year=2025/subject=ma/grade=5/edu100005.csv", "refused symlink",
        "year=2025/subject=ma/grade=5/edu100006.csv", "refused symlink",
        "year=2025/loop", "refused symlink"), files);
    assertEquals(2L, table(DB + ".results").count(), "the good form's two rows");
    assertEquals(0L, table(DB + ".results").where("code = '99999'").count(), "nothing is read through a link out");
    assertEquals(7, first.filesSeen(), "the loop is walked once: no file is seen through it");
    String summary = first.format();
    assertTrue(summary.contains("file_too_large: ") && summary.contains("edu100002.xlsx") && summary.contains("symlink: "),
        "the summary names the refused files: " + summary);
  }

  @Test
  void theMessagesSayByHowMuchAndWhy() {
    Map<String, String> messages = new TreeMap<>();
    for (Row r : sql("SELECT path, message FROM " + DB + ".rejects WHERE row_number = 0")) {
      messages.put(r.getString(0).replaceAll(".*/", ""), r.getString(1));
    }
    assertTrue(messages.get("edu100002.xlsx").contains("zip-бомб"), messages.get("edu100002.xlsx"));
    assertTrue(messages.get("edu100003.csv").contains("файл занимает 0,6 МБ, а можно не больше 0,5 МБ"),
        messages.get("edu100003.csv"));
    assertTrue(messages.get("edu100004.csv").contains("больше 30 строк"), messages.get("edu100004.csv"));
    assertTrue(messages.get("edu100005.csv").contains("за пределы папки приёма"), messages.get("edu100005.csv"));
    assertTrue(messages.get("edu100006.csv").contains("в никуда"), messages.get("edu100006.csv"));
    assertTrue(messages.get("loop").contains("прочитан на своём месте"), messages.get("loop"));
  }

  @Test
  void aSecondRunSeesTheSameFilesAndRecordsNothingAgain() {
    assertEquals(first.filesSeen(), second.filesSeen());
    assertEquals(second.filesSeen(), second.filesSkipped(), second.format());
    assertEquals(1L, sql("SELECT count(DISTINCT run_id) FROM " + DB + ".rejects").get(0).getLong(0),
        "each refusal recorded once");
  }
}
