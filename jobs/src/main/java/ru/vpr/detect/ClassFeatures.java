package ru.vpr.detect;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/**
 * One row per class × work with the sufficient statistics of every signal: means and variances of
 * the pupils' standardised values, and the counts behind the rate signals. Classes where every pupil
 * was absent are kept (with zero written), so that every class of the year gets a row downstream.
 */
public final class ClassFeatures {
  private ClassFeatures() {}

  public static Dataset<Row> of(Dataset<Row> pupils, Dataset<Row> results) {
    Dataset<Row> participants = results.groupBy(Columns.cols(Strata.CLASS)).agg(count(lit(1)).as("participants"));
    Dataset<Row> written = pupils.groupBy(Columns.cols(Strata.CLASS)).agg(
        count(lit(1)).as("written"),
        max(col(Reference.CONTROLLED)).as(Reference.CONTROLLED),
        avg(col("primary_score").divide(col("max_score"))).as("score_pct"),
        avg("z").as("z_mean"), var_samp("z").as("z_var"), count("z").as("z_n"),
        var_samp("ability").as("ability_var"),
        avg("person_fit_z").as("fit_mean"), var_samp("person_fit_z").as("fit_var"), count("person_fit_z").as("fit_n"),
        avg("rubric_z").as("rubric_mean"), var_samp("rubric_z").as("rubric_var"), count("rubric_z").as("rubric_n"),
        sum(flag("at_threshold")).as("at_threshold"), sum(flag("in_window")).as("in_window"),
        sum("tasks_not_attempted").as("not_attempted"), sum("n_tasks").as("task_cells"),
        sum(flag("confirmed")).as("confirmed"), sum(flag("with_journal")).as("with_journal"),
        avg("basic_pct").as("basic_pct"), avg("hard_pct").as("hard_pct"), avg("key_pct").as("key_pct"));
    return participants.join(written, Columns.seq(Strata.CLASS), "left")
        .withColumn("written", coalesce(col("written"), lit(0L)))
        .withColumn(Reference.CONTROLLED, coalesce(col(Reference.CONTROLLED), lit(false)));
  }

  private static Column flag(String name) {
    return when(col(name), 1L).otherwise(0L);
  }
}
