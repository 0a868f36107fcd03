package ru.vpr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.detect.outlier.IsolationForestModel;
import ru.vpr.ingest.IngestJob;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;
import ru.vpr.test.SampleRegion;
import ru.vpr.test.SparkTestBase;

/**
 * The detect job end to end on Delta tables: two works of the committed sample region (maths grade 5
 * and history grade 5 of 2025, 39 forms; the whole year takes minutes to ingest here) ingested by the
 * real ingest job, then detection run on them twice. One row per class and school of every work, ranks,
 * scores, flags and reasons consistent, the run recorded, its models saved and loadable, the second
 * run replacing the year's rows unit for unit. That the second run (and a direct {@link Detection#run}
 * with the same seed) gives the very same rows is checked too, but disabled for now: the peer groups
 * are not reproducible (see {@link #peerGroupsDoNotDependOnTheRowOrder}).
 */
class DetectJobTest extends SparkTestBase {
  private static final String DB = databaseFor(DetectJobTest.class);
  private static final List<String> WORKS = List.of("subject=ma/grade=5", "subject=hi/grade=5");
  @TempDir static Path landing;
  private static final int YEAR = 2025;
  /**
   * The defaults with a loose false-alarm rate: 55 scored classes are few for Benjamini-Hochberg at 0.05
   * (with main's tuned signals nothing is flagged in these two works), and the checks of flagged rows
   * need some whatever the tuning.
   */
  private static final DetectConfig SETTINGS = DetectConfig.defaults().withFlagging(0.25, 0);
  private static PipelineConfig config;
  private static DetectSummary first;
  private static List<Row> firstClasses;
  private static List<Row> firstSchools;
  private static DetectSummary second;
  private static List<Row> secondClasses;
  private static List<Row> secondSchools;

  @BeforeAll
  static void ingestAndDetect() throws IOException {
    dropDatabase(DB);
    SampleRegion.copyWorks(landing, List.of(YEAR), WORKS);
    config = SampleRegion.withReference(config(DB), landing).withYear(YEAR);
    new IngestJob(spark(), config).run();
    first = new DetectJob(spark(), config, SETTINGS).run();
    firstClasses = contents(Tables.RISK_CLASSES);
    firstSchools = contents(Tables.RISK_SCHOOLS);
    second = new DetectJob(spark(), config, SETTINGS).run();
    secondClasses = contents(Tables.RISK_CLASSES);
    secondSchools = contents(Tables.RISK_SCHOOLS);
  }

  @AfterAll
  static void tearDown() {
    dropDatabase(DB);
  }

  private static String name(TableDef table) {
    return DB + "." + table.name();
  }

  /** Every row of a table for the year, run_id left out, in a fixed order. */
  private static List<Row> contents(TableDef table) {
    return ordered(table(name(table)).where("year = " + YEAR), table);
  }

  private static List<Row> ordered(Dataset<Row> rows, TableDef table) {
    String[] columns = List.of(table.columns()).stream().filter(c -> !c.equals("run_id")).map(c -> "`" + c + "`")
        .toArray(String[]::new);
    return rows.selectExpr(columns).orderBy(java.util.Arrays.stream(columns).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
  }

  private static long count(String query) {
    return sql(query).get(0).getLong(0);
  }

  /** Equal lists of rows; on failure the message shows only the rows that differ. */
  static void assertSameRows(List<Row> expected, List<Row> actual, String what) {
    if (expected.equals(actual)) return;
    StringBuilder diff = new StringBuilder(what + ": " + expected.size() + " rows before, " + actual.size() + " now");
    for (int i = 0, shown = 0; i < Math.max(expected.size(), actual.size()) && shown < 10; i++) {
      Row e = i < expected.size() ? expected.get(i) : null;
      Row a = i < actual.size() ? actual.get(i) : null;
      if (e != null && e.equals(a)) continue;
      diff.append("\n  before ").append(e).append("\n  now    ").append(a);
      shown++;
    }
    throw new AssertionError(diff.toString());
  }

  @Test
  void oneRowPerClassAndPerSchoolOfEveryWork() {
    long classes = count("SELECT count(DISTINCT subject, grade, login, class) FROM " + name(Tables.RESULTS) + " WHERE year = " + YEAR);
    long schoolWorks = count("SELECT count(DISTINCT subject, grade, login) FROM " + name(Tables.RESULTS) + " WHERE year = " + YEAR);
    long schools = count("SELECT count(DISTINCT login) FROM " + name(Tables.RESULTS) + " WHERE year = " + YEAR);
    assertTrue(classes > 40, "the two works have " + classes + " classes in " + YEAR);
    assertEquals(WORKS.size(), count("SELECT count(DISTINCT subject, grade) FROM " + name(Tables.RISK_CLASSES)));
    assertEquals(classes, firstClasses.size());
    assertEquals(classes, count("SELECT count(DISTINCT subject, grade, login, class) FROM " + name(Tables.RISK_CLASSES)));
    assertEquals(classes, count("SELECT count(*) FROM " + name(Tables.CLASS_SIGNALS) + " WHERE year = " + YEAR));
    assertEquals(schoolWorks, firstSchools.size());
    assertEquals(schoolWorks, count("SELECT count(DISTINCT subject, grade, login) FROM " + name(Tables.RISK_SCHOOLS)));
    assertEquals(schools, count("SELECT count(*) FROM " + name(Tables.RISK_SCHOOL_TOTALS) + " WHERE year = " + YEAR));
    assertEquals(schools, count("SELECT count(DISTINCT login) FROM " + name(Tables.PEER_GROUPS) + " WHERE year = " + YEAR));
    assertEquals(classes, first.count("classes"));
  }

  @Test
  void bunchingEstimatesTheRegionsCutsWithCountsFromTheResultsAndDrawsItsCurves() {
    String bunching = name(Tables.BUNCHING);
    String results = name(Tables.RESULTS);
    List<Row> region = sql("SELECT b.subject, b.grade, b.cut_mark, b.cut_score, b.pupils, b.observed, "
        + "CASE b.cut_mark WHEN 3 THEN s.min3 WHEN 4 THEN s.min4 ELSE s.min5 END AS scale_cut FROM " + bunching + " b JOIN "
        + name(Tables.SCALES) + " s USING (year, subject, grade) WHERE b.year = " + YEAR + " AND b.level = 'region'");
    assertFalse(region.isEmpty(), "the region's works have enough pupils for a curve");
    for (Row r : region) {
      String work = r.getString(0) + r.getInt(1) + " cut " + r.getInt(2);
      assertEquals(r.getInt(6), r.getInt(3), work + ": the cut is the scale's");
      String where = " FROM " + results + " WHERE year = " + YEAR + " AND subject = '" + r.getString(0) + "' AND grade = "
          + r.getInt(1) + " AND primary_score IS NOT NULL";
      assertEquals(count("SELECT count(*)" + where), r.getLong(4), work + ": pupils who wrote");
      assertEquals(count("SELECT count(*)" + where + " AND primary_score = " + r.getInt(3)), r.getLong(5), work + ": on the cut");
    }
    Row curves = sql("SELECT count(*), sum(observed), count(DISTINCT subject, grade) FROM " + name(Tables.BUNCHING_CURVES)
        + " WHERE year = " + YEAR + " AND level = 'region'").get(0);
    long works = region.stream().map(r -> r.getString(0) + r.getInt(1)).distinct().count();
    assertEquals(works, curves.getLong(2), "a region curve for every work estimated");
    assertEquals(count("SELECT count(*) FROM " + results + " WHERE year = " + YEAR + " AND primary_score IS NOT NULL AND "
        + "(subject, grade) IN (SELECT subject, grade FROM " + bunching + " WHERE level = 'region')"), curves.getLong(1),
        "the curves' observed counts are the pupils");
    Row schools = sql("SELECT count(*), min(pupils), count_if(pushed < 0), count_if(ci_low > ci_high) FROM " + bunching
        + " WHERE year = " + YEAR + " AND level = 'school'").get(0);
    assertTrue(schools.getLong(0) > 0, "school × works with enough pupils get rows");
    assertTrue(schools.getLong(1) >= SETTINGS.bunching().minSchoolPupils(), "no school under the minimum: " + schools);
    assertEquals(0L, schools.getLong(2), "pushed is never negative");
    assertEquals(0L, schools.getLong(3), "intervals are ordered");
  }

  @Test
  void ranksRunFromOneToTheNumberScoredWithoutGaps() {
    for (TableDef table : List.of(Tables.RISK_CLASSES, Tables.RISK_SCHOOLS, Tables.RISK_SCHOOL_TOTALS)) {
      Row r = sql("SELECT count(*), count(DISTINCT risk_rank), min(risk_rank), max(risk_rank), count(risk_rank) FROM "
          + name(table) + " WHERE year = " + YEAR + " AND scored").get(0);
      long scored = r.getLong(0);
      assertTrue(scored > 0, table.name());
      assertEquals(scored, r.getLong(1), table.name() + ": ranks distinct");
      assertEquals(1, r.getInt(2), table.name());
      assertEquals(scored, r.getInt(3), table.name());
      assertEquals(scored, r.getLong(4), table.name() + ": scored rows without a rank");
      assertEquals(0L, count("SELECT count(risk_rank) FROM " + name(table) + " WHERE year = " + YEAR + " AND NOT scored"),
          table.name() + ": unscored rows with a rank");
    }
  }

  @Test
  void scoresFlagsAndReasonsFollowScored() {
    String classes = name(Tables.RISK_CLASSES) + " WHERE year = " + YEAR;
    assertTrue(count("SELECT count(*) FROM " + classes + " AND NOT scored") > 0, "the sample has classes too small to score");
    assertTrue(count("SELECT count(*) FROM " + classes + " AND flagged") > 0, "the two works have classes to flag");
    assertEquals(0L, count("SELECT count(*) FROM " + classes + " AND scored AND NOT (risk_score BETWEEN 0 AND 1)"));
    assertEquals(0L, count("SELECT count(*) FROM " + classes + " AND scored AND (risk_score IS NULL OR combined_p IS NULL)"));
    assertEquals(0L, count("SELECT count(*) FROM " + classes + " AND NOT scored AND (risk_score IS NOT NULL OR combined_p IS NOT NULL "
        + "OR q_value IS NOT NULL)"));
    assertEquals(0L, count("SELECT count(*) FROM " + classes + " AND flagged AND NOT scored"));
    assertEquals(0L, count("SELECT count(*) FROM " + classes + " AND flagged AND (reasons IS NULL OR reasons = '')"),
        "every flagged class says why");
    // An unscored class carries the reason it was not scored, the one class_signals gives.
    assertEquals(0L, count("SELECT count(*) FROM " + classes + " AND NOT scored AND (reasons IS NULL OR reasons NOT IN ('"
        + ClassSignals.TOO_FEW_PUPILS + "', '" + ClassSignals.NO_SCORES + "'))"));
    assertEquals(0L, count("SELECT count(*) FROM " + name(Tables.RISK_CLASSES) + " r JOIN " + name(Tables.CLASS_SIGNALS)
        + " s USING (year, subject, grade, login, class) WHERE r.year = " + YEAR
        + " AND (r.scored <> s.scored OR NOT r.scored AND r.reasons <> s.unscored_reason)"));
    // Too few pupils is exactly written < min-class-pupils.
    assertEquals(0L, count("SELECT count(*) FROM " + classes + " AND (written < " + SETTINGS.minClassPupils()
        + ") <> (reasons <=> '" + ClassSignals.TOO_FEW_PUPILS + "')"));
    // Schools: a school-work is scored when one of its classes is, flagged ones say why.
    String schools = name(Tables.RISK_SCHOOLS) + " WHERE year = " + YEAR;
    assertEquals(0L, count("SELECT count(*) FROM " + schools + " AND (flagged AND NOT scored OR flagged AND reasons = '' "
        + "OR scored AND NOT (risk_score BETWEEN 0 AND 1) OR NOT scored AND risk_score IS NOT NULL "
        + "OR NOT scored AND reasons <> '" + Rollup.NO_SCORED_CLASS + "')"));
  }

  @Test
  void theRunIsRecordedAndItsModelsLoad() {
    Row run = sql("SELECT outcome, counts['classes'], parameters['seed'], input_versions['results'], "
        + "parameters['false_alarm_rate'], code_version FROM " + DB
        + ".runs WHERE job = 'detect' AND run_id = '" + first.runId() + "'").get(0);
    assertEquals("succeeded", run.getString(0));
    assertEquals((long) firstClasses.size(), run.getLong(1));
    assertEquals(String.valueOf(SETTINGS.seed()), run.getString(2));
    assertFalse(run.isNullAt(3), "the results version read is recorded");
    assertEquals("0.25", run.getString(4));
    // The build writes the commit; tests run from a git checkout, so it is known (dirty or not).
    assertTrue(run.getString(5).matches("[0-9a-f]{7,}(-dirty)?"), "code_version " + run.getString(5));
    assertEquals(ru.vpr.audit.CodeVersion.current(), run.getString(5));

    Path models = Path.of(config.warehouse(), "models", "detect", first.runId());
    assertTrue(Files.isDirectory(models.resolve("peer_groups")), models.toString());
    assertTrue(Files.isDirectory(models.resolve("isolation_forest")), models.toString());
    PipelineModel peers = PipelineModel.load(models.resolve("peer_groups").toString());
    assertTrue(peers.stages().length >= 4, "indexer, encoder, assembler, scaler (and k-means)");
    IsolationForestModel forest = IsolationForestModel.load(models.resolve("isolation_forest").toString());
    assertEquals(SETTINGS.forestTrees(), forest.trees().length);
  }

  /** What the models are saved for: the last run's peer-group model gives the peer groups it wrote. */
  @Test
  void theSavedPeerModelReproducesThePeerGroupsWritten() {
    Path models = Path.of(config.warehouse(), "models", "detect", second.runId());
    PipelineModel model = PipelineModel.load(models.resolve("peer_groups").toString());
    Dataset<Row> written = table(name(Tables.PEER_GROUPS)).where("year = " + YEAR);
    List<Row> expected = written.select("login", "peer_group").orderBy("login").collectAsList();
    assertTrue(expected.stream().map(r -> r.getInt(1)).distinct().count() > 1, "more than one peer group: " + expected);
    assertEquals(expected, PeerGroups.assign(model, written.drop("peer_group", "run_id")).select("login", "peer_group")
        .orderBy("login").collectAsList());
  }

  /** The key, size and scoring of every row: what a second run must keep whatever its peer groups. */
  private static List<String> units(List<Row> rows, TableDef table) {
    List<String> columns = List.of(table.columns());
    return rows.stream().map(r -> String.join(" ", java.util.stream.Stream.of("subject", "grade", "login", "class",
        "participants", "written", "scored").map(c -> String.valueOf(r.get(columns.indexOf(c)))).toList())
        + (r.getBoolean(columns.indexOf("scored")) ? "" : " " + r.get(columns.indexOf("reasons")))).toList();
  }

  @Test
  void aSecondRunReplacesTheYearsRowsUnitForUnit() {
    assertNotEquals(first.runId(), second.runId());
    assertEquals(List.of(second.runId()), sql("SELECT DISTINCT run_id FROM " + name(Tables.RISK_CLASSES)).stream()
        .map(r -> r.getString(0)).toList(), "the year's rows replaced, not appended");
    assertEquals(List.of(second.runId()), sql("SELECT DISTINCT run_id FROM " + name(Tables.RISK_SCHOOLS)).stream()
        .map(r -> r.getString(0)).toList());
    assertEquals(units(firstClasses, Tables.RISK_CLASSES), units(secondClasses, Tables.RISK_CLASSES));
    assertEquals(units(firstSchools, Tables.RISK_SCHOOLS), units(secondSchools, Tables.RISK_SCHOOLS));
    assertEquals(2L, count("SELECT count(*) FROM " + DB + ".runs WHERE job = 'detect' AND outcome = 'succeeded'"));
  }

  @Test
  void aSecondRunGivesTheSameRows() {
    assertSameRows(firstClasses, secondClasses, "risk_classes of the second run");
    assertSameRows(firstSchools, secondSchools, "risk_schools of the second run");
  }

  @Test
  void twoDetectionRunsWithTheSameSeedGiveTheSameRows() {
    TableCatalog catalog = new TableCatalog(spark(), DB);
    Detection.Inputs inputs = new Detection.Inputs(catalog.read(Tables.RESULTS), catalog.read(Tables.TASK_SCORES),
        catalog.read(Tables.TASKS), catalog.read(Tables.SCALES), catalog.read(Tables.CONTROL), catalog.read(Tables.SCHOOLS));
    Detection.Outcome direct = Detection.run(inputs, List.of(YEAR), SETTINGS);
    try {
      assertSameRows(secondClasses, ordered(direct.riskClasses(), Tables.RISK_CLASSES),
          "risk_classes of a direct Detection.run against the job's");
    } finally {
      direct.release();
    }
  }

  /**
   * The same rows in other files and partitions (an ingest killed and healed, a compaction) give the
   * same bytes in every detection table: Spark adds doubles in the order its tasks meet the rows.
   */
  @Test
  void theSameRowsInAnotherLayoutGiveTheSameTables() {
    TableCatalog catalog = new TableCatalog(spark(), DB);
    Detection.Inputs asWritten = new Detection.Inputs(catalog.read(Tables.RESULTS), catalog.read(Tables.TASK_SCORES),
        catalog.read(Tables.TASKS), catalog.read(Tables.SCALES), catalog.read(Tables.CONTROL), catalog.read(Tables.SCHOOLS));
    Detection.Inputs relaid = new Detection.Inputs(relaid(asWritten.results()), relaid(asWritten.taskScores()),
        asWritten.tasks(), asWritten.scales(), asWritten.control(), relaid(asWritten.schools()));
    Detection.Outcome expected = Detection.run(asWritten, List.of(YEAR), SETTINGS);
    Detection.Outcome actual = Detection.run(relaid, List.of(YEAR), SETTINGS);
    try {
      assertSameRows(ordered(expected.peerGroups(), Tables.PEER_GROUPS), ordered(actual.peerGroups(), Tables.PEER_GROUPS), "peer_groups");
      assertSameRows(ordered(expected.classSignals(), Tables.CLASS_SIGNALS), ordered(actual.classSignals(), Tables.CLASS_SIGNALS),
          "class_signals");
      assertSameRows(ordered(expected.riskSchools(), Tables.RISK_SCHOOLS), ordered(actual.riskSchools(), Tables.RISK_SCHOOLS),
          "risk_schools");
    } finally {
      expected.release();
      actual.release();
    }
  }

  /** The rows in reverse order over three partitions, materialised so that nothing of the table's layout is left. */
  private static Dataset<Row> relaid(Dataset<Row> rows) {
    org.apache.spark.sql.Column[] backwards = java.util.Arrays.stream(rows.columns())
        .map(c -> org.apache.spark.sql.functions.col("`" + c + "`").desc()).toArray(org.apache.spark.sql.Column[]::new);
    return rows.repartition(3).sortWithinPartitions(backwards).localCheckpoint();
  }

  /**
   * The cause of the above, checked without a whole run: the same school contexts in another row order
   * must give the same peer groups (the same partition of the schools, whatever the labels).
   */
  @Test
  void peerGroupsDoNotDependOnTheRowOrder() {
    Detection.Inputs in = FixtureSignals.cleanRegion().inputs(spark());
    Dataset<Row> base = PupilFeatures.base(in.results(), in.taskScores(), in.tasks(), in.scales(), in.control(),
        SETTINGS.minControlledPupils()).localCheckpoint();
    Dataset<Row> pupils = PupilFeatures.standardised(base, SETTINGS.minControlledPupils()).localCheckpoint();
    Dataset<Row> context = PeerGroups.context(pupils, in.schools(), FixtureSignals.YEARS).localCheckpoint();
    java.util.Set<java.util.Set<String>> expected = null;
    for (Dataset<Row> order : List.of(context, context.orderBy("year", "login").repartition(1),
        context.orderBy(org.apache.spark.sql.functions.desc("year"), org.apache.spark.sql.functions.desc("login")).repartition(1))) {
      PipelineModel model = PeerGroups.fit(order.localCheckpoint(), SETTINGS.peerGroups(), SETTINGS.seed());
      java.util.Map<String, java.util.Set<String>> groups = new java.util.TreeMap<>();
      for (Row r : PeerGroups.assign(model, context).select("year", "peer_group", "login").collectAsList()) {
        groups.computeIfAbsent(r.get(0) + "/" + r.get(1), g -> new java.util.TreeSet<>()).add(r.getString(2));
      }
      java.util.Set<java.util.Set<String>> partition = new java.util.HashSet<>(groups.values());
      if (expected == null) expected = partition;
      assertEquals(expected, partition, "peer groups of the same schools in another row order");
    }
  }

  @Test
  void unscoredRowsHaveNoSignals() {
    assertEquals(0L, count("SELECT count(*) FROM " + name(Tables.CLASS_SIGNALS) + " WHERE year = " + YEAR
        + " AND NOT scored AND coalesce(s1_p, s2_p, s3_p, s4_spread_p, s4_identical_p, s5_p, s6_p, s7_p, s8_p) IS NOT NULL"));
  }
}
