package ru.vpr.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import ru.vpr.config.DetectConfig;
import ru.vpr.detect.outlier.IsolationForest;
import ru.vpr.detect.outlier.IsolationForestModel;

/**
 * The isolation forest over the classes' signal vectors. Its score has no null distribution, so the
 * p-like value is the share of the year's scored classes that score at least as high: a rank, which
 * is why it enters the risk score only when the evaluation shows it helps.
 */
public final class ForestScores {
  static final String FEATURES = "evidence_vector";

  private ForestScores() {}

  /** A fitted forest; {@link #score} adds forest_score and forest_p. */
  public record Fitted(IsolationForestModel model) {
    public Dataset<Row> score(Dataset<Row> classes) {
      Dataset<Row> scored = model.transform(classes.withColumn(FEATURES, functions.array_to_vector(col(Outliers.EVIDENCE))))
          .drop(FEATURES);
      var byYear = Window.partitionBy("year", "scored").orderBy(col("forest_score").desc());
      return scored
          .withColumn("forest_score", when(col("scored"), col("forest_score")))
          .withColumn("forest_p", when(col("scored"),
              rank().over(byYear).divide(count(lit(1)).over(Window.partitionBy("year", "scored")))));
    }
  }

  public static Fitted fit(Dataset<Row> classes, DetectConfig config) {
    Dataset<Row> training = classes.where(col("scored"))
        .withColumn(FEATURES, functions.array_to_vector(col(Outliers.EVIDENCE)));
    IsolationForestModel model = new IsolationForest()
        .setFeaturesCol(FEATURES).setScoreCol("forest_score")
        .setNumTrees(config.forestTrees()).setMaxSamples(config.forestSamples()).setRandomSeed(config.seed())
        .fit(training);
    return new Fitted(model);
  }
}
