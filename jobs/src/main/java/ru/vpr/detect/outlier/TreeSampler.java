package ru.vpr.detect.outlier;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Draws every tree's sample in one pass over the data, without collecting the data: each (tree,
 * row) pair gets a pseudo-random key hashed from the seed, the tree, the row's values and the
 * row's rank among identical rows, and a tree's sample is its rows with the smallest keys (a
 * uniform sample without replacement). The keys depend on the data only, not on partitioning or
 * row order, so the same data and seed give the same samples however the data is split. The values
 * are hashed at HASHED_DIGITS decimals: features computed upstream by sums in another order differ
 * in their last bits, and a hash of the raw bits would draw another sample from them.
 *
 * <p>Only pairs whose key is below a cut-off reach the driver: the cut-off is set so that a tree
 * expects a few standard deviations more than it needs, and is raised if a tree still comes short.
 */
final class TreeSampler {
  private static final double TWO_POW_63 = 0x1p63;
  /** Decimals of the values the keys hash: far above the noise of a sum's order, far below any real difference. */
  static final int HASHED_DIGITS = 9;

  private TreeSampler() {}

  /** One sample of an isolation tree: its rows in ascending key order, which is a random order. */
  record Sample(int tree, double[][] rows) {}

  /**
   * @param data rows with a non-null Vector column {@code featuresCol}
   * @param rows how many rows {@code data} has
   * @param perTree rows per tree, at most {@code rows}
   */
  static List<Sample> draw(Dataset<Row> data, String featuresCol, long rows, int numTrees, int perTree, long seed) {
    Column values = org.apache.spark.sql.functions.transform(functions.vector_to_array(col(featuresCol), "float64"),
        x -> org.apache.spark.sql.functions.round(x, HASHED_DIGITS));
    // Identical rows would get identical keys and enter a sample all together or not at all; their
    // rank among themselves tells them apart without depending on which partition holds which.
    Dataset<Row> keyed = data.select(col(featuresCol).as("features"), values.as("values"))
        .withColumn("copy", row_number().over(Window.partitionBy("values").orderBy("values")))
        .withColumn("tree", explode(sequence(lit(0), lit(numTrees - 1))))
        .withColumn("key", shiftrightunsigned(xxhash64(lit(seed), col("tree"), col("values"), col("copy")), 1));

    for (double margin = 1; ; margin *= 4) {
      double expected = perTree + margin * (6 * Math.sqrt(perTree) + 16);
      boolean all = expected >= rows;
      Dataset<Row> candidates = all ? keyed : keyed.where(col("key").lt(lit((long) (expected / rows * TWO_POW_63))));
      List<Row> drawn = candidates.select("tree", "key", "features").collectAsList();
      List<Sample> samples = smallestKeys(drawn, numTrees, perTree);
      if (samples != null) return samples;
      if (all) throw new IllegalStateException("fewer than " + perTree + " rows for a tree although all " + rows + " were taken");
    }
  }

  /** Each tree's perTree rows of smallest key, or null if some tree has fewer candidates. */
  private static List<Sample> smallestKeys(List<Row> drawn, int numTrees, int perTree) {
    List<List<Keyed>> byTree = new ArrayList<>(numTrees);
    for (int t = 0; t < numTrees; t++) byTree.add(new ArrayList<>());
    for (Row r : drawn) {
      byTree.get(r.getInt(0)).add(new Keyed(r.getLong(1), ((Vector) r.get(2)).toArray()));
    }
    List<Sample> samples = new ArrayList<>(numTrees);
    for (int t = 0; t < numTrees; t++) {
      List<Keyed> candidates = byTree.get(t);
      if (candidates.size() < perTree) return null;
      candidates.sort(Keyed.ORDER);
      double[][] rows = new double[perTree][];
      for (int i = 0; i < perTree; i++) rows[i] = candidates.get(i).values;
      samples.add(new Sample(t, rows));
    }
    return samples;
  }

  /**
   * A sample of n draws with replacement from a population of the given size, made from a sample
   * without replacement in random order: draw i repeats one of the k rows already drawn with
   * probability k / population (uniformly among them), and otherwise takes the next new row.
   */
  static double[][] withReplacement(double[][] randomOrder, long population, SplittableRandom rng) {
    double[][] out = new double[randomOrder.length][];
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (distinct > 0 && rng.nextDouble() * population < distinct) {
        out[i] = randomOrder[rng.nextInt(distinct)];
      } else {
        out[i] = randomOrder[distinct++];
      }
    }
    return out;
  }

  private record Keyed(long key, double[] values) {
    // Keys tie only by a 63-bit hash collision; the values settle that too.
    static final Comparator<Keyed> ORDER =
        Comparator.comparingLong(Keyed::key).thenComparing(Keyed::values, Arrays::compare);
  }
}
