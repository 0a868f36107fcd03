package ru.vpr.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/**
 * Deficits of each class: the tasks (with their level) the class did not achieve, plus those in the
 * uncertainty band, beside the region's completion, so that teachers can adjust programmes.
 */
public final class ClassDeficits {
  private ClassDeficits() {}

  /** From {@code task_indicators} rows. */
  public static Dataset<Row> of(Dataset<Row> taskIndicators) {
    Dataset<Row> region = taskIndicators.where(Levels.isLevel(Levels.REGION))
        .select(col("year"), col("subject"), col("grade"), col("task"), col("completion_pct").as("region_completion_pct"));
    return taskIndicators
        .where(Levels.isLevel(Levels.CLASS)
            .and(col("status").isin(lit(TaskCompletion.NOT_ACHIEVED), lit(TaskCompletion.UNCERTAIN))))
        .join(region, new String[] {"year", "subject", "grade", "task"}, "left")
        .select(Columns.cols(List.of(Tables.CLASS_DEFICITS.columns())));
  }
}
