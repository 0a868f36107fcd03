package ru.vpr.detect;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import ru.vpr.spark.Columns;

/**
 * The risk zone sized for a commission. Where pushing is endemic, the units whose evidence passes the
 * false-alarm test can be far more than a region can re-check; the list then keeps, per year, the
 * school × works with the strongest evidence, at most {@code maxShare} of the year's scored school ×
 * works (rounded up: a region of few schools still gets its strongest one), and a class stays flagged only when its school × work does (a list that names a class but not
 * its school would send nobody).
 */
final class FlagLimit {
  private FlagLimit() {}

  /** School × works with flagged limited; 0 means no limit. */
  static Dataset<Row> schoolWorks(Dataset<Row> schoolWorks, double maxShare) {
    if (maxShare <= 0) return schoolWorks;
    WindowSpec year = Window.partitionBy("year");
    WindowSpec strongest = Window.partitionBy("year").orderBy(col("flagged").desc(), col("combined_p").asc_nulls_last(),
        col("subject").asc(), col("grade").asc(), col("login").asc());
    Column allowed = ceil(col("_scored").multiply(maxShare));
    return schoolWorks
        .withColumn("_scored", count(when(col("scored"), lit(1))).over(year))
        .withColumn("_order", row_number().over(strongest))
        .withColumn("flagged", col("flagged").and(col("_order").leq(allowed)))
        .withColumn("units_flagged", when(col("flagged"), col("units_flagged")).otherwise(lit(0L)))
        .drop("_scored", "_order");
  }

  /** Classes flagged only where their school × work still is. */
  static Dataset<Row> classes(Dataset<Row> classes, Dataset<Row> limitedSchoolWorks) {
    // Not Strata.SCHOOL_WORK: a school outside the registry has no municipality, and null keys never join.
    List<String> key = List.of("year", "subject", "grade", "login");
    Dataset<Row> kept = limitedSchoolWorks.where(col("flagged")).select(Columns.cols(key)).withColumn("_kept", lit(true));
    return classes.join(org.apache.spark.sql.functions.broadcast(kept), Columns.seq(key), "left")
        .withColumn("flagged", col("flagged").and(col("_kept").isNotNull()))
        .drop("_kept")
        .select(Columns.cols(classes.columns()));
  }
}
