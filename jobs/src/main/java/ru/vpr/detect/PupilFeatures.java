package ru.vpr.detect;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/**
 * One row per pupil who wrote a work, with what the signals are built from. Everything is measured
 * against the pupil's stratum (same work and variant), so classes that wrote different variants
 * compare fairly:
 * <ul>
 *   <li>{@code z}: primary score standardised by the stratum's reference mean and sd;
 *   <li>{@code threshold} / {@code at_threshold}: the mark threshold 0..3 points above the score (the
 *       window where a generous checker pushes), and whether the pupil sits exactly on it;
 *   <li>{@code person_fit_z}: how much the pupil's success rises with task difficulty, against pupils of
 *       the same stratum and total-score band (Guttman-type misfit: hard tasks solved, easy ones failed);
 *   <li>{@code rubric_z}: success on tasks judged by the teacher against pupils of the same stratum with
 *       the same success on key-scored tasks, which no checker can inflate;
 *   <li>{@code vector}: the variant and every task's cell, to find identical works.
 * </ul>
 */
public final class PupilFeatures {
  static final int BANDS = 10;

  private PupilFeatures() {}

  /**
   * Pupils who wrote, with their z, task profile and bands: the part built from the pupil × task table,
   * which the caller should cache before {@link #standardised}.
   */
  public static Dataset<Row> base(Dataset<Row> results, Dataset<Row> taskScores, Dataset<Row> tasks,
      Dataset<Row> scales, Dataset<Row> control, int minControlled) {
    Dataset<Row> controlled = control.select("year", "subject", "grade", "login").distinct()
        .withColumn(Reference.CONTROLLED, lit(true));
    Dataset<Row> pupils = results.where(not(col("absent")))
        .select("year", "subject", "grade", "municipality_code", "login", "class", "code", "variant",
            "primary_score", "max_score", "mark", "journal_mark", "tasks_not_attempted")
        .withColumn("variant_key", coalesce(col("variant"), lit(0)))
        .join(broadcast(controlled), Columns.seq("year", "subject", "grade", "login"), "left")
        .withColumn(Reference.CONTROLLED, coalesce(col(Reference.CONTROLLED), lit(false)))
        .join(broadcast(scales.select("year", "subject", "grade", "min3", "min4", "min5")),
            Columns.seq(Strata.WORK), "left");

    Dataset<Row> withZ = standardise(pupils, Strata.STRATUM, col("primary_score"), "score", minControlled)
        .withColumn("z", try_divide(col("primary_score").minus(col("score_mean")), col("score_sd")))
        // Logit of the score share: roughly the pupil's ability on a scale without the test's floor and
        // ceiling, where a strong class is not "too alike" merely because its pupils hit the maximum.
        .withColumn("ability", org.apache.spark.sql.functions.log(col("primary_score").plus(0.5)
            .divide(col("max_score").minus(col("primary_score")).plus(0.5))));
    return withZ.join(taskProfiles(controlled, taskScores, tasks, minControlled), Columns.seq(Strata.PUPIL), "left")
        .withColumn("score_band", band(col("primary_score"), col("max_score")))
        .withColumn("key_band", band(col("key_points"), col("key_max")))
        .withColumn("rubric_pct", try_divide(col("rubric_points"), col("rubric_max")))
        .withColumn("key_pct", try_divide(col("key_points"), col("key_max")));
  }

  /**
   * The features of {@link #base} pupils: person-fit and rubric success standardised within their
   * bands, the threshold window and the journal comparison. Reads {@code base} three times, so the
   * caller should have it cached.
   */
  public static Dataset<Row> standardised(Dataset<Row> base, int minControlled) {
    Dataset<Row> fitStats = Reference.meanAndSd(base, Strata.plus(Strata.STRATUM, "score_band"), col("person_fit"), "pf", minControlled);
    Dataset<Row> rubricStats = Reference.meanAndSd(base, Strata.plus(Strata.STRATUM, "key_band"), col("rubric_pct"), "rub", minControlled);
    Dataset<Row> rubric = base
        .join(broadcast(fitStats), Columns.seq(Strata.plus(Strata.STRATUM, "score_band")), "left")
        .join(broadcast(rubricStats), Columns.seq(Strata.plus(Strata.STRATUM, "key_band")), "left")
        .withColumn("person_fit_z", try_divide(col("person_fit").minus(col("pf_mean")), col("pf_sd")))
        .withColumn("rubric_z", try_divide(col("rubric_pct").minus(col("rub_mean")), col("rub_sd")));
    return thresholdWindow(rubric)
        .withColumn("with_journal", col("journal_mark").isNotNull())
        .withColumn("confirmed", col("journal_mark").isNotNull().and(col("mark").equalTo(col("journal_mark"))))
        .withColumn("mark_min", when(col("mark").equalTo(3), col("min3")).when(col("mark").equalTo(4), col("min4"))
            .when(col("mark").equalTo(5), col("min5")))
        .select("year", "subject", "grade", "municipality_code", "login", "class", "code", "variant_key",
            Reference.CONTROLLED, "primary_score", "max_score", "mark", "journal_mark", "z", "ability", "score_band", "threshold", "in_window",
            "at_threshold", "person_fit_z", "rubric_z", "basic_pct", "hard_pct", "key_pct", "tasks_not_attempted", "n_tasks",
            "with_journal", "confirmed", "mark_min", "vector");
  }

  /**
   * Per pupil: points on key and rubric tasks, on basic and harder tasks, the slope of success on
   * difficulty (difficulty = 1 - the stratum's reference completion of the task) and the score vector.
   */
  static Dataset<Row> taskProfiles(Dataset<Row> controlled, Dataset<Row> taskScores, Dataset<Row> tasks, int minControlled) {
    Dataset<Row> spec = tasks.select(col("year"), col("subject"), col("grade"), col("task"),
        col("level").as("task_level"), col("scoring"));
    Dataset<Row> rows = taskScores
        .select("year", "subject", "grade", "login", "code", "task", "task_order", "score", "max", "variant")
        .withColumn("variant_key", coalesce(col("variant"), lit(0)))
        // Only the control flag is needed from the school's side: a broadcast of the small control list,
        // never a join with the pupils (Spark would pick the compressed task table as the smaller side).
        .join(broadcast(controlled), Columns.seq("year", "subject", "grade", "login"), "left")
        .withColumn(Reference.CONTROLLED, coalesce(col(Reference.CONTROLLED), lit(false)))
        .join(broadcast(spec), Columns.seq("year", "subject", "grade", "task"), "left")
        .withColumn("x", coalesce(col("score"), lit(0)).divide(col("max")));
    Dataset<Row> difficulty = Reference.meanAndSd(rows, Strata.plus(Strata.STRATUM, "task"), col("x"), "task", minControlled)
        .select(col("year"), col("subject"), col("grade"), col("variant_key"), col("task"),
            lit(1.0).minus(col("task_mean")).as("d"));
    Column points = coalesce(col("score"), lit(0));
    Column key = col("scoring").equalTo("key");
    Column rubric = col("scoring").equalTo("rubric");
    Column basic = col("task_level").equalTo("Б");
    Column harder = col("task_level").isin("П", "В");
    Dataset<Row> perPupil = rows.join(broadcast(difficulty), Columns.seq(Strata.plus(Strata.STRATUM, "task")))
        .groupBy(Columns.cols(Strata.PUPIL)).agg(
            count(lit(1)).as("n_tasks"),
            sum("x").as("x_sum"), sum("d").as("d_sum"), sum(col("x").multiply(col("d"))).as("xd_sum"),
            sum(col("d").multiply(col("d"))).as("dd_sum"),
            sum(when(key, points).otherwise(0)).as("key_points"), sum(when(key, col("max")).otherwise(0)).as("key_max"),
            sum(when(rubric, points).otherwise(0)).as("rubric_points"), sum(when(rubric, col("max")).otherwise(0)).as("rubric_max"),
            sum(when(basic, points).otherwise(0)).as("basic_points"), sum(when(basic, col("max")).otherwise(0)).as("basic_max"),
            sum(when(harder, points).otherwise(0)).as("hard_points"), sum(when(harder, col("max")).otherwise(0)).as("hard_max"),
            expr("concat_ws(',', transform(array_sort(collect_list(named_struct('o', task_order, 'c', "
                + "coalesce(cast(score AS STRING), 'X')))), s -> s.c))").as("cells"),
            expr("min(variant_key)").as("vector_variant"));
    Column n = col("n_tasks");
    Column cov = col("xd_sum").divide(n).minus(col("x_sum").divide(n).multiply(col("d_sum").divide(n)));
    Column varD = col("dd_sum").divide(n).minus(col("d_sum").divide(n).multiply(col("d_sum").divide(n)));
    return perPupil.select(
        col("year"), col("subject"), col("grade"), col("login"), col("code"), col("n_tasks"),
        when(varD.gt(1e-9), try_divide(cov, varD)).as("person_fit"),
        col("key_points"), col("key_max"), col("rubric_points"), col("rubric_max"),
        try_divide(col("basic_points"), col("basic_max")).as("basic_pct"),
        try_divide(col("hard_points"), col("hard_max")).as("hard_pct"),
        expr("concat('v', vector_variant, ':', cells)").as("vector"));
  }

  /** The mark threshold (min3, min4 or min5) that lies 0 to 3 points above the score, the lowest first. */
  static Dataset<Row> thresholdWindow(Dataset<Row> pupils) {
    Column score = col("primary_score");
    Column threshold = when(within(col("min3"), score), col("min3"))
        .when(within(col("min4"), score), col("min4"))
        .when(within(col("min5"), score), col("min5"));
    return pupils.withColumn("threshold", threshold)
        .withColumn("in_window", col("threshold").isNotNull())
        .withColumn("at_threshold", coalesce(col("threshold").equalTo(score), lit(false)));
  }

  private static Column within(Column threshold, Column score) {
    return threshold.minus(score).between(0, 3);
  }

  private static Column band(Column points, Column max) {
    return least(lit(BANDS - 1), floor(try_divide(points.multiply(BANDS), max))).cast("int");
  }

  private static Dataset<Row> standardise(Dataset<Row> rows, java.util.List<String> groups, Column value, String prefix,
      int minControlled) {
    return rows.join(broadcast(Reference.meanAndSd(rows, groups, value, prefix, minControlled)), Columns.seq(groups), "left");
  }
}
