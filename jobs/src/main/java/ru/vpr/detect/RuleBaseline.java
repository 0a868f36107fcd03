package ru.vpr.detect;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/**
 * The transparent baseline every model is compared with: a FIS OKO-style count of markers per class,
 * each a plain comparison with the region that an analyst can redo by hand.
 * <ol>
 *   <li>level: mean score % at least one standard deviation (of class means) above the region, in a
 *       school that is not a gymnasium or lyceum;
 *   <li>inversion: basic tasks done worse than the region while harder tasks are done better;
 *   <li>peaks: the share of pupils exactly on a mark threshold at least twice the region's (2+ pupils);
 *   <li>journal: VPR marks confirm journal marks at least 20 points more often than in the region.
 * </ol>
 * rule_score = markers / 4; a class with two or more markers is flagged by the rule.
 */
public final class RuleBaseline {
  public static final int MARKERS = 4;
  static final int FLAG_AT = 2;

  private RuleBaseline() {}

  public static Dataset<Row> markers(Dataset<Row> classes, Dataset<Row> schools) {
    Column scored = col("scored");
    Dataset<Row> region = classes.groupBy(Columns.cols(Strata.WORK)).agg(
        avg(when(scored, col("score_pct"))).as("r_level"), stddev_samp(when(scored, col("score_pct"))).as("r_level_sd"),
        avg(when(scored, col("basic_pct"))).as("r_basic"), avg(when(scored, col("hard_pct"))).as("r_hard"),
        try_divide(sum(when(scored, col("at_threshold"))), sum(when(scored, col("written")))).as("r_peak"),
        try_divide(sum(when(scored, col("confirmed"))), sum(when(scored, col("with_journal")))).as("r_confirmed"));
    Column selective = coalesce(col("kind").isin("гимназия", "лицей"), lit(false));
    Column level = col("score_pct").geq(col("r_level").plus(col("r_level_sd"))).and(selective.unary_$bang());
    Column inversion = col("basic_pct").lt(col("r_basic")).and(col("hard_pct").gt(col("r_hard")));
    Column peaks = col("at_threshold").geq(2)
        .and(try_divide(col("at_threshold"), col("written")).geq(col("r_peak").multiply(2)));
    Column journal = col("with_journal").geq(5)
        .and(try_divide(col("confirmed"), col("with_journal")).geq(col("r_confirmed").plus(0.2)));
    Column count = one(level).plus(one(inversion)).plus(one(peaks)).plus(one(journal));
    return classes.join(broadcast(region), Columns.seq(Strata.WORK), "left")
        .join(broadcast(schools.select("login", "kind")), Columns.seq("login"), "left")
        .withColumn("rule_level", scored.and(coalesce(level, lit(false))))
        .withColumn("rule_inversion", scored.and(coalesce(inversion, lit(false))))
        .withColumn("rule_peaks", scored.and(coalesce(peaks, lit(false))))
        .withColumn("rule_journal", scored.and(coalesce(journal, lit(false))))
        .withColumn("rule_markers", when(scored, count))
        .withColumn("rule_score", col("rule_markers").divide(MARKERS))
        .withColumn("rule_flagged", coalesce(col("rule_markers").geq(FLAG_AT), lit(false)))
        .drop("r_level", "r_level_sd", "r_basic", "r_hard", "r_peak", "r_confirmed", "kind");
  }

  private static Column one(Column condition) {
    return when(coalesce(condition, lit(false)), 1).otherwise(0);
  }
}
