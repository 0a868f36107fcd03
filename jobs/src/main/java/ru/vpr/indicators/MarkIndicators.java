package ru.vpr.indicators;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.stddev_samp;
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

  private MarkIndicators() {}

  /** The aggregates over pupil rows of {@code results}, for {@link Levels#aggregate}. */
  static List<Column> aggregates() {
    Column wrote = not(col("absent"));
    List<Column> a = new ArrayList<>(List.of(
        count(lit(1)).as("participants"),
        count(when(col("absent"), 1)).as("absent"),
        count(when(wrote, 1)).as("written"),
        max("max_score").as("max_score"),
        avg(when(wrote, col("primary_score"))).as("mean_score"),
        avg(when(wrote, col("primary_score").multiply(100.0).divide(col("max_score")))).as("mean_score_pct"),
        stddev_samp(when(wrote, col("primary_score"))).as("sd_score")));
    for (int m : MARKS) a.add(count(when(wrote.and(col("mark").equalTo(m)), 1)).as("marks_" + m));
    return a;
  }

  /** The shares, from the aggregated counts. */
  static Dataset<Row> shares(Dataset<Row> counts) {
    Dataset<Row> out = counts;
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
