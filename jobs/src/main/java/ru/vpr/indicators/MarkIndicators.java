package ru.vpr.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * FIS OKO's "statistics by marks": participants, absent, written, mean and spread of the primary
 * score, counts and shares of marks 2..5, успеваемость (3..5) and качество (4..5). Every share is
 * over the pupils who wrote; absent pupils count only in {@code participants} and {@code absent}.
 */
public final class MarkIndicators {
  static final int[] MARKS = {2, 3, 4, 5};
  private static final String SCORE_SUM = "_score_sum";
  private static final String SQUARE_SUM = "_score_square_sum";

  private MarkIndicators() {}

  /** The aggregates over pupil rows of {@code results}, for {@link Levels#aggregate}. */
  static List<Column> aggregates() {
    Column wrote = not(col("absent"));
    List<Column> a = new ArrayList<>(List.of(
        count(lit(1)).as("participants"),
        count(when(col("absent"), 1)).as("absent"),
        count(when(wrote, 1)).as("written"),
        max("max_score").as("max_score"),
        sum(when(wrote, col("primary_score").cast("long"))).as(SCORE_SUM),
        sum(when(wrote, col("primary_score").cast("long").multiply(col("primary_score").cast("long")))).as(SQUARE_SUM)));
    for (int m : MARKS) a.add(count(when(wrote.and(col("mark").equalTo(m)), 1)).as("marks_" + m));
    return a;
  }

  /**
   * The mean, its percentage of the maximum and the spread from the exact integer sums, and the
   * shares from the counts. Spark's avg of fractions and its stddev merge partial results in the
   * order the shuffle delivers them, so their last bits changed from run to run; integer sums do not,
   * and each figure here is then one computation on them. The keys include the work, so the maximum
   * is one number per row.
   */
  static Dataset<Row> shares(Dataset<Row> counts) {
    Column n = col("written");
    Column total = col(SCORE_SUM);
    // n Σx² − (Σx)² is exact in a long: scores are below 1,000 and a work has fewer than 10^6 pupils.
    Column spread = col(SQUARE_SUM).multiply(n).minus(total.multiply(total));
    Dataset<Row> out = counts
        .withColumn("mean_score", when(n.gt(0), total.cast("double").divide(n)))
        .withColumn("mean_score_pct", when(n.gt(0), total.cast("double").multiply(100.0).divide(n.multiply(col("max_score")))))
        .withColumn("sd_score", when(n.gt(1), sqrt(spread.cast("double").divide(n.multiply(n.minus(1))))))
        .drop(SCORE_SUM, SQUARE_SUM);
    for (int m : MARKS) out = out.withColumn("share_" + m, share(col("marks_" + m), "written"));
    return out
        .withColumn("success_share", share(col("marks_3").plus(col("marks_4")).plus(col("marks_5")), "written"))
        .withColumn("quality_share", share(col("marks_4").plus(col("marks_5")), "written"));
  }

  /** part / whole as a double; null when the whole is 0 (no pupils: no share, not 0). */
  static Column share(Column part, String whole) {
    return when(col(whole).gt(0), part.cast("double").divide(col(whole)));
  }
}
