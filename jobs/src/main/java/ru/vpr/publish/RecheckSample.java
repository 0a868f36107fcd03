package ru.vpr.publish;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import ru.vpr.config.PublishConfig;
import ru.vpr.publish.model.RecheckReason;
import ru.vpr.spark.Columns;

/**
 * The works a municipal commission re-checks: the evidence works of flagged classes within the
 * municipality's capacity, plus a random control sample from unflagged schools. Every random choice
 * is a hash of the seed and the work's keys, so the same inputs give the same sample on any cluster.
 */
final class RecheckSample {
  static final List<String> COLUMNS = List.of("year", "subject", "grade", "municipality_code", "login", "class", "code",
      "reason", "class_risk_rank", "pick");
  private static final List<String> CLASS = List.of("year", "subject", "grade", "login", "class");

  private final PublishConfig.Recheck settings;

  RecheckSample(PublishConfig.Recheck settings) {
    this.settings = settings;
  }

  /**
   * @param evidence pupil_evidence rows of the years (pupils of flagged classes)
   * @param riskClasses risk_classes rows of the years
   * @param riskSchools risk_schools rows of the years (the control sample's frame)
   * @param riskTotals risk_school_totals rows of the years (a control school is not flagged at all)
   * @param results results rows of the years (the control works)
   */
  Dataset<Row> draw(Dataset<Row> evidence, Dataset<Row> riskClasses, Dataset<Row> riskSchools, Dataset<Row> riskTotals,
      Dataset<Row> results) {
    return evidenceWorks(evidence, riskClasses).select(Columns.cols(COLUMNS))
        .unionByName(controlWorks(riskSchools, riskTotals, results).select(Columns.cols(COLUMNS)));
  }

  /** Per flagged class, its works ordered by evidence; then the municipality's capacity, round-robin over classes. */
  Dataset<Row> evidenceWorks(Dataset<Row> evidence, Dataset<Row> riskClasses) {
    Dataset<Row> classes = riskClasses.where(col("flagged"))
        .select(col("year"), col("subject"), col("grade"), col("login"), col("class"),
            col("risk_rank").as("class_risk_rank"), split(coalesce(col("reasons"), lit("")), "\\|").as("class_reasons"));
    Column reasons = filter(array(
        evidence(threshold(), RecheckReason.THRESHOLD),
        evidence(threshold().and(col("journal_mark").equalTo(col("mark"))), RecheckReason.JOURNAL),
        evidence(col("person_fit_z").geq(settings.evidenceZ()), RecheckReason.INVERSION),
        evidence(col("identical_works").geq(2), RecheckReason.IDENTICAL),
        evidence(col("rubric_z").geq(settings.evidenceZ()), RecheckReason.RUBRIC)),
        e -> e.isNotNull());
    // A kind of evidence the class was flagged for counts double: it is what the commission should see.
    Column weight = lit(0);
    for (String[] kind : KINDS) {
      weight = weight.plus(when(array_contains(col("evidence"), kind[0]),
          when(array_contains(col("class_reasons"), kind[1]), 2).otherwise(1)).otherwise(0));
    }
    WindowSpec inClass = Window.partitionBy(Columns.cols(CLASS))
        .orderBy(col("weight").desc(), col("primary_score").desc(), col("tiebreak"));
    Dataset<Row> ranked = evidence.join(broadcast(classes), Columns.seq(CLASS))
        .withColumn("evidence", reasons)
        .withColumn("weight", weight)
        .withColumn("tiebreak", xxhash64(lit(settings.seed()), col("year"), col("subject"), col("grade"), col("login"), col("code")))
        .withColumn("in_class", row_number().over(inClass))
        .where(col("in_class").leq(settings.maxPerClass())
            .and(col("weight").gt(0).or(col("in_class").leq(settings.minPerClass()))));
    WindowSpec inMunicipality = Window.partitionBy("year", "municipality_code")
        .orderBy(col("in_class"), col("class_risk_rank"), col("subject"), col("grade"), col("login"), col("class"));
    return ranked
        .withColumn("reason", when(size(col("evidence")).gt(0), concat_ws("|", col("evidence")))
            .otherwise(lit(RecheckReason.FLAGGED_CLASS)))
        .withColumn("pick", row_number().over(inMunicipality))
        .where(col("pick").leq(capacity()));
  }

  /** Random unflagged schools per municipality, one random work of each, a few random works of it. */
  Dataset<Row> controlWorks(Dataset<Row> riskSchools, Dataset<Row> riskTotals, Dataset<Row> results) {
    Dataset<Row> flaggedSchools = riskTotals.where(col("flagged")).select("year", "login");
    Dataset<Row> schoolWorks = riskSchools.where(col("scored").and(not(col("flagged"))))
        .join(flaggedSchools, Columns.seq("year", "login"), "left_anti")
        .withColumn("work_draw", xxhash64(lit(settings.seed()), lit("work"), col("year"), col("login"), col("subject"), col("grade")))
        .withColumn("school_draw", xxhash64(lit(settings.seed()), lit("school"), col("year"), col("login")))
        .withColumn("work_of_school", row_number().over(Window.partitionBy("year", "login").orderBy("work_draw")))
        .where(col("work_of_school").equalTo(1))
        .withColumn("school_pick", row_number().over(Window.partitionBy("year", "municipality_code").orderBy("school_draw", "login")))
        .where(col("school_pick").leq(settings.controlSchools()))
        .select("year", "subject", "grade", "login", "school_pick");
    return results.where(not(col("absent")))
        .join(broadcast(schoolWorks), Columns.seq("year", "subject", "grade", "login"))
        .withColumn("draw", xxhash64(lit(settings.seed()), lit("pupil"), col("year"), col("subject"), col("grade"), col("login"), col("code")))
        .withColumn("in_school", row_number().over(Window.partitionBy("year", "subject", "grade", "login").orderBy("draw", "code")))
        .where(col("in_school").leq(settings.controlWorksPerSchool()))
        .withColumn("reason", lit(RecheckReason.CONTROL))
        .withColumn("class_risk_rank", lit(null).cast("int"))
        .withColumn("pick", row_number().over(Window.partitionBy("year", "municipality_code")
            .orderBy("school_pick", "in_school")));
  }

  private static final String[][] KINDS = {
      {RecheckReason.THRESHOLD, "S2_thresholds"}, {RecheckReason.JOURNAL, "S6_journal"},
      {RecheckReason.INVERSION, "S3_inversion"}, {RecheckReason.IDENTICAL, "S4_identical"},
      {RecheckReason.RUBRIC, "S5_rubric"}};

  private Column threshold() {
    Column above = col("primary_score").minus(col("mark_min"));
    return col("mark_min").isNotNull().and(above.between(0, settings.thresholdAbove()));
  }

  private static Column evidence(Column condition, String code) {
    return when(coalesce(condition, lit(false)), lit(code));
  }

  private Column capacity() {
    if (settings.capacityByMunicipality().isEmpty()) return lit(settings.capacity());
    List<Column> pairs = new java.util.ArrayList<>();
    settings.capacityByMunicipality().forEach((code, works) -> {
      pairs.add(lit(code));
      pairs.add(lit(works));
    });
    return coalesce(element_at(map(pairs.toArray(Column[]::new)), col("municipality_code")), lit(settings.capacity()));
  }
}
