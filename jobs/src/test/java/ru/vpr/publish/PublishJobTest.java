package ru.vpr.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.config.PublishConfig;
import ru.vpr.detect.DetectJob;
import ru.vpr.indicators.IndicatorsJob;
import ru.vpr.ingest.IngestJob;
import ru.vpr.notebooks.NotebookQueries;
import ru.vpr.test.SampleRegion;
import ru.vpr.test.SparkTestBase;

/**
 * Publish end to end on Delta tables: maths grade 4 of the committed sample region for 2023-2025 (it
 * holds planted dictation) ingested, indicators computed and detection run by the real jobs, then
 * published twice with the same settings and once with another capacity. Checks the files against
 * contract §3, that publishing again gives identical files and no new version in the tables, that a
 * new setting gives a new publication kept beside the first, and the list and reports are there.
 */
class PublishJobTest extends SparkTestBase {
  private static final String DB = databaseFor(PublishJobTest.class);
  private static final List<Integer> YEARS = List.of(2023, 2024, 2025);
  private static final List<String> CONTRACT = List.of("year", "subject", "grade", "municipality_code", "login", "class",
      "participants", "scored", "risk_score", "risk_rank", "flagged", "reasons");
  private static final DetectConfig DETECT = DetectConfig.defaults().withFlagging(0.25, 0);
  private static final PublishConfig PUBLISH = PublishConfig.defaults();
  @TempDir static Path landing;
  @TempDir static Path publishDir;
  private static PipelineConfig config;
  private static PublishSummary first;
  private static Map<String, byte[]> firstFiles;
  private static PublishSummary second;
  private static Map<String, byte[]> secondFiles;
  private static long publicationsAfterSecond;

  @BeforeAll
  static void runThePipelineAndPublishTwice() throws IOException {
    dropDatabase(DB);
    SampleRegion.copyWorks(landing, YEARS, List.of("subject=ma/grade=4"));
    config = SampleRegion.withReference(config(DB), landing).withPublishDir(publishDir.toString());
    new IngestJob(spark(), config).run();
    new IndicatorsJob(spark(), config, IndicatorsConfig.defaults()).run();
    new DetectJob(spark(), config, DETECT).run();
    first = new PublishJob(spark(), config, PUBLISH).run();
    firstFiles = files();
    second = new PublishJob(spark(), config, PUBLISH).run();
    secondFiles = files();
    publicationsAfterSecond = count("SELECT count(*) FROM " + DB + ".publications");
  }

  @AfterAll
  static void tearDown() {
    dropDatabase(DB);
  }

  @Test
  void everyYearHasTheContractFilesTheListAndTheReports() {
    assertEquals(YEARS, first.years());
    for (int year : YEARS) {
      for (String name : List.of("risk_classes.csv", "risk_schools.csv", "recheck_sample.csv", "risk_zone.xlsx",
          "partner_schools.csv", "low_result_schools.csv", "recheck_outcomes.csv", "risk_dynamics.csv",
          "reports/region.html", "manifest.json")) {
        assertTrue(firstFiles.containsKey(year + "/" + name), year + "/" + name + " in " + firstFiles.keySet());
      }
      assertTrue(firstFiles.keySet().stream().anyMatch(f -> f.startsWith(year + "/reports/municipality_")));
    }
    assertTrue(firstFiles.keySet().stream().noneMatch(f -> f.contains(".staging") || f.endsWith(".crc")),
        firstFiles.keySet().toString());
  }

  @Test
  void riskFilesHaveOneRowPerUnitWithTheContractColumns() throws IOException {
    for (int year : YEARS) {
      List<CSVRecord> classes = csv(year, "risk_classes.csv");
      List<CSVRecord> schools = csv(year, "risk_schools.csv");
      assertEquals(count("SELECT count(*) FROM " + DB + ".risk_classes WHERE year = " + year), classes.size());
      assertEquals(count("SELECT count(*) FROM " + DB + ".risk_schools WHERE year = " + year), schools.size());
      for (List<CSVRecord> file : List.of(classes, schools)) {
        assertEquals(CONTRACT, file.get(0).getParser().getHeaderNames().subList(0, CONTRACT.size()));
        Set<String> units = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (CSVRecord r : file) {
          assertEquals(String.valueOf(year), r.get("year"));
          assertTrue(units.add(r.get("subject") + r.get("grade") + r.get("login") + r.get("class")), "one row per unit");
          assertTrue(Set.of("0", "1").contains(r.get("scored")) && Set.of("0", "1").contains(r.get("flagged")));
          if (r.get("scored").equals("1")) {
            double score = Double.parseDouble(r.get("risk_score"));
            assertTrue(score >= 0 && score <= 1, r.toString());
            assertTrue(ranks.add(Integer.parseInt(r.get("risk_rank"))), "ranks are distinct");
          } else {
            assertEquals("", r.get("risk_score"));
            assertFalse(r.get("reasons").isEmpty(), "an unscored unit says why");
          }
          if (r.get("flagged").equals("1")) assertFalse(r.get("reasons").isEmpty());
          assertInRussian(r.get("reasons"), r.get("reasons_ru"), ru.vpr.publish.model.RiskReason::russian);
        }
        assertTrue(ranks.isEmpty() || ranks.contains(1));
      }
      assertTrue(schools.stream().allMatch(r -> r.get("class").isEmpty()), "class is empty in risk_schools.csv");
      assertTrue(classes.stream().noneMatch(r -> r.get("class").isEmpty()));
    }
    assertTrue(first.published().stream().mapToInt(PublishSummary.Year::flaggedClasses).sum() > 0,
        "the planted dictation is flagged in some year");
  }

  @Test
  void recheckSampleRespectsCapacityAndNamesItsReasons() throws IOException {
    Set<String> reasons = Set.of("threshold", "journal", "inversion", "identical", "rubric", "flagged_class", "control");
    for (int year : YEARS) {
      List<CSVRecord> sample = csv(year, "recheck_sample.csv");
      assertEquals(List.of("year", "subject", "grade", "login", "class", "code", "reason"),
          sample.isEmpty() ? List.of("year", "subject", "grade", "login", "class", "code", "reason")
              : sample.get(0).getParser().getHeaderNames().subList(0, 7));
      Map<String, Integer> evidencePerMunicipality = new HashMap<>();
      for (CSVRecord r : sample) {
        for (String reason : r.get("reason").split("\\|")) assertTrue(reasons.contains(reason), reason);
        assertInRussian(r.get("reason"), r.get("reason_ru"), ru.vpr.publish.model.RecheckReason::russian);
        if (!r.get("reason").equals("control")) evidencePerMunicipality.merge(r.get("municipality_code"), 1, Integer::sum);
      }
      evidencePerMunicipality.values().forEach(n -> assertTrue(n <= PUBLISH.recheck().capacity()));
      long flaggedClasses = count("SELECT count(*) FROM " + DB + ".risk_classes WHERE flagged AND year = " + year);
      if (flaggedClasses > 0) assertFalse(evidencePerMunicipality.isEmpty(), "flagged classes give works to re-check");
      assertTrue(sample.stream().anyMatch(r -> r.get("reason").equals("control")), "a control sample every year");
    }
  }

  @Test
  void partnersAreNeverFlagged() {
    long partners = count("SELECT count(*) FROM " + DB + ".partner_schools");
    long flaggedPartners = count("SELECT count(*) FROM " + DB + ".partner_schools p JOIN " + DB + ".risk_school_totals t "
        + "ON t.login = p.partner_login AND t.year BETWEEN p.year - 2 AND p.year WHERE t.flagged");
    assertEquals(0, flaggedPartners);
    long flaggedSchools = count("SELECT count(*) FROM " + DB + ".risk_school_totals WHERE flagged");
    if (flaggedSchools > 0) assertTrue(partners > 0, "flagged schools get partners in a sample of 40 schools");
  }

  @Test
  void publishingAgainGivesIdenticalFilesAndNoNewVersion() {
    assertEquals(firstFiles.keySet(), secondFiles.keySet());
    for (String name : firstFiles.keySet()) assertArrayEquals(firstFiles.get(name), secondFiles.get(name), name);
    for (int i = 0; i < YEARS.size(); i++) {
      assertEquals(first.published().get(i).publicationId(), second.published().get(i).publicationId());
    }
    assertEquals(YEARS.size(), publicationsAfterSecond);
    assertEquals(count("SELECT count(*) FROM " + DB + ".risk_classes"),
        count("SELECT count(*) FROM " + DB + ".published_risk_classes WHERE publication_id IN ("
            + String.join(",", first.published().stream().map(y -> "'" + y.publicationId() + "'").toList()) + ")"));
  }

  @Test
  void anotherCapacityIsANewPublicationKeptBesideTheFirst() {
    PublishConfig smaller = PUBLISH.withRecheck(new PublishConfig.Recheck(1, Map.of(), 1, 1, 1, 1, 1, 1.645, 5));
    PublishSummary third = new PublishJob(spark(), config.withYear(2025), smaller).run();
    String before = second.published().get(2).publicationId();
    String after = third.published().get(0).publicationId();
    assertNotEquals(before, after);
    assertEquals(2, count("SELECT count(*) FROM " + DB + ".publications WHERE year = 2025"));
    assertEquals(2, count("SELECT count(DISTINCT publication_id) FROM " + DB + ".recheck_sample WHERE year = 2025"));
    // Publishing with the first settings again restores the first sample. (Its publication id may differ:
    // the works of the second publication's control sample now count as controls in recheck_outcomes.)
    new PublishJob(spark(), config.withYear(2025), PUBLISH).run();
    for (String name : List.of("risk_classes.csv", "risk_schools.csv", "recheck_sample.csv")) {
      assertArrayEquals(firstFiles.get("2025/" + name), read("2025/" + name), name);
    }
  }

  @Test
  void theListReadsBackWithASheetPerMunicipality() throws IOException {
    List<Row> municipalities = sql("SELECT DISTINCT municipality_code FROM " + DB + ".schools");
    try (ReadableWorkbook book = new ReadableWorkbook(Files.newInputStream(publishDir.resolve("2025/risk_zone.xlsx")))) {
      List<Sheet> sheets = book.getSheets().toList();
      assertTrue(sheets.size() >= municipalities.size() + 1, sheets.size() + " sheets");
      assertEquals("Сводка", sheets.get(0).getName());
    }
    String region = new String(firstFiles.get("2025/reports/region.html"), StandardCharsets.UTF_8);
    assertTrue(region.contains("<svg") && region.contains("lang=\"ru\""));
  }

  @Test
  void theRunIsRecorded() {
    List<Row> runs = sql("SELECT outcome, counts FROM " + DB + ".runs WHERE job = 'publish' ORDER BY started_at");
    assertTrue(runs.size() >= 2);
    assertEquals("succeeded", runs.get(0).getString(0));
    assertTrue(count("SELECT count(*) FROM " + DB + ".recheck_outcomes") > 0, "the sample region has re-checks");
    assertTrue(count("SELECT count(*) FROM " + DB + ".risk_dynamics WHERE municipality_code IS NULL") >= YEARS.size());
  }

  /**
   * The analysts' notebooks (notebooks/*.ipynb) run their queries against this warehouse: every one,
   * with the notebook's own parameters bound as the notebook binds them ({@code args}, with the
   * setting their setup cell makes: with the Delta extension Spark 4.1 leaves the markers unbound,
   * apache/spark#55392), on the tables these jobs wrote.
   */
  @Test
  void theNotebooksQueriesRunOnTheWarehouse() throws IOException {
    String binding = "spark.sql.legacy.parameterSubstitution.constantsOnly";
    spark().conf().set(binding, "true");
    int ran = 0;
    try {
      for (NotebookQueries notebook : NotebookQueries.all(NotebookQueries.defaultDir())) {
        for (NotebookQueries.Query query : notebook.queriesIn(DB)) {
          try {
            spark().sql(query.sql(), query.args()).collectAsList();
          } catch (Exception e) {
            throw new AssertionError(query.label() + " fails: " + e.getMessage() + "\n" + query.sql(), e);
          }
          ran++;
        }
      }
    } finally {
      spark().conf().unset(binding);
    }
    assertTrue(ran >= 12, ran + " queries");
  }

  /** The notebooks' SQL files (notebooks/sql) run in the shell as {@code bin/vpr sql -f} runs them, each query giving a table. */
  @Test
  void theNotebooksSqlFilesRunInTheShell() throws IOException {
    int files = 0;
    for (NotebookQueries notebook : NotebookQueries.all(NotebookQueries.defaultDir())) {
      Path file = NotebookQueries.sqlDir(NotebookQueries.defaultDir()).resolve(notebook.name() + ".sql");
      String script = NotebookQueries.renameDatabase(Files.readString(file), NotebookQueries.DATABASE, DB);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      ru.vpr.cli.SqlShell shell = new ru.vpr.cli.SqlShell(spark(), DB, false, false, false, 1000,
          new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = ru.vpr.cli.SqlCommand.runScript(shell, script.lines().toList());
      String printed = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, exit, file + ": " + err.toString(StandardCharsets.UTF_8));
      // Each result table ends with its count of rows ("12 rows").
      long tables = printed.lines().filter(l -> l.matches("\\d+ rows?")).count();
      assertEquals(notebook.queries().size(), tables, file + " printed:\n" + printed);
      files++;
    }
    assertEquals(3, files);
  }

  /** The Russian column says every code of its row in words, in the codes' order. */
  private static void assertInRussian(String codes, String russian, java.util.function.UnaryOperator<String> words) {
    List<String> each = codes.isEmpty() ? List.of() : List.of(codes.split("\\|"));
    for (String code : each) assertNotEquals(code, words.apply(code), "the code " + code + " has words");
    assertEquals(String.join("; ", each.stream().map(words).toList()), russian, codes);
  }

  private static List<CSVRecord> csv(int year, String name) throws IOException {
    try (Reader in = Files.newBufferedReader(publishDir.resolve(year + "/" + name), StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      return parser.getRecords();
    }
  }

  private static Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> all = Files.walk(publishDir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(publishDir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static byte[] read(String name) {
    try {
      return Files.readAllBytes(publishDir.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long count(String query) {
    return sql(query).get(0).getLong(0);
  }
}
