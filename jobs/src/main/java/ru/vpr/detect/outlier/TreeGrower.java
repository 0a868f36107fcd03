package ru.vpr.detect.outlier;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one isolation tree on the driver from a small sample (iTree of Liu, Ting and Zhou 2008):
 * split on a random feature at a random value between that feature's min and max, until a node
 * holds one row or the height limit is reached. Every random choice comes from the one generator
 * passed in, in a fixed order, so a seed and a sample give one tree.
 */
final class TreeGrower {
  private final double[][] rows;
  private final int[] features;
  private final int heightLimit;
  private final SplittableRandom rng;

  private final int[] feature;
  private final double[] split;
  private final int[] left;
  private final int[] right;
  private final int[] size;
  private int nodes;

  private TreeGrower(double[][] rows, int[] features, SplittableRandom rng) {
    this.rows = rows;
    this.features = features;
    this.heightLimit = heightLimit(rows.length);
    this.rng = rng;
    // A binary tree with at most one row per leaf has at most 2n - 1 nodes.
    int capacity = 2 * rows.length - 1;
    this.feature = new int[capacity];
    this.split = new double[capacity];
    this.left = new int[capacity];
    this.right = new int[capacity];
    this.size = new int[capacity];
  }

  /**
   * @param rows the tree's sample, all of one length and finite
   * @param featuresPerTree how many of the features this tree may split on, drawn once per tree
   */
  static IsolationTree grow(double[][] rows, int featuresPerTree, SplittableRandom rng) {
    if (rows.length == 0) throw new IllegalArgumentException("an isolation tree needs at least one row");
    int numFeatures = rows[0].length;
    if (featuresPerTree < 1 || featuresPerTree > numFeatures) {
      throw new IllegalArgumentException("featuresPerTree must be in [1, " + numFeatures + "], got " + featuresPerTree);
    }
    TreeGrower g = new TreeGrower(rows, chooseFeatures(numFeatures, featuresPerTree, rng), rng);
    int[] index = new int[rows.length];
    for (int i = 0; i < index.length; i++) index[i] = i;
    g.node(index, 0, index.length, 0);
    int n = g.nodes;
    return new IsolationTree(Arrays.copyOf(g.feature, n), Arrays.copyOf(g.split, n), Arrays.copyOf(g.left, n),
        Arrays.copyOf(g.right, n), Arrays.copyOf(g.size, n));
  }

  /** ceil(log2(n)): the average height of a tree of n rows, past which rows are not outliers. */
  static int heightLimit(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  /** A uniform subset of k of the n features (partial Fisher-Yates), in ascending order. */
  static int[] chooseFeatures(int n, int k, SplittableRandom rng) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    if (k == n) return all;
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] chosen = Arrays.copyOf(all, k);
    Arrays.sort(chosen);
    return chosen;
  }

  /** Grows the node for rows index[from, to) at the given depth (pre-order) and returns its number. */
  private int node(int[] index, int from, int to, int depth) {
    int id = nodes++;
    int n = to - from;
    size[id] = n;
    if (depth >= heightLimit || n <= 1) return leaf(id);

    // Only features that vary in this node can separate its rows; if none does the rows are
    // identical on this tree's features and can never be isolated from each other.
    int[] candidates = new int[features.length];
    double[] min = new double[features.length];
    double[] max = new double[features.length];
    int count = 0;
    for (int f : features) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = rows[index[i]][f];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo < hi) {
        candidates[count] = f;
        min[count] = lo;
        max[count] = hi;
        count++;
      }
    }
    if (count == 0) return leaf(id);

    int c = rng.nextInt(count);
    int f = candidates[c];
    double value = splitValue(min[c], max[c]);
    int mid = partition(index, from, to, f, value);

    feature[id] = f;
    split[id] = value;
    left[id] = node(index, from, mid, depth + 1);
    right[id] = node(index, mid, to, depth + 1);
    return id;
  }

  /**
   * A uniform value in (min, max]: rows below it go left, so a value above min leaves the min row
   * on the left and the max row on the right, and neither child is empty.
   */
  private double splitValue(double min, double max) {
    double value;
    do {
      value = min + rng.nextDouble() * (max - min);
    } while (value <= min);
    return Math.min(value, max);
  }

  /** Moves the rows below value to the front of index[from, to) and returns where the rest start. */
  private int partition(int[] index, int from, int to, int f, double value) {
    int mid = from;
    for (int i = from; i < to; i++) {
      if (rows[index[i]][f] < value) {
        int t = index[mid];
        index[mid] = index[i];
        index[i] = t;
        mid++;
      }
    }
    return mid;
  }

  private int leaf(int id) {
    feature[id] = IsolationTree.LEAF;
    split[id] = Double.NaN;
    left[id] = -1;
    right[id] = -1;
    return id;
  }
}
