package ru.vpr.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/**
 * Task completion: per task, the mean of score / max over the pupils who wrote (X counts 0, and
 * its share is reported beside), and whether the unit achieved the task: a basic (Б) task at 60% or
 * more, an advanced (П) or high (В) one at 30% or more; just below the bar (57-60%, 28.5-30%) the
 * result is {@code uncertain}, since one pupil more or less would flip it.
 */
public final class TaskCompletion {
  public static final String ACHIEVED = "achieved";
  public static final String UNCERTAIN = "uncertain";
  public static final String NOT_ACHIEVED = "not_achieved";
  public static final String BASIC = "Б";

  /** Bars in per mille of max, so that the test is exact integer arithmetic on the points. */
  static final int BASIC_BAR = 600;
  static final int BASIC_BAND = 570;
  static final int OTHER_BAR = 300;
  static final int OTHER_BAND = 285;

  private static final List<String> TASK = List.of("year", "subject", "grade", "task", "task_order", "task_level", "scoring", "max");

  private TaskCompletion() {}

  /**
   * Pupil × task rows of the works written, with what completion needs: the pupil's municipality
   * and mark (from results) and the task's level and scoring (from tasks).
   */
  public static Dataset<Row> pupilTasks(Dataset<Row> results, Dataset<Row> taskScores, Dataset<Row> tasks) {
    Dataset<Row> pupils = results.where(not(col("absent")))
        .select("year", "subject", "grade", "login", "code", "municipality_code", "mark");
    Dataset<Row> spec = tasks.select(col("year"), col("subject"), col("grade"), col("task"),
        col("level").as("task_level"), col("scoring"));
    return taskScores.select("year", "subject", "grade", "login", "class", "code", "task", "task_order", "score",
            "not_attempted", "max")
        .join(pupils, new String[] {"year", "subject", "grade", "login", "code"})
        .join(spec, new String[] {"year", "subject", "grade", "task"}, "left");
  }

  /** Rows of {@code task_indicators}. */
  public static Dataset<Row> byTask(Dataset<Row> pupilTasks, IndicatorsConfig config) {
    return completion(pupilTasks, TASK, config, Tables.TASK_INDICATORS);
  }

  /** Rows of {@code task_mark_indicators}: the same, per group of pupils with the same VPR mark. */
  public static Dataset<Row> byMark(Dataset<Row> pupilTasks, IndicatorsConfig config) {
    return completion(pupilTasks, Levels.plus(TASK, "mark"), config, Tables.TASK_MARK_INDICATORS);
  }

  private static Dataset<Row> completion(Dataset<Row> pupilTasks, List<String> keys, IndicatorsConfig config, TableDef table) {
    Dataset<Row> sums = Levels.aggregate(pupilTasks, keys, List.of(
        count(lit(1)).as("written"),
        sum(coalesce(col("score"), lit(0))).cast("long").as("score_sum"),
        count(when(col("not_attempted"), 1)).as("not_attempted")));
    Column possible = col("written").multiply(col("max"));
    Dataset<Row> rows = sums
        .withColumn("completion_pct", when(possible.gt(0), col("score_sum").multiply(100.0).divide(possible)))
        .withColumn("not_attempted_share", MarkIndicators.share(col("not_attempted"), "written"))
        .withColumn("status", status(col("task_level"), col("score_sum"), possible));
    return SmallUnits.flag(rows, config).select(Columns.cols(List.of(table.columns())));
  }

  /** achieved / uncertain / not_achieved; null for a task of unknown level or with nobody to judge. */
  static Column status(Column level, Column points, Column possible) {
    Column basic = level.equalTo(lit(BASIC));
    Column perMille = points.multiply(1000L);
    Column bar = possible.multiply(when(basic, BASIC_BAR).otherwise(OTHER_BAR));
    Column band = possible.multiply(when(basic, BASIC_BAND).otherwise(OTHER_BAND));
    return when(level.isNull().or(possible.leq(0)), lit(null).cast("string"))
        .when(perMille.geq(bar), lit(ACHIEVED))
        .when(perMille.geq(band), lit(UNCERTAIN))
        .otherwise(lit(NOT_ACHIEVED));
  }
}
