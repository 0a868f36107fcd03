package ru.vpr.publish;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import ru.vpr.config.PublishConfig;
import ru.vpr.publish.model.RecheckReason;
import ru.vpr.spark.Columns;

/**
 * What the commissions' re-checks (table recheck, contract §2.4) found. A re-checked work is
 * objectively checked when the commission kept its mark and moved its total by at most the
 * tolerance; a school × work is off target when fewer than the target share (regions use 90%) of its
 * re-checked works were objective, and then the direction says what happened: inflated when the
 * commission removed more points than it added, deflated when it added more (the school marked too
 * strictly: no inflation, and never to be reported as one), both ways when as many. Grouped by why the
 * school was re-checked, the share of inflated schools is the detector's observed precision (flagged)
 * and the base rate (control).
 */
final class RecheckOutcomes {
  static final String FLAGGED = "flagged";
  static final String CONTROL = "control";
  static final String OTHER = "other";
  static final String OBJECTIVE = "objective";
  static final String INFLATED = "inflated";
  static final String DEFLATED = "deflated";
  static final String BOTH_WAYS = "both_ways";
  static final List<String> OUTCOME_COLUMNS = List.of("year", "subject", "grade", "municipality_code", "login", "school_name",
      "selected_as", "works", "objective_works", "objective_share", "points_removed", "points_added", "verdict", "inflated");
  static final List<String> PRECISION_COLUMNS = List.of("year", "municipality_code", "selected_as", "schools", "inflated", "share");
  private static final List<String> WORK = List.of("year", "subject", "grade", "login");
  private static final List<String> PUPIL_WORK = List.of("year", "subject", "grade", "login", "code");

  private final PublishConfig.Outcomes settings;

  RecheckOutcomes(PublishConfig.Outcomes settings) {
    this.settings = settings;
  }

  /**
   * One row per re-checked school × work.
   *
   * @param recheck the commissions' task scores
   * @param results the pupils' results as the school reported them (for the work's total)
   * @param controlSample works of published control samples (year, subject, grade, login, code)
   */
  Dataset<Row> perSchoolWork(Dataset<Row> recheck, Dataset<Row> results, Dataset<Row> scales, Dataset<Row> riskSchools,
      Dataset<Row> controlSample, Dataset<Row> schools) {
    Column diff = col("rechecked").minus(col("original"));
    Dataset<Row> rechecked = recheck.groupBy(Columns.cols(PUPIL_WORK)).agg(
        sum("original").as("original_sum"), sum(diff).as("change"),
        sum(greatest(functions.negate(diff), lit(0))).as("removed"), sum(greatest(diff, lit(0))).as("added"));
    // The few re-checked works pick their reported totals out of the pupils' results without a shuffle of them.
    Dataset<Row> reported = results.select("year", "subject", "grade", "login", "code", "primary_score")
        .join(broadcast(rechecked.select(Columns.cols(PUPIL_WORK))), Columns.seq(PUPIL_WORK));
    Dataset<Row> works = rechecked.join(reported, Columns.seq(PUPIL_WORK), "left")
        // Works the school did not report (or partial re-checks of them) are judged on the re-checked tasks.
        .withColumn("original_total", coalesce(col("primary_score"), col("original_sum")))
        .withColumn("rechecked_total", col("original_total").plus(col("change")))
        .join(broadcast(scales.select("year", "subject", "grade", "min3", "min4", "min5")), Columns.seq("year", "subject", "grade"), "left")
        .withColumn("objective", mark(col("original_total")).equalTo(mark(col("rechecked_total")))
            .and(abs(col("change")).leq(settings.tolerance())));
    Dataset<Row> control = controlSample.select("year", "subject", "grade", "login").distinct().withColumn("in_control", lit(true));
    Dataset<Row> flagged = riskSchools.where(col("flagged")).select("year", "subject", "grade", "login")
        .withColumn("in_flagged", lit(true));
    return works.groupBy(Columns.cols(WORK)).agg(
            count(lit(1)).as("works"), sum(when(col("objective"), 1).otherwise(0)).cast("long").as("objective_works"),
            sum("removed").cast("long").as("points_removed"), sum("added").cast("long").as("points_added"))
        .withColumn("objective_share", col("objective_works").divide(col("works")))
        .withColumn("verdict", when(col("objective_share").geq(settings.targetShare()), lit(OBJECTIVE))
            .when(col("points_removed").gt(col("points_added")), lit(INFLATED))
            .when(col("points_added").gt(col("points_removed")), lit(DEFLATED))
            .otherwise(lit(BOTH_WAYS)))
        .withColumn("inflated", col("verdict").equalTo(INFLATED))
        .join(flagged, Columns.seq(WORK), "left")
        .join(control, Columns.seq(WORK), "left")
        .withColumn("selected_as", when(col("in_flagged"), lit(FLAGGED)).when(col("in_control"), lit(CONTROL)).otherwise(lit(OTHER)))
        .join(schools.select(col("login"), col("name").as("school_name"), col("municipality_code")), Columns.seq("login"), "left")
        .select(Columns.cols(OUTCOME_COLUMNS));
  }

  /**
   * Per year, municipality (and the region, municipality null) and group: re-checked schools and how
   * many were judged inflated in at least one work. A school's group is the strongest of its works'
   * (flagged, then control, then other).
   */
  static Dataset<Row> precision(Dataset<Row> outcomes) {
    Column rank = when(col("selected_as").equalTo(FLAGGED), 3).when(col("selected_as").equalTo(CONTROL), 2).otherwise(1);
    Dataset<Row> schools = outcomes.groupBy("year", "municipality_code", "login").agg(
            max(rank).as("group_rank"), max(when(col("inflated"), 1).otherwise(0)).as("inflated"))
        .withColumn("selected_as", when(col("group_rank").equalTo(3), lit(FLAGGED))
            .when(col("group_rank").equalTo(2), lit(CONTROL)).otherwise(lit(OTHER)));
    Dataset<Row> byMunicipality = schools.groupBy("year", "municipality_code", "selected_as")
        .agg(count(lit(1)).as("schools"), sum("inflated").cast("long").as("inflated"));
    Dataset<Row> region = schools.groupBy("year", "selected_as")
        .agg(count(lit(1)).as("schools"), sum("inflated").cast("long").as("inflated"))
        .withColumn("municipality_code", lit(null).cast("string"));
    return byMunicipality.unionByName(region)
        .withColumn("share", col("inflated").divide(col("schools")))
        .select(Columns.cols(PRECISION_COLUMNS));
  }

  private static Column mark(Column total) {
    return when(total.geq(col("min5")), 5).when(total.geq(col("min4")), 4).when(total.geq(col("min3")), 3).otherwise(2);
  }

  /** The control works of the published samples: those a commission re-checked measure the base rate. */
  static Dataset<Row> controlWorks(Dataset<Row> publishedSample) {
    return publishedSample.where(col("reason").equalTo(RecheckReason.CONTROL));
  }
}
