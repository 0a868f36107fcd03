package ru.vpr.detect.outlier;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits an isolation forest (Liu, Ting and Zhou 2008): many small random trees, each grown on a
 * small sample, in which outliers end up closer to the root than ordinary rows. The samples are
 * small (maxSamples rows a tree), so they are drawn in one pass on the executors and the trees
 * are grown on the driver; scoring then runs on the executors ({@link IsolationForestModel}).
 *
 * <pre>{@code
 * IsolationForestModel model = new IsolationForest().setNumTrees(200).setContamination(0.01).fit(df);
 * Dataset<Row> scored = model.transform(df);   // + outlier_score, outlier_flag
 * }</pre>
 */
public final class IsolationForest extends Estimator<IsolationForestModel>
    implements IsolationForestParams, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(IsolationForest.class);

  /**
   * Most sample rows (numTrees x rows per tree) that fitting collects to the driver: the default
   * forest takes 25,600; a fraction of a large table could otherwise pull the table in many times.
   */
  public static final long MAX_SAMPLED_ROWS = 5_000_000;

  private final String uid;
  private final ParamSet paramSet;

  public IsolationForest() {
    this(Identifiable.randomUID("isolation-forest"));
  }

  /** Spark's readers and {@code defaultCopy} create instances through this constructor. */
  public IsolationForest(String uid) {
    this.uid = uid;
    this.paramSet = new ParamSet(this);
    paramSet.setDefaults(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ParamSet paramSet() {
    return paramSet;
  }

  public IsolationForest setFeaturesCol(String value) {
    set(featuresCol(), ParamSet.checkColumn("featuresCol", value));
    return this;
  }

  public IsolationForest setScoreCol(String value) {
    set(scoreCol(), ParamSet.checkColumn("scoreCol", value));
    return this;
  }

  public IsolationForest setPredictionCol(String value) {
    set(predictionCol(), ParamSet.checkColumn("predictionCol", value));
    return this;
  }

  public IsolationForest setNumTrees(int value) {
    set(numTrees(), ParamSet.checkNumTrees(value));
    return this;
  }

  public IsolationForest setMaxSamples(double value) {
    set(maxSamples(), ParamSet.checkMaxSamples(value));
    return this;
  }

  public IsolationForest setMaxFeatures(double value) {
    set(maxFeatures(), ParamSet.checkMaxFeatures(value));
    return this;
  }

  public IsolationForest setBootstrap(boolean value) {
    set(bootstrap(), value);
    return this;
  }

  public IsolationForest setRandomSeed(long value) {
    set(randomSeed(), value);
    return this;
  }

  public IsolationForest setContamination(double value) {
    set(contamination(), ParamSet.checkContamination(value));
    return this;
  }

  @Override
  public IsolationForestModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    Dataset<Row> rows = dataset.select(col(getFeaturesCol())).where(col(getFeaturesCol()).isNotNull());
    long count = rows.count();
    int perTree = samplesPerTree(count);

    List<TreeSampler.Sample> samples =
        TreeSampler.draw(rows, getFeaturesCol(), count, getNumTrees(), perTree, getRandomSeed());
    int numFeatures = checkSamples(samples);
    IsolationTree[] trees = growTrees(samples, count, numFeatures);

    IsolationForestModel model = copyValues(
        new IsolationForestModel(uid, trees, perTree, numFeatures, OptionalDouble.empty()), ParamMap.empty());
    model.setParent(this);
    return getContamination() > 0 ? model.withThreshold(trainingThreshold(model, rows)) : model;
  }

  /**
   * Rows a tree gets: maxSamples as a count or a fraction of the rows, at most all of them, and
   * few enough that all the trees' samples fit on the driver.
   */
  private int samplesPerTree(long rows) {
    double max = getMaxSamples();
    long wanted = max > 1 ? (long) max : (long) Math.floor(max * rows);
    if (max > 1 && wanted > rows) {
      LOG.warn("maxSamples {} is more than the {} rows with features; every tree takes all of them", wanted, rows);
      wanted = rows;
    }
    // With one row a tree has no path to measure, and c(1) = 0 leaves the score undefined.
    if (wanted < 2) {
      throw new IllegalArgumentException("an isolation forest needs at least 2 rows a tree, but maxSamples " + max
          + " of " + rows + " rows with a non-null " + getFeaturesCol() + " gives " + wanted);
    }
    if (wanted * getNumTrees() > MAX_SAMPLED_ROWS) {
      throw new IllegalArgumentException("numTrees " + getNumTrees() + " x " + wanted + " rows a tree (maxSamples " + max
          + ") would collect " + wanted * getNumTrees() + " rows to the driver, where the trees are grown; at most "
          + MAX_SAMPLED_ROWS + " are allowed: lower maxSamples or numTrees");
    }
    return (int) wanted;
  }

  /** Returns the common length of the sampled vectors, after checking that they can be split on. */
  private int checkSamples(List<TreeSampler.Sample> samples) {
    int numFeatures = samples.get(0).rows()[0].length;
    if (numFeatures == 0) throw new IllegalArgumentException(getFeaturesCol() + " holds empty vectors");
    for (TreeSampler.Sample s : samples) {
      for (double[] r : s.rows()) {
        if (r.length != numFeatures) {
          throw new IllegalArgumentException(getFeaturesCol() + " holds vectors of different sizes: "
              + numFeatures + " and " + r.length);
        }
        for (double v : r) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(getFeaturesCol() + " holds a non-finite value (" + v
                + "); a split between min and max needs finite features");
          }
        }
      }
    }
    return numFeatures;
  }

  /** One generator per tree, split from the seed in tree order, so tree t depends only on the seed and its sample. */
  private IsolationTree[] growTrees(List<TreeSampler.Sample> samples, long population, int numFeatures) {
    int featuresPerTree = Math.max(1, (int) Math.floor(getMaxFeatures() * numFeatures));
    SplittableRandom seeds = new SplittableRandom(getRandomSeed());
    IsolationTree[] trees = new IsolationTree[samples.size()];
    for (TreeSampler.Sample s : samples) {
      SplittableRandom rng = seeds.split();
      double[][] rows = getBootstrap() ? TreeSampler.withReplacement(s.rows(), population, rng) : s.rows();
      trees[s.tree()] = TreeGrower.grow(rows, featuresPerTree, rng);
    }
    return trees;
  }

  /**
   * The (1 - contamination) quantile of the training scores. Its rank error is kept to 1% of the
   * flagged share, so about contamination of the training rows get flagged.
   */
  private double trainingThreshold(IsolationForestModel model, Dataset<Row> rows) {
    double c = getContamination();
    return model.transform(rows).stat().approxQuantile(getScoreCol(), new double[] {1 - c}, c / 100)[0];
  }

  /** Checks the params and the features column, and appends the columns the model will write. */
  @Override
  public StructType transformSchema(StructType schema) {
    validateParams();
    return outputSchema(this, schema, getContamination() > 0);
  }

  /** Shared with the model: both write the same columns. */
  static StructType outputSchema(IsolationForestParams p, StructType schema, boolean withPrediction) {
    String features = p.getFeaturesCol();
    List<String> names = List.of(schema.fieldNames());
    if (!names.contains(features)) {
      throw new IllegalArgumentException("features column '" + features + "' does not exist; columns are " + names);
    }
    if (!schema.apply(features).dataType().equals(SQLDataTypes.VectorType())) {
      throw new IllegalArgumentException("features column '" + features + "' must be a Vector (ml.linalg), but is "
          + schema.apply(features).dataType().simpleString());
    }
    StructType out = schema;
    for (String name : withPrediction ? List.of(p.getScoreCol(), p.getPredictionCol()) : List.of(p.getScoreCol())) {
      if (names.contains(name)) {
        throw new IllegalArgumentException("output column '" + name + "' already exists; set another name");
      }
      out = out.add(name, DataTypes.DoubleType, true);
    }
    return out;
  }

  @Override
  public IsolationForest copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<IsolationForest> read() {
    return new DefaultParamsReader<>();
  }

  public static IsolationForest load(String path) {
    return read().load(path);
  }
}
