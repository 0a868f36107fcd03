package ru.vpr.detect.bunching;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.BunchingConfig;
import ru.vpr.spark.Columns;
import ru.vpr.spark.LineageCut;
import ru.vpr.table.Tables;

/**
 * Bunching at the mark cuts, for the region, each municipality and each school × work, and the counts
 * every class is judged by against the counterfactual.
 *
 * <p>Region and municipalities: the score histograms (a few dozen counts per unit) come to the driver
 * and get a curve of their own ({@link BunchingEstimator}; a municipality in the region's windows).
 * Schools and classes are too small for a curve: they are expected to have the sum of their pupils'
 * counterfactual shares ({@link WorkCounterfactual}), computed next to the pupils, which never leave
 * the executors.
 */
public final class Bunching {
  public static final String REGION = "region";
  public static final String MUNICIPALITY = "municipality";
  public static final String SCHOOL = "school";
  /** Two-sided 90% normal quantile: the intervals are 90%. */
  private static final double Z90 = 1.6448536269514722;

  /**
   * @param estimates rows of the {@code bunching} table (without run_id)
   * @param curves rows of {@code bunching_curves}: observed and counterfactual pupils per score
   * @param classCuts one row per class × window (real cuts and placebos): pupils, observed and expected
   *     pupils on the cut ({@code n_at, e_at}), on and over it ({@code n_on, e_on}) and under it
   *     ({@code n_below, e_below})
   */
  public record Outcome(Dataset<Row> estimates, Dataset<Row> curves, Dataset<Row> classCuts) {}

  private Bunching() {}

  /**
   * @param pupils pupils who wrote, with primary_score and key_pct (PupilFeatures)
   * @param scales the works' scales
   * @param years the years estimated
   * @param seed of the bootstrap; each unit draws from a stream of its own, so an estimate does not
   *     depend on which other units a run has
   */
  public static Outcome run(Dataset<Row> pupils, Dataset<Row> scales, List<Integer> years, BunchingConfig config, long seed) {
    SparkSession spark = pupils.sparkSession();
    Dataset<Row> banded = pupils.where(col("year").isin(years.toArray()).and(col("primary_score").isNotNull()))
        .withColumn("key_band", keyBand(config.keyBands()));
    Histograms histograms = Histograms.collect(banded, scales, config.keyBands());
    BunchingEstimator estimator = new BunchingEstimator(config.estimator());
    List<Row> estimates = new ArrayList<>();
    List<Row> curves = new ArrayList<>();
    List<Row> model = new ArrayList<>();
    for (Map.Entry<Work, long[]> e : histograms.region.entrySet()) {
      Work work = e.getKey();
      BunchingFit region = estimator.fit(e.getValue(), histograms.cuts.get(work), work.seed(seed, null));
      if (region == null || region.estimates().isEmpty()) continue;
      add(estimates, curves, work, REGION, null, e.getValue(), region);
      for (Map.Entry<String, long[]> m : histograms.municipalities.getOrDefault(work, Map.of()).entrySet()) {
        BunchingFit fit = estimator.fitWithin(m.getValue(), region, work.seed(seed, m.getKey()));
        if (fit != null) add(estimates, curves, work, MUNICIPALITY, m.getKey(), m.getValue(), fit);
      }
      WorkCounterfactual counterfactual = WorkCounterfactual.of(region, histograms.bands.get(work), config.minBandPupils(),
          config.bandDegree());
      for (int band = WorkCounterfactual.NO_BAND; band < counterfactual.bands(); band++) {
        for (CutWindow w : counterfactual.windows()) {
          model.add(RowFactory.create(work.year, work.subject, work.grade, band, w.mark(), w.score(), w.below(), w.above(),
              counterfactual.share(band, w.score(), w.score()), counterfactual.share(band, w.score(), w.last()),
              counterfactual.share(band, w.first(), w.score() - 1)));
        }
      }
    }
    // Class-level and read three times (the schools' rows, the classes' and schools' S2): computed once.
    Dataset<Row> classCuts = LineageCut.of(classCuts(banded, spark.createDataFrame(model, MODEL)));
    Dataset<Row> all = spark.createDataFrame(estimates, Tables.BUNCHING.schemaWithout("run_id"))
        .unionByName(schools(classCuts, config.minSchoolPupils()));
    return new Outcome(all, spark.createDataFrame(curves, Tables.BUNCHING_CURVES.schemaWithout("run_id")), classCuts);
  }

  private static Column keyBand(int bands) {
    return coalesce(least(lit(bands - 1), floor(col("key_pct").multiply(bands))).cast("int"), lit(WorkCounterfactual.NO_BAND));
  }

  private static final org.apache.spark.sql.types.StructType MODEL = new org.apache.spark.sql.types.StructType()
      .add("year", "int").add("subject", "string").add("grade", "int").add("key_band", "int")
      .add("cut_mark", "int").add("cut_score", "int").add("window_below", "int").add("window_above", "int")
      .add("q_at", "double").add("q_on", "double").add("q_below", "double");

  /** Every class × window with its observed pupils and the sums of its pupils' counterfactual shares. */
  static Dataset<Row> classCuts(Dataset<Row> banded, Dataset<Row> model) {
    Column score = col("primary_score");
    Column cut = col("cut_score");
    Column on = score.between(cut, cut.plus(col("window_above")));
    Column below = score.between(cut.minus(col("window_below")), cut.minus(1));
    return banded.select("year", "subject", "grade", "municipality_code", "login", "class", "key_band", "primary_score")
        .join(broadcast(model), Columns.seq("year", "subject", "grade", "key_band"))
        .groupBy(Columns.cols("year", "subject", "grade", "municipality_code", "login", "class", "cut_mark", "cut_score",
            "window_below", "window_above"))
        .agg(count(lit(1)).as("pupils"),
            sum(when(score.equalTo(cut), 1L).otherwise(0L)).as("n_at"), sum("q_at").as("e_at"),
            sum(when(on, 1L).otherwise(0L)).as("n_on"), sum("q_on").as("e_on"),
            sum(when(below, 1L).otherwise(0L)).as("n_below"), sum("q_below").as("e_below"));
  }

  /**
   * School × work rows of the bunching table, where the school has minPupils who wrote. The interval
   * is that of the pupils pushed, (n_on - e_on + e_below - n_below) / 2, with the school's own counts
   * as the uncertain part (independent Poisson, normal approximation with a continuity pupil); the
   * expectations rest on the whole region.
   */
  static Dataset<Row> schools(Dataset<Row> classCuts, int minPupils) {
    Dataset<Row> s = classCuts.where(col("cut_mark").gt(0))
        .groupBy(Columns.cols("year", "subject", "grade", "municipality_code", "login", "cut_mark", "cut_score",
            "window_below", "window_above"))
        .agg(sum("pupils").as("pupils"), sum("n_at").as("observed"), sum("e_at").as("expected"),
            sum("n_on").as("observed_on"), sum("e_on").as("expected_on"),
            sum("n_below").as("observed_below"), sum("e_below").as("expected_below"))
        .where(col("pupils").geq(minPupils));
    Column excess = col("observed_on").minus(col("expected_on"));
    Column missing = col("expected_below").minus(col("observed_below"));
    Column pushed = excess.plus(missing).divide(2);
    Column halfWidth = sqrt(col("observed_on").plus(col("observed_below")).plus(1).cast("double")).multiply(Z90 / 2);
    return s.select(col("year"), col("subject"), col("grade"), lit(SCHOOL).as("level"), col("municipality_code"),
        col("login"), col("cut_mark"), col("cut_score"), col("window_below"), col("window_above"), col("pupils"),
        col("observed"), col("expected"), col("observed_on"), col("expected_on"), col("observed_below"),
        col("expected_below"), excess.as("excess"), missing.as("missing_below"), greatest(lit(0.0), pushed).as("pushed"),
        pushed.minus(halfWidth).as("ci_low"), pushed.plus(halfWidth).as("ci_high"));
  }

  private static void add(List<Row> estimates, List<Row> curves, Work work, String level, String municipality,
      long[] counts, BunchingFit fit) {
    long pupils = java.util.Arrays.stream(counts).sum();
    double[] cf = fit.counterfactual();
    for (BunchingEstimate b : fit.estimates()) {
      estimates.add(RowFactory.create(work.year, work.subject, work.grade, level, municipality, null, b.cutMark(),
          b.cutScore(), b.below(), b.above(), pupils, b.observed(), b.expected(), b.observedOn(), b.expectedOn(),
          b.observedBelow(), b.expectedBelow(), b.excess(), b.missingBelow(), b.pushed(), nullIfNaN(b.ciLow()),
          nullIfNaN(b.ciHigh())));
    }
    boolean[] fitted = fit.outside();
    for (int s = 0; s < counts.length; s++) {
      curves.add(RowFactory.create(work.year, work.subject, work.grade, level, municipality, s, counts[s], cf[s], !fitted[s]));
    }
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** A work: year × subject × grade. */
  record Work(int year, String subject, int grade) implements Comparable<Work> {
    long seed(long base, String municipality) {
      return base ^ (31L * Objects.hash(year, subject, grade, municipality));
    }

    @Override
    public int compareTo(Work o) {
      int c = Integer.compare(year, o.year);
      if (c == 0) c = subject.compareTo(o.subject);
      if (c == 0) c = Integer.compare(grade, o.grade);
      return c;
    }
  }

  /** The histograms estimated on the driver: small aggregates of the pupils, never the pupils. */
  private static final class Histograms {
    final Map<Work, int[]> cuts = new HashMap<>();
    final Map<Work, long[]> region = new TreeMap<>();
    final Map<Work, Map<String, long[]>> municipalities = new HashMap<>();
    final Map<Work, long[][]> bands = new HashMap<>();

    static Histograms collect(Dataset<Row> banded, Dataset<Row> scales, int keyBands) {
      Histograms h = new Histograms();
      Map<Work, Integer> max = new HashMap<>();
      for (Row s : scales.select("year", "subject", "grade", "min3", "min4", "min5", "max").collectAsList()) {
        if (s.anyNull()) continue;
        Work w = new Work(s.getInt(0), s.getString(1), s.getInt(2));
        h.cuts.put(w, new int[] {s.getInt(3), s.getInt(4), s.getInt(5)});
        max.put(w, s.getInt(6));
      }
      Dataset<Row> cells = banded.groupBy("year", "subject", "grade", "municipality_code", "key_band", "primary_score")
          .agg(count(lit(1)).as("n")).cache();
      try {
        for (Row r : cells.groupBy("year", "subject", "grade", "municipality_code", "primary_score").agg(sum("n"))
            .collectAsList()) {
          Work w = new Work(r.getInt(0), r.getString(1), r.getInt(2));
          Integer top = max.get(w);
          int score = r.getInt(4);
          if (top == null || score < 0 || score > top) continue;
          h.region.computeIfAbsent(w, x -> new long[top + 1])[score] += r.getLong(5);
          if (r.isNullAt(3)) continue;
          h.municipalities.computeIfAbsent(w, x -> new TreeMap<>())
              .computeIfAbsent(r.getString(3), x -> new long[top + 1])[score] += r.getLong(5);
        }
        for (Row r : cells.groupBy("year", "subject", "grade", "key_band", "primary_score").agg(sum("n")).collectAsList()) {
          Work w = new Work(r.getInt(0), r.getString(1), r.getInt(2));
          Integer top = max.get(w);
          int band = r.getInt(3);
          int score = r.getInt(4);
          if (top == null || band < 0 || score < 0 || score > top) continue;
          h.bands.computeIfAbsent(w, x -> new long[keyBands][top + 1])[band][score] += r.getLong(5);
        }
      } finally {
        cells.unpersist();
      }
      for (Work w : h.region.keySet()) h.bands.computeIfAbsent(w, x -> new long[keyBands][max.get(w) + 1]);
      return h;
    }
  }
}
