package ru.vpr.detect.outlier;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.OptionalDouble;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted isolation forest. {@link #transform} adds {@code scoreCol}, the anomaly score
 * s(x) = 2^(-E[h(x)] / c(n)) in (0, 1] where h is the path length in a tree and n the rows each
 * tree was grown on: near 1 for outliers, about 0.5 or below for ordinary rows. When the forest was
 * fitted with contamination > 0 it also adds {@code predictionCol}: 1.0 for a score at or above
 * the training threshold, else 0.0.
 */
public final class IsolationForestModel extends Model<IsolationForestModel>
    implements IsolationForestParams, MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamSet paramSet;
  private final IsolationTree[] trees;
  private final int samplesPerTree;
  private final int numFeatures;
  private final OptionalDouble threshold;

  /**
   * @param samplesPerTree rows each tree was grown on; c(samplesPerTree) normalizes the scores
   * @param numFeatures length of the feature vectors the trees were grown on
   * @param threshold score from which a row is flagged, if any
   */
  public IsolationForestModel(String uid, IsolationTree[] trees, int samplesPerTree, int numFeatures,
      OptionalDouble threshold) {
    if (trees.length == 0) throw new IllegalArgumentException("an isolation forest needs at least one tree");
    if (samplesPerTree < 2) throw new IllegalArgumentException("samplesPerTree must be at least 2, got " + samplesPerTree);
    if (numFeatures < 1) throw new IllegalArgumentException("numFeatures must be at least 1, got " + numFeatures);
    if (threshold.isPresent() && !(threshold.getAsDouble() > 0 && threshold.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("a threshold must be a score in (0, 1], got " + threshold.getAsDouble());
    }
    this.uid = uid;
    this.paramSet = new ParamSet(this);
    paramSet.setDefaults(this);
    this.trees = trees.clone();
    this.samplesPerTree = samplesPerTree;
    this.numFeatures = numFeatures;
    this.threshold = threshold;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ParamSet paramSet() {
    return paramSet;
  }

  // Only the column names can change after fitting; the other params record how it was fitted.
  public IsolationForestModel setFeaturesCol(String value) {
    set(featuresCol(), ParamSet.checkColumn("featuresCol", value));
    return this;
  }

  public IsolationForestModel setScoreCol(String value) {
    set(scoreCol(), ParamSet.checkColumn("scoreCol", value));
    return this;
  }

  public IsolationForestModel setPredictionCol(String value) {
    set(predictionCol(), ParamSet.checkColumn("predictionCol", value));
    return this;
  }

  public IsolationTree[] trees() {
    return trees.clone();
  }

  public int samplesPerTree() {
    return samplesPerTree;
  }

  public int numFeatures() {
    return numFeatures;
  }

  /** The score from which rows are flagged; empty when fitted with contamination 0. */
  public OptionalDouble threshold() {
    return threshold;
  }

  /** This model with a threshold, keeping uid, params and parent. */
  IsolationForestModel withThreshold(double value) {
    IsolationForestModel m = copyValues(
        new IsolationForestModel(uid, trees, samplesPerTree, numFeatures, OptionalDouble.of(value)), ParamMap.empty());
    return m.setParent(parent());
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    Broadcast<IsolationTree[]> shared =
        JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext()).broadcast(trees);
    UserDefinedFunction score =
        udf(new Scorer(shared, IsolationTree.averagePathLength(samplesPerTree), numFeatures), DataTypes.DoubleType);
    Dataset<Row> scored = dataset.withColumn(getScoreCol(), score.apply(col(getFeaturesCol())));
    if (threshold.isEmpty()) return scored;
    return scored.withColumn(getPredictionCol(), col(getScoreCol()).geq(lit(threshold.getAsDouble())).cast("double"));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    validateParams();
    return IsolationForest.outputSchema(this, schema, threshold.isPresent());
  }

  @Override
  public IsolationForestModel copy(ParamMap extra) {
    IsolationForestModel m =
        copyValues(new IsolationForestModel(uid, trees, samplesPerTree, numFeatures, threshold), extra);
    return m.setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new IsolationForestModelReadWrite.Writer(this);
  }

  public static MLReader<IsolationForestModel> read() {
    return new IsolationForestModelReadWrite.Reader();
  }

  public static IsolationForestModel load(String path) {
    return read().load(path);
  }

  /**
   * The score of one row, on the executors. A named class rather than a lambda so that it carries
   * the broadcast trees and two numbers, not the model. The trees are summed in one fixed order so
   * that a row's score is the same to the last bit wherever it is computed.
   */
  private static final class Scorer implements UDF1<Vector, Double> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<IsolationTree[]> trees;
    private final double averagePathLength;
    private final int numFeatures;

    Scorer(Broadcast<IsolationTree[]> trees, double averagePathLength, int numFeatures) {
      this.trees = trees;
      this.averagePathLength = averagePathLength;
      this.numFeatures = numFeatures;
    }

    @Override
    public Double call(Vector features) {
      if (features == null) return null;
      if (features.size() != numFeatures) {
        throw new IllegalArgumentException("the forest was fitted on vectors of size " + numFeatures
            + ", got one of size " + features.size());
      }
      double[] x = features.toArray();
      IsolationTree[] forest = trees.value();
      double sum = 0;
      for (IsolationTree t : forest) sum += t.pathLength(x);
      return Math.pow(2, -(sum / forest.length) / averagePathLength);
    }
  }
}
