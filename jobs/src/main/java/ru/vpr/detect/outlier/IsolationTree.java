package ru.vpr.detect.outlier;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One isolation tree as parallel arrays indexed by node (root = 0): scoring walks a few hundred
 * nodes per row on the executors, and flat arrays are compact to broadcast and cheap to walk.
 * A node whose feature is {@link #LEAF} is a leaf; otherwise rows with {@code x[feature] < split}
 * go left and all others (NaN too) go right.
 */
public final class IsolationTree implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The feature of a leaf. */
  public static final int LEAF = -1;

  private static final double EULER_GAMMA = 0.5772156649;

  private final int[] feature;
  private final double[] split;
  private final int[] left;
  private final int[] right;
  private final int[] size;
  // c(size) of each leaf, so that scoring a row does no logarithms.
  private final double[] leafAdjustment;

  /**
   * @param feature feature index of each node, {@link #LEAF} for a leaf
   * @param split split value of each internal node (ignored for leaves)
   * @param left left child of each internal node, -1 for a leaf
   * @param right right child of each internal node, -1 for a leaf
   * @param size number of training rows that reached each node
   */
  public IsolationTree(int[] feature, double[] split, int[] left, int[] right, int[] size) {
    int n = feature.length;
    if (n == 0 || split.length != n || left.length != n || right.length != n || size.length != n) {
      throw new IllegalArgumentException("an isolation tree needs at least one node and arrays of one length, got "
          + List.of(feature.length, split.length, left.length, right.length, size.length));
    }
    this.feature = feature.clone();
    this.split = split.clone();
    this.left = left.clone();
    this.right = right.clone();
    this.size = size.clone();
    this.leafAdjustment = new double[n];
    for (int i = 0; i < n; i++) {
      if (feature[i] == LEAF) {
        leafAdjustment[i] = averagePathLength(size[i]);
      } else if (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n) {
        // Children after their parent rule out cycles, so pathLength always ends.
        throw new IllegalArgumentException("node " + i + " has children " + left[i] + " and " + right[i]
            + "; children must come after their parent and within the " + n + " nodes");
      }
    }
  }

  /**
   * The path length h(x): edges from the root to the leaf that x falls in, plus c(n) for a leaf
   * that still held n > 1 rows when growth stopped, since a full tree would have gone on to
   * isolate x among them.
   */
  public double pathLength(double[] x) {
    int node = 0;
    int depth = 0;
    while (feature[node] != LEAF) {
      node = x[feature[node]] < split[node] ? left[node] : right[node];
      depth++;
    }
    return depth + leafAdjustment[node];
  }

  /**
   * c(n) = 2H(n-1) - 2(n-1)/n with H(i) = ln(i) + Euler's constant: the average path length of an
   * unsuccessful search in a binary search tree of n rows, which is what h(x) averages to for n
   * rows. The approximation of H is poor for n = 2, where the exact value 1 is used.
   */
  public static double averagePathLength(long n) {
    if (n <= 1) return 0.0;
    if (n == 2) return 1.0;
    return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
  }

  public int numNodes() {
    return feature.length;
  }

  public int feature(int node) {
    return feature[node];
  }

  public double split(int node) {
    return split[node];
  }

  public int left(int node) {
    return left[node];
  }

  public int right(int node) {
    return right[node];
  }

  public int size(int node) {
    return size[node];
  }

  public boolean isLeaf(int node) {
    return feature[node] == LEAF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsolationTree t && Arrays.equals(feature, t.feature) && Arrays.equals(split, t.split)
        && Arrays.equals(left, t.left) && Arrays.equals(right, t.right) && Arrays.equals(size, t.size);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(feature) + Arrays.hashCode(split);
  }
}
