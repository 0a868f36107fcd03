package ru.vpr.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.PipelineConfig;
import ru.vpr.ingest.IngestJob;
import ru.vpr.ingest.IngestSummary;
import ru.vpr.reference.BuiltinSpecs;
import ru.vpr.reference.Scale;
import ru.vpr.reference.WorkKey;
import ru.vpr.registry.RegistryJob;
import ru.vpr.registry.RegistrySummary;
import ru.vpr.test.PlainXlsx;
import ru.vpr.test.RealExports;
import ru.vpr.test.SparkTestBase;

/**
 * The real FIS OKO exports of {@code ../shared/real}, as a coordinator downloads them, ingested whole: the
 * registry built from the exports and the region's school list, the built-in specs, the works placed by
 * the files' names. Checked against the files themselves, read a second time with the JDK's XML parser
 * (not ingest's reader). Skipped, saying why, when the folder is absent.
 */
class RealExportsIngestTest extends SparkTestBase {
  private static final String DB = databaseFor(RealExportsIngestTest.class);
  private static Path landing;
  private static Path scratch;
  private static RegistrySummary registry;
  private static IngestSummary ingest;

  /** The exports the issue names, with where a coordinator's downloads would put them. */
  private static final Map<String, String> FILES = Map.of(
      "exports-2021/Проведение работы по окружающему миру, 4 класс. ВПР 2021.xlsx", "Проведение работы по окружающему миру, 4 класс. ВПР 2021.xlsx",
      "exports-2021/Проведение работы по истории, 5 класс. ВПР 2021.xlsx", "Проведение работы по истории, 5 класс. ВПР 2021.xlsx",
      "exports-2021/Проведение работы по биологии, 5 класс. ВПР 2021.xlsx", "Проведение работы по биологии, 5 класс. ВПР 2021.xlsx",
      "exports-2020/4/Математика.xlsx", "2020/4/Математика.xlsx");

  @BeforeAll
  static void ingestTheRealExports() throws IOException {
    Path real = RealExports.folder();
    scratch = Files.createTempDirectory("vpr-real");
    landing = scratch.resolve("downloads");
    // Copied into a scratch landing at run time (never into the repository), laid out as FIS OKO names them.
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Path to = landing.resolve(f.getValue());
      Files.createDirectories(to.getParent());
      Files.copy(real.resolve(f.getKey()), to);
    }
    for (Path file : RealExports.xlsxUnder("exports-2022")) {
      Path to = landing.resolve("2022").resolve(real.resolve("exports-2022").relativize(file));
      Files.createDirectories(to.getParent());
      Files.copy(file, to);
    }
    dropDatabase(DB);
    PipelineConfig config = config(DB).withLanding(landing.toString())
        .withRegistry(scratch.resolve("schools.csv").toString()).withSpecs(BuiltinSpecs.ONLY);
    registry = new RegistryJob(spark()).landing(config.landing()).schoolList(real.resolve("logins.xlsx").toString())
        .registry(config.registry()).run();
    ingest = new IngestJob(spark(), config).run();
  }

  @AfterAll
  static void tearDown() {
    if (ingest != null) dropDatabase(DB);
  }

  @Test
  void atLeast995PerCentOfTheRowsGoInAndTheRestAreRefusedWithReasons() {
    long read = ingest.rowsAccepted() + ingest.rowsRefused();
    assertTrue(read > 115_000, "the whole exports: " + read);
    assertTrue(ingest.rowsAccepted() >= 0.995 * read, ingest.format());
    long rejected = sql("SELECT count(DISTINCT path, row_number) FROM " + DB + ".rejects WHERE severity = 'error' AND row_number > 0")
        .get(0).getLong(0);
    assertEquals(ingest.rowsRefused(), rejected, "every refused row is in rejects");
    assertEquals(0L, sql("SELECT count(*) FROM " + DB + ".rejects WHERE message IS NULL OR message = ''").get(0).getLong(0));
    assertEquals(Map.of("unknown_work", 1L), ingest.refusedFilesByReason(), "2022 history 6: no published scale");
    assertTrue(registry.added() > 1000, registry.format());
  }

  @Test
  void everyRowOfTheFileIsInResultsOrRefused() throws IOException {
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      List<List<String>> rows = PlainXlsx.rows(RealExports.file(f.getKey()), "xl/worksheets/sheet1.xml");
      long dataRows = rows.stream().skip(1).filter(r -> r.stream().anyMatch(c -> !c.isBlank())).count();
      Row file = sql("SELECT rows_read, rows_accepted, rows_refused FROM " + DB + ".ingest_files WHERE path LIKE '%"
          + f.getValue().replace("'", "''") + "'").get(0);
      assertEquals(dataRows, file.getLong(0), f.getKey());
      assertEquals(dataRows, file.getLong(1) + file.getLong(2), f.getKey());
      long inResults = sql("SELECT count(*) FROM " + DB + ".results WHERE source_path LIKE '%" + f.getValue().replace("'", "''") + "'")
          .get(0).getLong(0);
      assertEquals(file.getLong(1), inResults, f.getKey());
    }
  }

  @Test
  void regionMarkSharesEqualThoseCountedFromTheFile() throws IOException {
    Map<Path, String> files = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> f : FILES.entrySet()) files.put(RealExports.file(f.getKey()), f.getValue());
    for (Path file : RealExports.xlsxUnder("exports-2022")) {
      files.put(file, "2022/" + RealExports.folder().resolve("exports-2022").relativize(file));
    }
    int checked = 0;
    for (Map.Entry<Path, String> f : files.entrySet()) {
      Path file = f.getKey();
      boolean fisOko = f.getValue().startsWith("2022/");
      List<List<String>> rows = fisOko ? PlainXlsx.rowsOfSheet(file, "Протокол") : PlainXlsx.rows(file, "xl/worksheets/sheet1.xml");
      WorkKey work = ru.vpr.ingest.LandingLayout.workOf("file:" + landing, "file:" + landing.resolve(f.getValue()));
      java.util.Optional<ru.vpr.reference.WorkSpec> known = BuiltinSpecs.catalog().work(work);
      if (known.isEmpty()) continue;
      ru.vpr.reference.WorkSpec spec = known.get();
      checked++;
      long[] marks = marksCountedFromTheFile(rows, spec);
      long written = marks[2] + marks[3] + marks[4] + marks[5];
      // The region's shares of marks as the indicators define them: among the pupils who wrote.
      Row region = sql("SELECT count(*), avg(CAST(mark = 2 AS INT)), avg(CAST(mark = 3 AS INT)), avg(CAST(mark = 4 AS INT)),"
          + " avg(CAST(mark = 5 AS INT)) FROM " + DB + ".results WHERE NOT absent AND year = " + work.year()
          + " AND subject = '" + work.subject() + "' AND grade = " + work.grade()).get(0);
      assertEquals(written, region.getLong(0), work.toString());
      for (int mark = 2; mark <= 5; mark++) {
        assertEquals((double) marks[mark] / written, region.getDouble(mark - 1), 1e-9, work + " share of " + mark);
      }
    }
    assertEquals(4 + 19, checked, "the four 2020/2021 exports and the 2022 works with a spec");
  }

  /**
   * Marks as a person would count them from the sheet: present pupils whose task cells are all scores
   * within the task's max or a not-attempted token (the rows ingest may keep), summed, put on the scale.
   */
  private static long[] marksCountedFromTheFile(List<List<String>> rows, ru.vpr.reference.WorkSpec spec) {
    List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    List<Integer> taskColumns = new ArrayList<>();
    List<Integer> named = new ArrayList<>();  // the 2022 export names its tasks "5(1) (1б)": in spec order
    for (int c = 0; c < header.size(); c++) if (header.get(c).matches(".*\\(\\d+б\\)")) named.add(c);
    for (int k = 1; k <= spec.tasks().size(); k++) {
      int c = header.indexOf("балл за " + k);
      if (c < 0) c = header.indexOf("a-" + k + "-grade");
      if (c < 0 && named.size() == spec.tasks().size()) c = named.get(k - 1);
      taskColumns.add(c);
    }
    int variant = header.contains("вариант") ? header.indexOf("вариант") : header.indexOf("var-1");
    assertTrue(taskColumns.stream().allMatch(c -> c >= 0) && variant >= 0, "the test finds every task column: " + header);
    Scale scale = spec.scale();
    long[] marks = new long[6];
    rows:
    for (List<String> row : rows.subList(1, rows.size())) {
      String v = cell(row, variant).trim();
      if (v.isEmpty() || v.startsWith("отсутств") || v.equals("0")) continue;
      int sum = 0;
      for (int k = 0; k < taskColumns.size(); k++) {
        String text = cell(row, taskColumns.get(k)).replace('\u00A0', ' ').trim().toLowerCase(Locale.ROOT);
        if (text.equals("x") || text.equals("х") || text.startsWith("не пройд")) continue;
        if (!text.matches("\\d+") || Integer.parseInt(text) > spec.tasks().get(k).max()) continue rows;
        sum += Integer.parseInt(text);
      }
      marks[scale.markFor(sum)]++;
    }
    return marks;
  }

  private static String cell(List<String> row, int column) {
    return column >= 0 && column < row.size() ? row.get(column) : "";
  }

  @Test
  void noPupilIsLostBetweenResultsAndTaskScores() {
    Row counts = sql("SELECT (SELECT count(*) FROM " + DB + ".results WHERE NOT absent),"
        + " (SELECT count(*) FROM (SELECT DISTINCT year, subject, grade, login, code FROM " + DB + ".task_scores)),"
        + " (SELECT sum(t.n) FROM (SELECT r.year, r.subject, r.grade, count(*) AS n FROM " + DB + ".results r"
        + "   JOIN " + DB + ".tasks k ON r.year = k.year AND r.subject = k.subject AND r.grade = k.grade"
        + "   WHERE NOT r.absent GROUP BY r.year, r.subject, r.grade) t),"
        + " (SELECT count(*) FROM " + DB + ".task_scores)").get(0);
    assertEquals(counts.getLong(0), counts.getLong(1), "every written work has its task scores");
    assertEquals(counts.getLong(2), counts.getLong(3), "one task score per task of the work");
  }

  @Test
  void theRegistryPutsEverySchoolOfTheExportsInAMunicipality() {
    Map<String, Long> missing = new TreeMap<>();
    for (Row r : sql("SELECT r.year, count(*) FROM " + DB + ".results r WHERE r.municipality_code IS NULL OR r.municipality_code = '' GROUP BY r.year")) {
      missing.put(String.valueOf(r.getInt(0)), r.getLong(1));
    }
    assertEquals(Map.of(), missing);
    assertTrue(sql("SELECT count(DISTINCT municipality_code) FROM " + DB + ".schools").get(0).getLong(0) >= 60);
  }
}
