package ru.vpr.detect;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.storage.StorageLevel;
import ru.vpr.config.DetectConfig;
import ru.vpr.detect.bunching.Bunching;
import ru.vpr.spark.Columns;
import ru.vpr.spark.LineageCut;

/**
 * Detection as pure functions from the ingested tables to the risk tables: pupil features, peer
 * groups, class signals, outlier scores, the rule baseline, class risk and its roll-ups, and the
 * pupil-level evidence of flagged classes. No table is
 * read or written here (DetectJob does that), so tests and the evaluation call it directly.
 */
public final class Detection {
  /** The ingested tables detection reads. */
  public record Inputs(Dataset<Row> results, Dataset<Row> taskScores, Dataset<Row> tasks, Dataset<Row> scales,
      Dataset<Row> control, Dataset<Row> schools) {}

  /**
   * The result; every dataset is class- or school-level (small) and checkpointed: the peer groups
   * until {@link #release()}, the rest until Spark's context cleaner finds them unreferenced.
   */
  public record Outcome(List<Integer> years, Dataset<Row> peerGroups, Dataset<Row> classSignals, Dataset<Row> riskClasses,
      Dataset<Row> riskSchools, Dataset<Row> schoolTotals, Dataset<Row> pupilEvidence, Dataset<Row> bunching,
      Dataset<Row> bunchingCurves, PipelineModel peerModel, ForestScores.Fitted forest) {
    public void release() {
      LineageCut.release(peerGroups);
    }
  }

  private Detection() {}

  /**
   * The inputs laid out by their content alone, so that every double Spark adds up downstream is added
   * in the same order whatever files the rows came from. Spark adds doubles in the order its tasks
   * meet the rows, which otherwise follows the input's files: two warehouses with the same rows in
   * other files (an ingest killed and healed, a compaction) gave means, p-values and forest scores
   * that differed in their last bits or more, and so other bytes in the tables. The pupil tables are
   * hashed by pupil into a fixed number of partitions (adaptive execution does not merge those), the
   * small reference tables put in one partition; each is sorted within its partitions and checkpointed:
   * without the checkpoint the optimizer drops a sort that feeds a join. Exact in local mode; a cluster
   * also merges partial sums in the order other executors deliver them.
   */
  private static Dataset<Row> inRowOrder(Dataset<Row> rows, List<String> key) {
    int partitions = rows.sparkSession().sessionState().conf().numShufflePartitions();
    return LineageCut.of(rows.repartition(partitions, Columns.cols(key)).sortWithinPartitions(sortable(rows)));
  }

  private static Dataset<Row> inRowOrder(Dataset<Row> smallRows) {
    return LineageCut.of(smallRows.repartition(1).sortWithinPartitions(sortable(smallRows)));
  }

  /** Every column Spark can order by (all but maps). */
  private static Column[] sortable(Dataset<Row> rows) {
    return Arrays.stream(rows.schema().fields()).filter(f -> !(f.dataType() instanceof MapType))
        .map(f -> col("`" + f.name() + "`")).toArray(Column[]::new);
  }

  public static Outcome run(Inputs in, List<Integer> years, DetectConfig config) {
    TreeSet<Integer> withHistory = new TreeSet<>();
    for (int y : years) for (int b = 0; b <= History.YEARS_BACK; b++) withHistory.add(y - b);
    Object[] span = withHistory.toArray();
    Dataset<Row> results = inRowOrder(in.results().where(col("year").isin(span)), Strata.PUPIL);
    Dataset<Row> taskScores = inRowOrder(in.taskScores().where(col("year").isin(span)), Strata.PUPIL);
    Inputs ordered = new Inputs(results, taskScores, inRowOrder(in.tasks()), inRowOrder(in.scales()),
        inRowOrder(in.control()), inRowOrder(in.schools()));
    try {
      return runOrdered(ordered, years, config);
    } finally {
      for (Dataset<Row> input : List.of(ordered.results(), ordered.taskScores(), ordered.tasks(), ordered.scales(),
          ordered.control(), ordered.schools())) {
        LineageCut.release(input);
      }
    }
  }

  private static Outcome runOrdered(Inputs in, List<Integer> years, DetectConfig config) {
    Dataset<Row> results = in.results();
    Dataset<Row> taskScores = in.taskScores();
    Dataset<Row> base = PupilFeatures.base(results, taskScores, in.tasks(),
        in.scales(), in.control(), config.minControlledPupils()).persist(StorageLevel.MEMORY_AND_DISK());
    // Pupils and peers are checkpointed, not cached: every class-level query below reads them, and a
    // cached dataset keeps its whole plan, which Spark plans, prints and posts again with each
    // adaptive re-plan (the first class-level query's plan ran to 96 thousand lines, most of the
    // detect job's driver time at 100 thousand works).
    Dataset<Row> pupils = LineageCut.of(PupilFeatures.standardised(base, config.minControlledPupils()));
    base.unpersist();
    try {
      Dataset<Row> context = PeerGroups.context(pupils, in.schools(), years).persist(StorageLevel.MEMORY_AND_DISK());
      PipelineModel peerModel = PeerGroups.fit(context, config.peerGroups(), config.seed());
      Dataset<Row> peers = LineageCut.of(PeerGroups.assign(peerModel, context));
      context.unpersist();

      // The counterfactual at the mark cuts: region and municipality curves, and each class's expected
      // counts from its own pupils (Bunching); S2 judges the classes by it.
      Bunching.Outcome bunching = Bunching.run(pupils, in.scales(), years, config.bunching(), config.seed());
      Dataset<Row> cuts = Materialise.classLevel(CutSignal.of(bunching.classCuts(), config.calibration().maxCutRho()));
      Dataset<Row> schoolCuts = Materialise.classLevel(CutSignal.schoolWorkP(bunching.classCuts(), config.calibration().maxCutRho()));
      Dataset<Row> bunchingRows = Materialise.classLevel(bunching.estimates());
      Dataset<Row> signals = Materialise.classLevel(Outliers.withEvidence(
          ClassSignals.compute(pupils, results, peers, cuts, years, config)));
      signals = Outliers.mahalanobis(signals, config.mahalanobis());
      ForestScores.Fitted forest = ForestScores.fit(signals, config);
      signals = Materialise.classLevel(RuleBaseline.markers(forest.score(signals), in.schools()));
      Dataset<Row> scoredClasses = Materialise.classLevel(RiskScoring.score(signals, config, "unscored_reason"));
      Dataset<Row> schoolWorks = Materialise.classLevel(SchoolEvidence.attach(
          FlagLimit.schoolWorks(Rollup.schoolWorks(scoredClasses, schoolCuts, config), config.maxFlaggedShare()), bunchingRows));
      Dataset<Row> risk = Materialise.classLevel(FlagLimit.classes(scoredClasses, schoolWorks));
      Dataset<Row> totals = Materialise.classLevel(Rollup.schools(schoolWorks, config));
      Dataset<Row> evidence = Materialise.classLevel(PupilEvidence.of(pupils, risk));
      return new Outcome(List.copyOf(years), peers, risk, risk, schoolWorks, totals, evidence, bunchingRows,
          bunching.curves(), peerModel, forest);
    } finally {
      LineageCut.release(pupils);
    }
  }
}
