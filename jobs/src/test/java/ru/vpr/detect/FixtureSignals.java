package ru.vpr.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.DetectConfig;
import ru.vpr.detect.bunching.Bunching;

/**
 * Class signals of the {@link DetectFixtures} regions, computed as {@link Detection#run} computes them
 * (pupil features, peer groups fitted with the config's k and seed, {@link ClassSignals#compute})
 * without the outlier models and risk that the signal tests do not read. Each region is computed once
 * per test JVM and kept on the driver (a few hundred class rows), because SignalsTest and
 * CalibrationTest read the same clean region and Spark takes tens of seconds per run here.
 */
final class FixtureSignals {
  static final long SEED = 20250611L;
  static final List<Integer> YEARS = List.of(2024, 2025);
  static final int YEAR = 2025;
  static final DetectConfig CONFIG = DetectConfig.defaults();

  /** The planted classes of {@link #planted}, one manipulation each, all in {@link #YEAR}. */
  record Planted(DetectFixtures.ClassKey bunched, DetectFixtures.ClassKey copied, DetectFixtures.ClassKey inverted,
      DetectFixtures.ClassKey rubric, DetectFixtures.ClassKey aligned, DetectFixtures.ClassKey noBlanks,
      DetectFixtures.ClassKey jumped, String strongSchool) {}

  /** Small classes added to every region: written pupils, absent pupils. */
  static final DetectFixtures.ClassKey FOUR_WRITTEN = new DetectFixtures.ClassKey(YEAR, "edu000001", "5Г");
  static final DetectFixtures.ClassKey FIVE_WRITTEN = new DetectFixtures.ClassKey(YEAR, "edu000002", "5Г");
  static final DetectFixtures.ClassKey ALL_ABSENT = new DetectFixtures.ClassKey(YEAR, "edu000003", "5Г");

  private static final Map<String, List<Row>> CACHE = new HashMap<>();
  private static Planted planted;

  private FixtureSignals() {}

  /** 50 schools x 3 classes of 8..30 pupils in 2024 and 2025, plus the small classes; nothing planted. */
  static DetectFixtures cleanRegion() {
    return DetectFixtures.clean(SEED, 50, 8, 30, YEARS.toArray(Integer[]::new))
        .addClass(FOUR_WRITTEN, 4, 2)
        .addClass(FIVE_WRITTEN, 5, 1)
        .addClass(ALL_ABSENT, 0, 3);
  }

  static synchronized List<Row> clean(SparkSession spark) {
    return CACHE.computeIfAbsent("clean", k -> signals(spark, cleanRegion()));
  }

  /** The clean region with one manipulation planted in each of seven ordinary classes (of seven schools). */
  static synchronized List<Row> planted(SparkSession spark) {
    return CACHE.computeIfAbsent("planted", k -> {
      DetectFixtures f = cleanRegion();
      Set<String> used = new TreeSet<>(Set.of(FOUR_WRITTEN.login(), FIVE_WRITTEN.login(), ALL_ABSENT.login()));
      planted = new Planted(f.pick(YEAR, 20, used), f.pick(YEAR, 20, used), f.pick(YEAR, 20, used), f.pick(YEAR, 20, used),
          f.pick(YEAR, 20, used), f.pick(YEAR, 20, used), f.pick(YEAR, 20, used), f.pick(YEAR, 8, used).login());
      f.bunchAtThresholds(planted.bunched()).copyWork(planted.copied()).invertDifficulty(planted.inverted())
          .inflateRubric(planted.rubric()).alignMarks(planted.aligned()).removeBlanks(planted.noBlanks())
          .raiseAbility(planted.jumped(), 2.0).raiseSchool(planted.strongSchool(), 1.5);
      return signals(spark, f);
    });
  }

  static synchronized Planted plantedClasses(SparkSession spark) {
    planted(spark);
    return planted;
  }

  static List<Row> signals(SparkSession spark, DetectFixtures f) {
    Detection.Inputs in = f.inputs(spark);
    Dataset<Row> base = PupilFeatures.base(in.results(), in.taskScores(), in.tasks(), in.scales(), in.control(),
        CONFIG.minControlledPupils()).localCheckpoint();
    Dataset<Row> pupils = PupilFeatures.standardised(base, CONFIG.minControlledPupils()).localCheckpoint();
    Dataset<Row> context = PeerGroups.context(pupils, in.schools(), YEARS).localCheckpoint();
    PipelineModel model = PeerGroups.fit(context, CONFIG.peerGroups(), CONFIG.seed());
    Dataset<Row> peers = PeerGroups.assign(model, context).localCheckpoint();
    Dataset<Row> cuts = CutSignal.of(Bunching.run(pupils, in.scales(), YEARS, CONFIG.bunching(), CONFIG.seed()).classCuts(),
        CONFIG.calibration().maxCutRho())
        .localCheckpoint();
    return new ArrayList<>(ClassSignals.compute(pupils, in.results(), peers, cuts, YEARS, CONFIG).collectAsList());
  }

  // ---- reading class rows -------------------------------------------------------------------------

  static Row row(List<Row> rows, DetectFixtures.ClassKey key) {
    List<Row> found = rows.stream().filter(r -> r.getInt(r.fieldIndex("year")) == key.year()
        && r.getString(r.fieldIndex("login")).equals(key.login()) && r.getString(r.fieldIndex("class")).equals(key.cls())).toList();
    if (found.size() != 1) throw new AssertionError(found.size() + " rows for " + key);
    return found.get(0);
  }

  static Double value(Row r, String column) {
    int i = r.fieldIndex(column);
    return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
  }

  static long written(Row r) {
    return r.getLong(r.fieldIndex("written"));
  }

  static boolean scored(Row r) {
    return r.getBoolean(r.fieldIndex("scored"));
  }

  static DetectFixtures.ClassKey key(Row r) {
    return new DetectFixtures.ClassKey(r.getInt(r.fieldIndex("year")), r.getString(r.fieldIndex("login")),
        r.getString(r.fieldIndex("class")));
  }
}
