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

  private static final SignalSpec LEVEL_ACROSS_THE_WORK =
      new SignalSpec.MeanShift("z_mean", "z_var", "z_n", new SignalSpec.AtTheMean());

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

    classes = base.withColumn("level_band", Calibration.levelBand(config.calibration()));
    for (Signal signal : Signal.all()) classes = signal.spec().apply(classes, base, signal.prefix(), config.calibration());
    // S1 against the whole work instead of the peer group: kept for the evaluation's ablation only.
    classes = LEVEL_ACROSS_THE_WORK.apply(classes, base, "s1w", config.calibration());
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
