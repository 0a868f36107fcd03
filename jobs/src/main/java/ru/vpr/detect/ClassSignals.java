package ru.vpr.detect;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.DetectConfig;
import ru.vpr.spark.Columns;

/**
 * Every class × work of the years in scope with its signals S1..S8 as calibrated p-values. A class
 * too small to judge keeps its row with {@code scored = false} and the reason, never a silent zero.
 */
public final class ClassSignals {
  public static final String TOO_FEW_PUPILS = "too_few_pupils";
  public static final String NO_SCORES = "no_scores";

  private ClassSignals() {}

  /**
   * @param pupils PupilFeatures of the years in scope and the History.YEARS_BACK years before
   * @param results results of the same years (for participants, absent pupils included)
   * @param peers (year, login, peer_group)
   * @param cuts CutSignal's counts per class, against the counterfactual at the mark cuts
   */
  public static Dataset<Row> compute(Dataset<Row> pupils, Dataset<Row> results, Dataset<Row> peers, Dataset<Row> cuts,
      List<Integer> years, DetectConfig config) {
    Column inScope = col("year").isin(years.toArray());
    Dataset<Row> scoped = pupils.where(inScope);
    Dataset<Row> classes = ClassFeatures.of(scoped, results.where(inScope))
        .withColumn("scored", col("written").geq(config.minClassPupils()).and(coalesce(col("z_n"), lit(0L)).gt(0)))
        .withColumn("unscored_reason", when(col("written").lt(config.minClassPupils()), lit(TOO_FEW_PUPILS))
            .when(coalesce(col("z_n"), lit(0L)).equalTo(0), lit(NO_SCORES)))
        .join(broadcast(peers.select("year", "login", PeerGroups.PEER_GROUP)), Columns.seq("year", "login"), "left")
        .withColumn(PeerGroups.PEER_GROUP, coalesce(col(PeerGroups.PEER_GROUP), lit(-1)))
        .join(IdenticalWorks.of(scoped), Columns.seq(Strata.CLASS), "left")
        .join(History.of(pupils), Columns.seq("year", "subject", "login"), "left")
        .join(cuts, Columns.seq(Strata.CLASS), "left");
    classes = Calibration.withReference(classes, config.minControlledClasses());
    // S1 expects the level of the class's peer group in the same work (the work's level when the group is thin).
    classes = PeerGroups.withExpectedLevel(classes, config.minPeerClasses());
    // Class-level and read by every calibration below: cut the lineage here so that each plan stays small.
    Dataset<Row> base = Materialise.classLevel(classes);

    // S3 and S5 expect what classes of the same level show, on a level measure their manipulation
    // does not move: basic tasks for the person-fit (dictation gives away hard ones), key-scored tasks
    // for the rubric gap (no checker can add points there).
    base = base.join(broadcast(Calibration.trendStats(base, "s3t", "fit_mean", "basic_pct", "fit_n")), Columns.seq(Strata.WORK), "left")
        .join(broadcast(Calibration.trendStats(base, "s5t", "rubric_mean", "key_pct", "rubric_n")), Columns.seq(Strata.WORK), "left");
    Column s1Center = col("expected_level");
    Column s3Center = Calibration.trend("s3t", "basic_pct");
    Column s5Center = Calibration.trend("s5t", "key_pct");
    Column s7Center = col("hist_mean");
    Dataset<Row> stats = Calibration.randomEffectsStats(base, "s1", "z_mean", "z_var", "z_n", s1Center);
    for (Dataset<Row> more : List.of(
        Calibration.randomEffectsStats(base, "s1w", "z_mean", "z_var", "z_n", null),
        Calibration.randomEffectsStats(base, "s3", "fit_mean", "fit_var", "fit_n", s3Center),
        Calibration.randomEffectsStats(base, "s5", "rubric_mean", "rubric_var", "rubric_n", s5Center),
        Calibration.randomEffectsStats(base, "s7", "z_mean", "z_var", "z_n", s7Center))) {
      stats = stats.join(more, Columns.seq(Strata.WORK), "full");
    }
    classes = base.join(broadcast(stats), Columns.seq(Strata.WORK), "left")
        .withColumn("level_band", Calibration.levelBand(config.calibration()));
    for (String[] rate : List.of(new String[] {"s6", "confirmed", "with_journal"}, new String[] {"s8", "not_attempted", "task_cells"})) {
      classes = classes.join(broadcast(Calibration.betaBinomialStats(base, rate[0], rate[1], rate[2], config.calibration())
              .withColumnRenamed(rate[0] + "_band", "level_band")),
          Columns.seq(Strata.plus(Strata.WORK, "level_band")), "left");
    }
    classes = classes
        .join(broadcast(Calibration.spreadStats(base, "s4", config.calibration()).withColumnRenamed("s4_band", "level_band")),
            Columns.seq(Strata.plus(Strata.WORK, "level_band")), "left")
        .withColumn("s1_z", Calibration.randomEffectsZ("s1", "z_mean", "z_n", s1Center))
        // S1 against the whole work instead of the peer group: kept for the evaluation's ablation only.
        .withColumn("s1w_z", Calibration.randomEffectsZ("s1w", "z_mean", "z_n", null))
        .withColumn("s2_p", CutSignal.p())
        .withColumn("s3_z", Calibration.randomEffectsZ("s3", "fit_mean", "fit_n", s3Center))
        .withColumn("s4_spread_p", Calibration.spreadP("s4"))
        .withColumn("s4_identical_p", when(col("scored"), col("identical_p")))
        .withColumn("s5_z", Calibration.randomEffectsZ("s5", "rubric_mean", "rubric_n", s5Center))
        .withColumn("s6_p", Calibration.betaBinomialP("s6", "confirmed", "with_journal", true))
        .withColumn("s7_z", Calibration.randomEffectsZ("s7", "z_mean", "z_n", s7Center))
        .withColumn("s8_p", Calibration.betaBinomialP("s8", "not_attempted", "task_cells", false));
    for (String z : List.of("s1", "s1w", "s3", "s5", "s7")) {
      classes = classes.withColumn(z + "_p", PValues.NORMAL_UPPER.apply(col(z + "_z")));
    }
    return classes.select(
        col("year"), col("subject"), col("grade"), col("municipality_code"), col("login"), col("class"),
        col("participants"), col("written"), col("scored"), col("unscored_reason"), col(PeerGroups.PEER_GROUP),
        col(Reference.CONTROLLED), col("reference"), col("score_pct"), col("z_mean"), col("expected_level"),
        col("hist_mean"), col("basic_pct"), col("hard_pct"), col("at_threshold"), col("in_window"),
        col("on_cut"), col("expected_on_cut"), col("below_cut"), col("expected_below_cut"), col("pushed"),
        col("confirmed"), col("with_journal"), col("not_attempted"), col("task_cells"),
        coalesce(col("identical_works"), lit(0L)).as("identical_works"),
        col("s1_z"), col("s1_p"), col("s1w_p"), col("s2_p"), col("s3_z"), col("s3_p"), col("s4_spread_p"), col("s4_identical_p"),
        col("s5_z"), col("s5_p"), col("s6_p"), col("s7_z"), col("s7_p"), col("s8_p"));
  }
}
