package ru.vpr.detect.outlier;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/** Fitting and scoring on 2-D Gaussian data with a few planted far-away points. */
class IsolationForestTest extends SparkTestBase {
  static final int NORMAL = 2000;
  /**
   * Ids of the planted points: NORMAL and after. The last is far out on one axis only: splits are
   * axis-parallel, so on the other axis it follows the bulk and scores like the most extreme
   * Gaussian points rather than above them (the weakness that extended isolation forests address).
   */
  static final double[][] PLANTED = {{8, 8}, {-9, 7}, {10, -10}, {-8, -9}, {12, 0}};
  static final int PLANTED_ON_BOTH_AXES = 4;

  private static Dataset<Row> data;
  private static IsolationForestModel model;
  private static Map<Integer, Double> scores;

  /** Rows (id int, features vector): NORMAL standard normal points, then the planted ones. */
  static Dataset<Row> gaussianWithPlanted() {
    Random r = new Random(20240601);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < NORMAL; i++) rows.add(RowFactory.create(i, Vectors.dense(r.nextGaussian(), r.nextGaussian())));
    for (int i = 0; i < PLANTED.length; i++) rows.add(RowFactory.create(NORMAL + i, Vectors.dense(PLANTED[i])));
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("features", SQLDataTypes.VectorType());
    return spark().createDataFrame(rows, schema);
  }

  /** id -> score column. */
  static Map<Integer, Double> scoresById(Dataset<Row> scored, String scoreCol) {
    Map<Integer, Double> out = new TreeMap<>();
    for (Row r : scored.select("id", scoreCol).collectAsList()) out.put(r.getInt(0), r.getDouble(1));
    return out;
  }

  @BeforeAll
  static void fit() {
    data = gaussianWithPlanted().cache();
    model = new IsolationForest().fit(data);
    scores = scoresById(model.transform(data), "outlier_score");
  }

  @Test
  void plantedPointsScoreHighestAndOrdinaryOnesAroundAHalf() {
    assertEquals(NORMAL + PLANTED.length, scores.size());
    for (double s : scores.values()) assertTrue(s > 0 && s <= 1, "score in (0, 1]: " + s);

    double[] sorted = scores.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double top1Percent = sorted[sorted.length - (int) Math.ceil(0.01 * sorted.length)];
    double maxNormal = 0;
    double sumNormal = 0;
    for (int id = 0; id < NORMAL; id++) {
      maxNormal = Math.max(maxNormal, scores.get(id));
      sumNormal += scores.get(id);
    }
    for (int i = 0; i < PLANTED.length; i++) {
      double s = scores.get(NORMAL + i);
      assertTrue(s >= top1Percent, "planted " + Arrays.toString(PLANTED[i]) + " scores " + s + ", top 1% from " + top1Percent);
      assertTrue(s > 0.6, "planted point is clearly anomalous: " + s);
      if (i < PLANTED_ON_BOTH_AXES) {
        assertTrue(s > maxNormal, "planted " + Arrays.toString(PLANTED[i]) + " scores " + s + " above every normal point (max "
            + maxNormal + ")");
      }
    }
    assertTrue(sumNormal / NORMAL < 0.55, "mean normal score " + sumNormal / NORMAL);
  }

  @Test
  void defaultsAreRecordedOnTheModel() {
    assertEquals(100, model.trees().length);
    assertEquals(256, model.samplesPerTree());
    assertEquals(2, model.numFeatures());
    assertTrue(model.threshold().isEmpty());
    assertFalse(List.of(model.transform(data).columns()).contains("outlier_flag"), "no flag without contamination");
    assertEquals(100, model.getNumTrees());
    assertEquals(256.0, model.getMaxSamples());
    assertEquals(model.uid(), model.parent().uid());
    for (IsolationTree t : model.trees()) assertEquals(256, t.size(0), "every tree grew on 256 rows");
  }

  @Test
  void contaminationFlagsAboutThatShareOfTrainingRows() {
    IsolationForestModel flagged = new IsolationForest().setContamination(0.01).fit(data);
    assertTrue(flagged.threshold().isPresent());
    List<Row> rows = flagged.transform(data).select("id", "outlier_score", "outlier_flag").collectAsList();
    long count = rows.stream().filter(r -> r.getDouble(2) == 1.0).count();
    int expected = (int) Math.round(0.01 * rows.size());
    assertTrue(Math.abs(count - expected) <= 3, "flagged " + count + " of " + rows.size() + ", expected about " + expected);
    for (Row r : rows) {
      assertEquals(r.getDouble(1) >= flagged.threshold().getAsDouble() ? 1.0 : 0.0, r.getDouble(2), "flag follows the score");
      if (r.getInt(0) >= NORMAL) assertEquals(1.0, r.getDouble(2), "planted point " + r.getInt(0) + " is flagged");
    }
  }

  @Test
  void sameSeedSameScoresWhateverThePartitioning() {
    IsolationForest forest = new IsolationForest().setNumTrees(30).setRandomSeed(5);
    Map<Integer, Double> a = scoresById(forest.fit(data).transform(data), "outlier_score");
    Dataset<Row> reshuffled = data.repartition(5).sortWithinPartitions(org.apache.spark.sql.functions.rand(3));
    IsolationForestModel b = forest.fit(reshuffled);
    assertEquals(a, scoresById(b.transform(data), "outlier_score"), "same data in another order and partitioning");
    assertEquals(Arrays.asList(forest.fit(data).trees()), Arrays.asList(b.trees()), "identical trees");

    Map<Integer, Double> other = scoresById(forest.copy(ParamMap.empty()).setRandomSeed(6).fit(data).transform(data),
        "outlier_score");
    assertNotEquals(a, other, "another seed, another forest");
  }

  /** The last bits of the features (what a sum in another order changes) do not change the forest. */
  @Test
  void theLastBitsOfTheFeaturesDoNotChangeTheForest() {
    IsolationForest forest = new IsolationForest().setNumTrees(30).setRandomSeed(5);
    Dataset<Row> nudged = data.select(col("id"), org.apache.spark.ml.functions.array_to_vector(
        org.apache.spark.sql.functions.transform(org.apache.spark.ml.functions.vector_to_array(col("features"), "float64"),
            x -> x.multiply(1 + 4 * Math.ulp(1.0)))).as("features"));
    Map<Integer, Double> a = scoresById(forest.fit(data).transform(data), "outlier_score");
    Map<Integer, Double> b = scoresById(forest.fit(nudged).transform(data), "outlier_score");
    int differ = 0;
    for (Integer id : a.keySet()) if (Math.abs(a.get(id) - b.get(id)) > 1e-9) differ++;
    assertEquals(0, differ, "rows whose score moved when the features moved by 4 ulps");
  }

  @Test
  void bootstrapAndFractionsOfRowsAndFeatures() {
    IsolationForestModel m = new IsolationForest().setNumTrees(20).setMaxSamples(0.1).setMaxFeatures(0.5)
        .setBootstrap(true).fit(data);
    assertEquals(200, m.samplesPerTree(), "10% of 2005 rows");
    for (IsolationTree t : m.trees()) {
      assertEquals(200, t.size(0));
      int feature = -1;
      for (int n = 0; n < t.numNodes(); n++) {
        if (t.isLeaf(n)) continue;
        if (feature < 0) feature = t.feature(n);
        assertEquals(feature, t.feature(n), "half of 2 features: one feature a tree");
      }
    }
    Map<Integer, Double> s = scoresById(m.transform(data), "outlier_score");
    for (int i = 0; i < PLANTED_ON_BOTH_AXES; i++) {
      assertTrue(s.get(NORMAL + i) > 0.6, "planted still stands out: " + s.get(NORMAL + i));
    }
    // Out on one axis only: just the trees of that feature (about half, with one feature a tree) isolate it.
    double oneAxis = s.get(NORMAL + PLANTED_ON_BOTH_AXES);
    double typical = s.values().stream().sorted().toList().get(NORMAL / 2);
    assertTrue(oneAxis > typical + 0.05, "one-axis point " + oneAxis + " against a typical " + typical);
  }

  @Test
  void maxSamplesAboveTheRowCountTakesAllRows() {
    Dataset<Row> small = data.where("id < 100");
    IsolationForestModel m = new IsolationForest().setNumTrees(5).fit(small);
    assertEquals(100, m.samplesPerTree());
  }

  @Test
  void copyKeepsTheTreesAndTakesNewColumnNames() {
    IsolationForestModel copy = model.copy(new ParamMap().put(model.scoreCol().w("s")));
    assertEquals("s", copy.getScoreCol());
    assertEquals("outlier_score", model.getScoreCol(), "the original is unchanged");
    assertEquals(scores, scoresById(copy.transform(data), "s"));
  }

  @Test
  void badParamsFailWithTheirNameAndTheAllowedRange() {
    IsolationForest f = new IsolationForest();
    assertMessage(() -> f.setNumTrees(0), "numTrees must be at least 1, got 0");
    assertMessage(() -> f.setMaxSamples(0), "maxSamples must be a whole number of rows above 1 or a fraction");
    assertMessage(() -> f.setMaxSamples(-3), "got -3.0");
    assertMessage(() -> f.setMaxSamples(2.5), "got 2.5");
    assertMessage(() -> f.setMaxFeatures(1.5), "maxFeatures must be a fraction of the features in (0, 1], got 1.5");
    assertMessage(() -> f.setMaxFeatures(0), "maxFeatures");
    assertMessage(() -> f.setContamination(0.7), "contamination must be in [0, 0.5]");
    assertMessage(() -> f.setFeaturesCol(""), "featuresCol must be a column name");
    // Values that bypass the setters are still refused, by Spark's validators.
    assertThrows(IllegalArgumentException.class, () -> f.set("numTrees", 0));
    assertEquals(100, f.getNumTrees(), "a refused value is not kept");
    // Too few rows for a tree is found when the data is seen.
    assertMessage(() -> new IsolationForest().setMaxSamples(0.0001).fit(data), "at least 2 rows a tree");
    // Trees grow on the driver, so the samples must fit there.
    assertMessage(() -> new IsolationForest().setNumTrees(3000).setMaxSamples(1.0).fit(data),
        "numTrees 3000 x 2005 rows a tree (maxSamples 1.0) would collect 6015000 rows to the driver");
  }

  @Test
  void aMissingOrMistypedFeaturesColumnFailsClearly() {
    assertMessage(() -> new IsolationForest().setFeaturesCol("vec").fit(data),
        "features column 'vec' does not exist; columns are [id, features]");
    assertMessage(() -> new IsolationForest().setFeaturesCol("id").fit(data),
        "features column 'id' must be a Vector (ml.linalg), but is int");
    assertMessage(() -> model.transform(data.withColumnRenamed("features", "x")), "features column 'features' does not exist");
    assertMessage(() -> model.transform(model.transform(data)), "output column 'outlier_score' already exists");
  }

  static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
  }
}
