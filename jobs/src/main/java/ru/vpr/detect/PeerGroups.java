package ru.vpr.detect;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Peer groups of schools: k-means over what a school is, not over what it scored this year (kind,
 * town or village, size, and its level in earlier years), so that a gymnasium's class is compared
 * with classes of gymnasiums and a village primary school's with its like. One model per run, fitted
 * on every school-year in scope and saved with the run so a published list can be reproduced.
 */
public final class PeerGroups {
  public static final String PEER_GROUP = "peer_group";

  private PeerGroups() {}

  /**
   * (year, login, kind, city, log_pupils, prior_level, has_prior) of every school that wrote a work in
   * {@code years}. The prior level is the school's mean z over the History.YEARS_BACK years before.
   */
  public static Dataset<Row> context(Dataset<Row> pupils, Dataset<Row> schools, java.util.List<Integer> years) {
    Dataset<Row> size = pupils.where(col("year").isin(years.toArray()))
        .groupBy("year", "login").agg(count(lit(1)).as("pupils"));
    Dataset<Row> perYear = pupils.where(col("z").isNotNull()).groupBy("year", "login")
        .agg(org.apache.spark.sql.functions.sum("z").as("z_sum"), count(lit(1)).as("z_n"));
    Dataset<Row> prior = size.select("year", "login").as("t")
        .join(perYear.as("h"), col("h.login").equalTo(col("t.login"))
            .and(col("h.year").lt(col("t.year"))).and(col("h.year").geq(col("t.year").minus(History.YEARS_BACK))))
        .groupBy(col("t.year").as("year"), col("t.login").as("login"))
        .agg(org.apache.spark.sql.functions.sum("h.z_sum").divide(org.apache.spark.sql.functions.sum("h.z_n")).as("prior_level"));
    return size.join(prior, new String[] {"year", "login"}, "left")
        .join(schools.select("login", "kind", "locality"), new String[] {"login"}, "left")
        .select(col("year"), col("login"),
            coalesce(col("kind"), lit("unknown")).as("kind"),
            when(col("locality").equalTo("город"), 1.0).otherwise(0.0).as("city"),
            log1p(col("pupils")).as("log_pupils"),
            coalesce(col("prior_level"), lit(0.0)).as("prior_level"),
            when(col("prior_level").isNotNull(), 1.0).otherwise(0.0).as("has_prior"));
  }

  /** Fits the scaler and k-means on the contexts; k is capped by the number of schools. */
  public static PipelineModel fit(Dataset<Row> context, int k, long seed) {
    // k-means|| samples its initial centres partition by partition, so the same seed gives the same
    // groups only for the same rows in the same order: one partition, sorted by the key. The context
    // is one row per school-year, small enough for that.
    context = context.repartition(1).sortWithinPartitions("year", "login");
    long schools = context.count();
    int clusters = (int) Math.max(1, Math.min(k, schools / 5));
    PipelineStage[] stages = {
        new StringIndexer().setInputCol("kind").setOutputCol("kind_index").setHandleInvalid("keep")
            .setStringOrderType("alphabetAsc"),
        new OneHotEncoder().setInputCol("kind_index").setOutputCol("kind_vector").setHandleInvalid("keep"),
        new VectorAssembler().setInputCols(new String[] {"kind_vector", "city", "log_pupils", "prior_level", "has_prior"})
            .setOutputCol("context_raw"),
        new StandardScaler().setInputCol("context_raw").setOutputCol("context").setWithMean(true).setWithStd(true),
        new KMeans().setK(Math.max(2, clusters)).setSeed(seed).setFeaturesCol("context").setPredictionCol(PEER_GROUP)
            .setMaxIter(50)};
    if (clusters < 2) stages = java.util.Arrays.copyOf(stages, 4);
    return new Pipeline().setStages(stages).fit(context);
  }

  /** (year, login, peer_group, context columns) of every school-year. */
  public static Dataset<Row> assign(PipelineModel model, Dataset<Row> context) {
    Dataset<Row> out = model.transform(context);
    if (!java.util.Arrays.asList(out.columns()).contains(PEER_GROUP)) out = out.withColumn(PEER_GROUP, lit(0));
    return out.select(col("year"), col("login"), col(PEER_GROUP).cast("int").as(PEER_GROUP), col("kind"), col("city"),
        col("log_pupils"), col("prior_level"), col("has_prior"));
  }

  /**
   * S1's expectation of every class: the mean standardised level of its peer group's classes in the
   * work, or the work's mean level when the group has fewer than {@code minClasses} classes there.
   */
  static Dataset<Row> withExpectedLevel(Dataset<Row> classes, int minClasses) {
    Dataset<Row> reference = classes.where(col("reference").and(col("z_n").gt(0)));
    Dataset<Row> peer = reference.groupBy(col("year"), col("subject"), col("grade"), col(PEER_GROUP))
        .agg(avg("z_mean").as("_peer_level"), count(lit(1)).as("_peer_classes"));
    Dataset<Row> work = reference.groupBy(col("year"), col("subject"), col("grade")).agg(avg("z_mean").as("_work_level"));
    return classes
        .join(org.apache.spark.sql.functions.broadcast(peer), ru.vpr.spark.Columns.seq("year", "subject", "grade", PEER_GROUP), "left")
        .join(org.apache.spark.sql.functions.broadcast(work), ru.vpr.spark.Columns.seq("year", "subject", "grade"), "left")
        .withColumn("expected_level", when(col("_peer_classes").geq(minClasses), col("_peer_level")).otherwise(col("_work_level")))
        .drop("_peer_level", "_peer_classes", "_work_level");
  }
}
