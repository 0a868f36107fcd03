package ru.vpr.detect.outlier;

import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The params shared by {@link IsolationForest} and {@link IsolationForestModel}. Spark keeps shared
 * params in Scala traits with fields; a Java interface cannot hold per-instance fields, so each
 * owner keeps its {@link Param} objects in one {@link ParamSet} and the accessors here read it.
 * Spark finds params by reflection over public no-argument methods returning a {@code Param}, and
 * default methods count, so these accessors are what {@code params()}, save and load see.
 */
public interface IsolationForestParams extends Params {
  String DEFAULT_FEATURES_COL = "features";
  String DEFAULT_SCORE_COL = "outlier_score";
  String DEFAULT_PREDICTION_COL = "outlier_flag";
  int DEFAULT_NUM_TREES = 100;
  double DEFAULT_MAX_SAMPLES = 256;
  double DEFAULT_MAX_FEATURES = 1.0;
  long DEFAULT_RANDOM_SEED = 1L;
  double MAX_CONTAMINATION = 0.5;

  /** The owner's Param objects; not a param itself. */
  ParamSet paramSet();

  default Param<String> featuresCol() {
    return paramSet().featuresCol;
  }

  default Param<String> scoreCol() {
    return paramSet().scoreCol;
  }

  default Param<String> predictionCol() {
    return paramSet().predictionCol;
  }

  default IntParam numTrees() {
    return paramSet().numTrees;
  }

  default DoubleParam maxSamples() {
    return paramSet().maxSamples;
  }

  default DoubleParam maxFeatures() {
    return paramSet().maxFeatures;
  }

  default BooleanParam bootstrap() {
    return paramSet().bootstrap;
  }

  default LongParam randomSeed() {
    return paramSet().randomSeed;
  }

  default DoubleParam contamination() {
    return paramSet().contamination;
  }

  default String getFeaturesCol() {
    return getOrDefault(featuresCol());
  }

  default String getScoreCol() {
    return getOrDefault(scoreCol());
  }

  default String getPredictionCol() {
    return getOrDefault(predictionCol());
  }

  default int getNumTrees() {
    return (Integer) getOrDefault(numTrees());
  }

  default double getMaxSamples() {
    return (Double) getOrDefault(maxSamples());
  }

  default double getMaxFeatures() {
    return (Double) getOrDefault(maxFeatures());
  }

  default boolean getBootstrap() {
    return (Boolean) getOrDefault(bootstrap());
  }

  default long getRandomSeed() {
    return (Long) getOrDefault(randomSeed());
  }

  default double getContamination() {
    return (Double) getOrDefault(contamination());
  }

  /**
   * Checks every param value with a message that says what is allowed. Setters check their own
   * value; this catches values that came in another way (a ParamMap, set by name, a loaded file).
   */
  default void validateParams() {
    ParamSet.checkColumn("featuresCol", getFeaturesCol());
    ParamSet.checkColumn("scoreCol", getScoreCol());
    ParamSet.checkColumn("predictionCol", getPredictionCol());
    ParamSet.checkNumTrees(getNumTrees());
    ParamSet.checkMaxSamples(getMaxSamples());
    ParamSet.checkMaxFeatures(getMaxFeatures());
    ParamSet.checkContamination(getContamination());
    if (getContamination() > 0 && getScoreCol().equals(getPredictionCol())) {
      throw new IllegalArgumentException("scoreCol and predictionCol must differ, both are '" + getScoreCol() + "'");
    }
  }

  /**
   * The Param objects of one owner. Built after the owner has its uid, because a Param records its
   * parent's uid; defaults are set in a second step, because setting one makes Spark list the
   * owner's params, which reads this set.
   */
  final class ParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> featuresCol;
    final Param<String> scoreCol;
    final Param<String> predictionCol;
    final IntParam numTrees;
    final DoubleParam maxSamples;
    final DoubleParam maxFeatures;
    final BooleanParam bootstrap;
    final LongParam randomSeed;
    final DoubleParam contamination;

    ParamSet(IsolationForestParams owner) {
      featuresCol = new Param<>(owner, "featuresCol", "features column: a Vector of doubles");
      scoreCol = new Param<>(owner, "scoreCol", "output column of outlier scores in (0, 1], higher = more anomalous");
      predictionCol = new Param<>(owner, "predictionCol",
          "output column of outlier flags (1.0 / 0.0), written only when contamination > 0");
      numTrees = new IntParam(owner, "numTrees", "number of isolation trees (>= 1)", ParamValidators.gtEq(1));
      maxSamples = new DoubleParam(owner, "maxSamples",
          "rows drawn for each tree: a whole number above 1 is a row count, a value in (0, 1] a fraction of the rows",
          ParamValidators.gt(0));
      maxFeatures = new DoubleParam(owner, "maxFeatures",
          "fraction in (0, 1] of the features each tree may split on", ParamValidators.inRange(0, 1, false, true));
      bootstrap = new BooleanParam(owner, "bootstrap", "draw each tree's rows with replacement");
      randomSeed = new LongParam(owner, "randomSeed", "seed of every random choice in fitting");
      contamination = new DoubleParam(owner, "contamination",
          "expected share of outliers in [0, " + MAX_CONTAMINATION + "]; above 0 the model flags the rows whose score "
              + "reaches the (1 - contamination) quantile of the training scores",
          ParamValidators.inRange(0, MAX_CONTAMINATION, true, true));
    }

    void setDefaults(IsolationForestParams owner) {
      owner.setDefault(featuresCol, DEFAULT_FEATURES_COL);
      owner.setDefault(scoreCol, DEFAULT_SCORE_COL);
      owner.setDefault(predictionCol, DEFAULT_PREDICTION_COL);
      owner.setDefault(numTrees, DEFAULT_NUM_TREES);
      owner.setDefault(maxSamples, DEFAULT_MAX_SAMPLES);
      owner.setDefault(maxFeatures, DEFAULT_MAX_FEATURES);
      owner.setDefault(bootstrap, false);
      owner.setDefault(randomSeed, DEFAULT_RANDOM_SEED);
      owner.setDefault(contamination, 0.0);
    }

    static String checkColumn(String param, String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(param + " must be a column name, got '" + name + "'");
      }
      return name;
    }

    static int checkNumTrees(int value) {
      if (value < 1) throw new IllegalArgumentException("numTrees must be at least 1, got " + value);
      return value;
    }

    static double checkMaxSamples(double value) {
      boolean fraction = value > 0 && value <= 1;
      boolean count = value > 1 && value <= Integer.MAX_VALUE && value == Math.rint(value);
      if (!fraction && !count) {
        throw new IllegalArgumentException("maxSamples must be a whole number of rows above 1 or a fraction of the rows"
            + " in (0, 1], got " + value);
      }
      return value;
    }

    static double checkMaxFeatures(double value) {
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException("maxFeatures must be a fraction of the features in (0, 1], got " + value);
      }
      return value;
    }

    static double checkContamination(double value) {
      if (!(value >= 0 && value <= MAX_CONTAMINATION)) {
        throw new IllegalArgumentException("contamination must be in [0, " + MAX_CONTAMINATION
            + "] (0 = no prediction column), got " + value);
      }
      return value;
    }
  }
}
