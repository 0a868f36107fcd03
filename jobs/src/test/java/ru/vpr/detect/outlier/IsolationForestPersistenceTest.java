package ru.vpr.detect.outlier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.test.SparkTestBase;

/** Save and load of the model (trees, threshold, params) and of the estimator (params). */
class IsolationForestPersistenceTest extends SparkTestBase {
  private static Dataset<Row> data;

  @TempDir
  Path dir;

  @BeforeAll
  static void data() {
    data = IsolationForestTest.gaussianWithPlanted().cache();
  }

  @Test
  void loadedModelScoresToTheLastBit() throws IOException {
    IsolationForestModel model = new IsolationForest().setNumTrees(40).setMaxSamples(128).setMaxFeatures(0.5)
        .setContamination(0.02).setScoreCol("s").setPredictionCol("flag").setRandomSeed(77).fit(data);
    String path = dir.resolve("model").toString();
    model.write().save(path);
    IsolationForestModel loaded = IsolationForestModel.load(path);

    assertEquals(model.uid(), loaded.uid());
    assertEquals(Arrays.asList(model.trees()), Arrays.asList(loaded.trees()));
    assertEquals(model.samplesPerTree(), loaded.samplesPerTree());
    assertEquals(model.numFeatures(), loaded.numFeatures());
    assertEquals(model.threshold(), loaded.threshold());
    assertEquals(model.extractParamMap().toString(), loaded.extractParamMap().toString());
    assertEquals("s", loaded.getScoreCol());
    assertEquals(0.02, loaded.getContamination());

    List<Row> before = model.transform(data).select("id", "s", "flag").orderBy("id").collectAsList();
    List<Row> after = loaded.transform(data).select("id", "s", "flag").orderBy("id").collectAsList();
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertEquals(Double.doubleToRawLongBits(before.get(i).getDouble(1)), Double.doubleToRawLongBits(after.get(i).getDouble(1)),
          "score of row " + before.get(i).getInt(0));
      assertEquals(before.get(i).getDouble(2), after.get(i).getDouble(2));
    }
    assertTrue(after.stream().anyMatch(r -> r.getDouble(2) == 1.0), "the loaded threshold flags rows");

    assertThrows(IOException.class, () -> model.write().save(path), "no silent overwrite");
    model.write().overwrite().save(path);
  }

  @Test
  void modelWithoutThresholdLoadsWithoutOne() throws IOException {
    IsolationForestModel model = new IsolationForest().setNumTrees(5).fit(data);
    String path = dir.resolve("plain").toString();
    model.save(path);
    IsolationForestModel loaded = IsolationForestModel.load(path);
    assertTrue(loaded.threshold().isEmpty());
    Map<Integer, Double> a = IsolationForestTest.scoresById(model.transform(data), "outlier_score");
    assertEquals(a, IsolationForestTest.scoresById(loaded.transform(data), "outlier_score"));
    assertEquals(List.of("id", "features", "outlier_score"), List.of(loaded.transform(data).columns()));
  }

  @Test
  void estimatorParamsRoundTrip() throws IOException {
    IsolationForest forest = new IsolationForest().setNumTrees(7).setMaxSamples(0.25).setMaxFeatures(0.5).setBootstrap(true)
        .setRandomSeed(-3).setContamination(0.05).setFeaturesCol("f").setScoreCol("s").setPredictionCol("p");
    String path = dir.resolve("estimator").toString();
    forest.save(path);
    IsolationForest loaded = IsolationForest.load(path);

    assertEquals(forest.uid(), loaded.uid());
    assertEquals(7, loaded.getNumTrees());
    assertEquals(0.25, loaded.getMaxSamples());
    assertEquals(0.5, loaded.getMaxFeatures());
    assertTrue(loaded.getBootstrap());
    assertEquals(-3L, loaded.getRandomSeed());
    assertEquals(0.05, loaded.getContamination());
    assertEquals(List.of("f", "s", "p"), List.of(loaded.getFeaturesCol(), loaded.getScoreCol(), loaded.getPredictionCol()));
    assertEquals(forest.extractParamMap().toString(), loaded.extractParamMap().toString());

    // A loaded estimator fits the same forest as the one saved.
    Dataset<Row> renamed = data.withColumnRenamed("features", "f");
    IsolationForestModel a = forest.setNumTrees(7).fit(renamed);
    IsolationForestModel b = loaded.fit(renamed);
    assertEquals(Arrays.asList(a.trees()), Arrays.asList(b.trees()));
    assertEquals(a.threshold(), b.threshold());
  }
}
