package ru.vpr.detect;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/**
 * Reference statistics of a value within groups, taken from the works written under objectivity
 * control when a group has enough of them, and from everyone otherwise. Control works had observers
 * and external checking, so they show what honest results look like; elsewhere the whole region is
 * the best estimate left, a few percent of manipulated works moving it only a little.
 */
final class Reference {
  /** Boolean column of pupil rows: the pupil wrote under objectivity control. */
  static final String CONTROLLED = "controlled";

  private Reference() {}

  /**
   * Mean and sample standard deviation of {@code value} per group, as {@code <prefix>_mean} and
   * {@code <prefix>_sd}, plus {@code <prefix>_from_control}.
   */
  static Dataset<Row> meanAndSd(Dataset<Row> rows, List<String> groups, Column value, String prefix, int minControlled) {
    Column v = value;
    Column c = when(col(CONTROLLED), v);
    Dataset<Row> stats = rows.groupBy(Columns.cols(groups)).agg(
        avg(v).as("all_mean"), stddev_samp(v).as("all_sd"),
        avg(c).as("ctl_mean"), stddev_samp(c).as("ctl_sd"), count(c).as("ctl_n"));
    Column useControl = col("ctl_n").geq(lit(Math.max(2, minControlled)));
    return stats.select(concat(groups,
        when(useControl, col("ctl_mean")).otherwise(col("all_mean")).as(prefix + "_mean"),
        when(useControl, col("ctl_sd")).otherwise(col("all_sd")).as(prefix + "_sd"),
        useControl.as(prefix + "_from_control")));
  }

  private static Column[] concat(List<String> groups, Column... more) {
    Column[] all = new Column[groups.size() + more.length];
    for (int i = 0; i < groups.size(); i++) all[i] = col(groups.get(i));
    System.arraycopy(more, 0, all, groups.size(), more.length);
    return all;
  }
}
