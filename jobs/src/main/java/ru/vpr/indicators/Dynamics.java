package ru.vpr.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/**
 * Every unit indicator against the previous year for the same unit (same work, same municipality,
 * school login and class name), where the unit existed the year before. A share of mark 2 up by 10
 * percentage points or more is marked negative.
 */
public final class Dynamics {
  /** The unit indicators followed from year to year: every measure of {@code unit_indicators}. */
  public static final List<String> INDICATORS = List.of(
      "participants", "absent", "written", "mean_score", "mean_score_pct", "sd_score",
      "marks_2", "marks_3", "marks_4", "marks_5", "share_2", "share_3", "share_4", "share_5",
      "success_share", "quality_share", "with_journal", "lowered", "confirmed", "raised",
      "lowered_share", "confirmed_share", "raised_share", "journal_gap_2");
  public static final String NEGATIVE_INDICATOR = "share_2";
  /** In percentage points. */
  public static final double NEGATIVE_RISE = 10.0;

  private Dynamics() {}

  /** From {@code unit_indicators} rows (all the years wanted and the year before each). */
  public static Dataset<Row> of(Dataset<Row> unitIndicators) {
    List<Column> wide = new ArrayList<>(Columns.list(Levels.UNIT_OF_WORK));
    for (String i : INDICATORS) wide.add(col(i).cast("double").as(i));
    Dataset<Row> values = unitIndicators.select(wide.toArray(Column[]::new))
        .unpivot(Columns.cols(Levels.UNIT_OF_WORK), Columns.cols(INDICATORS), "indicator", "value");
    Dataset<Row> previous = values.withColumn("year", col("year").plus(1)).withColumnRenamed("value", "previous_value");
    Column change = col("value").minus(col("previous_value"));
    // Rounded so that 0.30 - 0.20 (0.0999...) counts as the 10 points it is.
    Column negative = col("indicator").equalTo(lit(NEGATIVE_INDICATOR))
        .and(round(change.multiply(100.0), 6).geq(NEGATIVE_RISE));
    return Levels.joinUnits(values, previous, Levels.plus(Levels.UNIT_OF_WORK, "indicator"), "inner")
        .withColumn("change", change)
        .withColumn("negative", coalesce(negative, lit(false)))
        .select(Columns.cols(List.of(Tables.INDICATOR_DYNAMICS.columns())));
  }
}
