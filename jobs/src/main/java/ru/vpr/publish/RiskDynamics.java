package ru.vpr.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regr_slope;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import ru.vpr.spark.Columns;

/**
 * Whether the risk zone shrinks, as the roadmaps' expected results ask: per municipality and the
 * region (municipality null) and year, the schools in the risk zone, those flagged two years running,
 * those that left it and those that entered, and the least-squares trend of the flagged count over
 * every year so far.
 */
final class RiskDynamics {
  static final List<String> COLUMNS = List.of("year", "municipality_code", "schools_scored", "flagged", "flagged_again",
      "left", "entered", "slope");

  private RiskDynamics() {}

  /** @param riskTotals risk_school_totals of every year (earlier years give the comparisons and the trend) */
  static Dataset<Row> of(Dataset<Row> riskTotals) {
    Dataset<Row> schools = riskTotals.select(col("year"), col("municipality_code"), col("login"),
        coalesce(col("scored"), lit(false)).as("scored"), coalesce(col("flagged"), lit(false)).as("flagged"));
    Dataset<Row> before = schools.select(col("year").plus(1).as("year"), col("login"), col("flagged").as("flagged_before"));
    Dataset<Row> joined = schools.join(before, Columns.seq("year", "login"), "left")
        .withColumn("flagged_before", coalesce(col("flagged_before"), lit(false)));
    Column flagged = col("flagged");
    Column was = col("flagged_before");
    List<Column> counts = List.of(
        count(col("scored")).as("schools_scored"),
        count(flagged).as("flagged"),
        count(flagged.and(was)).as("flagged_again"),
        count(was.and(col("scored")).and(not(flagged))).as("left"),
        count(flagged.and(not(was))).as("entered"));
    Dataset<Row> byMunicipality = joined.groupBy("year", "municipality_code")
        .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new));
    Dataset<Row> region = joined.groupBy("year")
        .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new))
        .withColumn("municipality_code", lit(null).cast("string"));
    return byMunicipality.unionByName(region)
        .withColumn("slope", regr_slope(col("flagged").cast("double"), col("year").cast("double"))
            .over(Window.partitionBy("municipality_code").orderBy("year")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
        .select(Columns.cols(COLUMNS));
  }

  private static Column count(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }
}
