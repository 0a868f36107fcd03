package ru.vpr.indicators;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.IndicatorsConfig;

/**
 * The sample-size flags. Small units are never hidden: their indicators are computed like any
 * other, and these flags tell a reader not to lean on them.
 */
public final class SmallUnits {
  private SmallUnits() {}

  /** Adds {@code small_for_groups} and {@code small_for_distribution} from the {@code written} column. */
  public static Dataset<Row> flag(Dataset<Row> rows, IndicatorsConfig config) {
    return rows.withColumn("small_for_groups", col("written").lt(config.minGroup()))
        .withColumn("small_for_distribution", col("written").lt(config.minDistribution()));
  }
}
