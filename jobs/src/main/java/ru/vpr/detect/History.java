package ru.vpr.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A school's own level in a subject over the previous years (all grades), for S7: a class far above
 * what its school showed before, in a stable school, is what Jacob and Levitt's "unexpected jumps"
 * look for. Other cohorts and grades make this a noisy baseline, which the random-effects
 * calibration absorbs as between-class variance.
 */
final class History {
  static final int YEARS_BACK = 2;

  private History() {}

  /** (year, subject, login, hist_mean, hist_pupils): the mean z of the YEARS_BACK years before {@code year}. */
  static Dataset<Row> of(Dataset<Row> pupils) {
    Dataset<Row> perYear = pupils.where(col("z").isNotNull())
        .groupBy("year", "subject", "login").agg(sum("z").as("z_sum"), count(lit(1)).as("pupils"));
    org.apache.spark.sql.Column[] later = new org.apache.spark.sql.Column[YEARS_BACK];
    for (int b = 1; b <= YEARS_BACK; b++) later[b - 1] = col("year").plus(b);
    return perYear.withColumn("target_year", explode(array(later)))
        .groupBy(col("target_year").as("year"), col("subject"), col("login"))
        .agg(sum("z_sum").divide(sum("pupils")).as("hist_mean"), sum("pupils").as("hist_pupils"));
  }
}
