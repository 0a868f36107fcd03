package ru.vpr.indicators;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/**
 * The rows of {@code unit_indicators}: marks and journal comparison of every unit of every work,
 * all levels in one aggregation over {@code results}.
 */
public final class UnitIndicators {
  private UnitIndicators() {}

  public static Dataset<Row> compute(Dataset<Row> results, IndicatorsConfig config) {
    List<Column> aggregates = new ArrayList<>(MarkIndicators.aggregates());
    aggregates.addAll(JournalComparison.aggregates());
    Dataset<Row> counts = Levels.aggregate(results, Levels.WORK, aggregates);
    Dataset<Row> rows = JournalComparison.shares(MarkIndicators.shares(counts));
    return SmallUnits.flag(rows, config).select(Columns.cols(List.of(Tables.UNIT_INDICATORS.columns())));
  }
}
