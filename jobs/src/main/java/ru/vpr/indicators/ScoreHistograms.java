package ru.vpr.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/**
 * The distribution of primary scores that analysts plot: for every unit, pupils per score for every
 * score 0..max (zeros included, so a plot has no gaps), beside the region's line and the year's mark
 * thresholds. Peaks right at min3/min4/min5 are the known sign of pushed scores.
 */
public final class ScoreHistograms {
  private ScoreHistograms() {}

  public static Dataset<Row> compute(Dataset<Row> results, Dataset<Row> scales, IndicatorsConfig config) {
    Dataset<Row> counts = Levels.aggregate(results.where(not(col("absent"))),
        Levels.plus(Levels.WORK, "primary_score"), List.of(count(lit(1)).as("pupils")));
    Dataset<Row> units = counts.groupBy(Columns.cols(Levels.UNIT_OF_WORK)).agg(sum("pupils").as("written"));
    Dataset<Row> grid = units
        .join(scales.select("year", "subject", "grade", "min3", "min4", "min5", "max"), Levels.WORK.toArray(String[]::new))
        .withColumn("primary_score", explode(sequence(lit(0), col("max"))))
        .withColumnRenamed("max", "max_score");
    Dataset<Row> region = counts.where(Levels.isLevel(Levels.REGION))
        .select(col("year"), col("subject"), col("grade"), col("primary_score"), col("pupils").as("region_pupils"));
    Dataset<Row> regionWritten = units.where(Levels.isLevel(Levels.REGION))
        .select(col("year"), col("subject"), col("grade"), col("written").as("region_written"));
    Dataset<Row> rows = Levels.joinUnits(grid, counts, Levels.plus(Levels.UNIT_OF_WORK, "primary_score"), "left")
        .join(region, Levels.plus(Levels.WORK, "primary_score").toArray(String[]::new), "left")
        .join(regionWritten, Levels.WORK.toArray(String[]::new), "left")
        .withColumn("pupils", coalesce(col("pupils"), lit(0L)))
        .withColumn("region_pupils", coalesce(col("region_pupils"), lit(0L)))
        .withColumn("share", MarkIndicators.share(col("pupils"), "written"))
        .withColumn("region_share", MarkIndicators.share(col("region_pupils"), "region_written"))
        .withColumn("mark", when(col("primary_score").geq(col("min5")), 5).when(col("primary_score").geq(col("min4")), 4)
            .when(col("primary_score").geq(col("min3")), 3).otherwise(2));
    return SmallUnits.flag(rows, config).select(Columns.cols(List.of(Tables.SCORE_HISTOGRAMS.columns())));
  }
}
