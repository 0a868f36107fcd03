package ru.vpr.detect;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.TreeSet;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import ru.vpr.config.DetectConfig;

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
   * The result; every dataset is class- or school-level (small) and materialised: the peer groups are
   * cached until {@link #release()}, the rest are local checkpoints that Spark's context cleaner frees
   * once they are no longer referenced.
   */
  public record Outcome(List<Integer> years, Dataset<Row> peerGroups, Dataset<Row> classSignals, Dataset<Row> riskClasses,
      Dataset<Row> riskSchools, Dataset<Row> schoolTotals, Dataset<Row> pupilEvidence, PipelineModel peerModel,
      ForestScores.Fitted forest) {
    public void release() {
      peerGroups.unpersist();
    }
  }

  private Detection() {}

  public static Outcome run(Inputs in, List<Integer> years, DetectConfig config) {
    TreeSet<Integer> withHistory = new TreeSet<>();
    for (int y : years) for (int b = 0; b <= History.YEARS_BACK; b++) withHistory.add(y - b);
    Object[] span = withHistory.toArray();
    Dataset<Row> results = in.results().where(col("year").isin(span));
    Dataset<Row> base = PupilFeatures.base(results, in.taskScores().where(col("year").isin(span)), in.tasks(),
        in.scales(), in.control(), config.minControlledPupils()).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> pupils = PupilFeatures.standardised(base, config.minControlledPupils()).persist(StorageLevel.MEMORY_AND_DISK());
    pupils.count();
    base.unpersist();
    try {
      Dataset<Row> context = PeerGroups.context(pupils, in.schools(), years).persist(StorageLevel.MEMORY_AND_DISK());
      PipelineModel peerModel = PeerGroups.fit(context, config.peerGroups(), config.seed());
      Dataset<Row> peers = PeerGroups.assign(peerModel, context).persist(StorageLevel.MEMORY_AND_DISK());
      peers.count();
      context.unpersist();

      Dataset<Row> signals = Materialise.classLevel(Outliers.withEvidence(ClassSignals.compute(pupils, results, peers, years, config)));
      signals = Outliers.mahalanobis(signals);
      ForestScores.Fitted forest = ForestScores.fit(signals, config);
      signals = Materialise.classLevel(RuleBaseline.markers(forest.score(signals), in.schools()));
      Dataset<Row> risk = Materialise.classLevel(RiskScoring.score(signals, config, "unscored_reason"));
      Dataset<Row> schoolWorks = Materialise.classLevel(Rollup.schoolWorks(risk, config));
      Dataset<Row> totals = Materialise.classLevel(Rollup.schools(schoolWorks, config));
      Dataset<Row> evidence = Materialise.classLevel(PupilEvidence.of(pupils, risk));
      return new Outcome(List.copyOf(years), peers, risk, risk, schoolWorks, totals, evidence, peerModel, forest);
    } finally {
      pupils.unpersist();
    }
  }
}
