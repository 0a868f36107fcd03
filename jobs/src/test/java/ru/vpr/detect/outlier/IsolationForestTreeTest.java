package ru.vpr.detect.outlier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tree on its own: path lengths, c(n), growth and sampling with replacement, no Spark. */
class IsolationForestTreeTest {
  private static final double EPS = 1e-12;
  private static final int L = IsolationTree.LEAF;
  private static final double NaN = Double.NaN;

  /**
   * <pre>
   *            0: x0 < 0.5
   *          /            \
   *   1: leaf(1)        2: x1 < 2.0
   *                     /          \
   *               3: leaf(3)     4: leaf(2)
   * </pre>
   */
  private static IsolationTree tiny() {
    return new IsolationTree(
        new int[] {0, L, 1, L, L},
        new double[] {0.5, NaN, 2.0, NaN, NaN},
        new int[] {1, -1, 3, -1, -1},
        new int[] {2, -1, 4, -1, -1},
        new int[] {6, 1, 5, 3, 2});
  }

  @Test
  void averagePathLengthKnownValues() {
    assertEquals(0.0, IsolationTree.averagePathLength(0));
    assertEquals(0.0, IsolationTree.averagePathLength(1));
    assertEquals(1.0, IsolationTree.averagePathLength(2));
    // 2(ln 2 + 0.5772156649) - 4/3
    assertEquals(2 * (Math.log(2) + 0.5772156649) - 4.0 / 3, IsolationTree.averagePathLength(3), EPS);
    assertEquals(10.2448, IsolationTree.averagePathLength(256), 1e-4);
    for (int n = 3; n < 1000; n++) {
      assertTrue(IsolationTree.averagePathLength(n) > IsolationTree.averagePathLength(n - 1), "c grows with n at " + n);
    }
  }

  @Test
  void pathLengthCountsEdgesAndAddsCOfTheLeafSize() {
    IsolationTree t = tiny();
    assertEquals(1.0, t.pathLength(new double[] {0.1, 99}), EPS, "isolated at depth 1, c(1) = 0");
    assertEquals(2.0 + IsolationTree.averagePathLength(3), t.pathLength(new double[] {0.9, 1.0}), EPS);
    assertEquals(2.0 + 1.0, t.pathLength(new double[] {0.9, 5.0}), EPS, "leaf of 2 rows adds c(2) = 1");
    assertEquals(3.0, t.pathLength(new double[] {0.5, 2.0}), EPS, "a value equal to the split goes right");
    assertEquals(3.0, t.pathLength(new double[] {NaN, NaN}), EPS, "NaN goes right");
  }

  @Test
  void aSingleLeafTreeGivesCOfItsSize() {
    IsolationTree t = new IsolationTree(new int[] {L}, new double[] {NaN}, new int[] {-1}, new int[] {-1}, new int[] {256});
    assertEquals(IsolationTree.averagePathLength(256), t.pathLength(new double[] {3}), EPS);
  }

  @Test
  void malformedTreesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new IsolationTree(new int[] {0}, new double[] {1}, new int[] {0}, new int[] {0}, new int[] {2}));
    assertThrows(IllegalArgumentException.class,
        () -> new IsolationTree(new int[] {L, L}, new double[] {NaN}, new int[] {-1, -1}, new int[] {-1, -1}, new int[] {1, 1}));
  }

  @Test
  void heightLimitIsCeilLog2() {
    assertEquals(0, TreeGrower.heightLimit(1));
    assertEquals(1, TreeGrower.heightLimit(2));
    assertEquals(2, TreeGrower.heightLimit(3));
    assertEquals(8, TreeGrower.heightLimit(256));
    assertEquals(9, TreeGrower.heightLimit(257));
  }

  @Test
  void grownTreeIsolatesDistinctRowsWithinTheHeightLimit() {
    SplittableRandom data = new SplittableRandom(7);
    double[][] rows = new double[16][];
    for (int i = 0; i < rows.length; i++) rows[i] = new double[] {data.nextGaussian(), data.nextGaussian()};
    IsolationTree t = TreeGrower.grow(rows, 2, new SplittableRandom(1));
    assertEquals(16, t.size(0));
    int leafRows = 0;
    for (int n = 0; n < t.numNodes(); n++) {
      if (t.isLeaf(n)) {
        leafRows += t.size(n);
      } else {
        assertEquals(t.size(n), t.size(t.left(n)) + t.size(t.right(n)), "children split the rows of node " + n);
        assertTrue(t.size(t.left(n)) > 0 && t.size(t.right(n)) > 0, "no empty child at node " + n);
      }
    }
    assertEquals(16, leafRows);
    for (double[] r : rows) assertTrue(t.pathLength(r) <= 4 + IsolationTree.averagePathLength(16), "height limit 4");
    assertEquals(t, TreeGrower.grow(rows, 2, new SplittableRandom(1)), "same rows and seed, same tree");
    assertNotEquals(t, TreeGrower.grow(rows, 2, new SplittableRandom(2)));
  }

  @Test
  void identicalRowsStayTogetherInOneLeaf() {
    double[][] rows = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
    IsolationTree t = TreeGrower.grow(rows, 2, new SplittableRandom(1));
    assertEquals(1, t.numNodes());
    assertEquals(IsolationTree.averagePathLength(4), t.pathLength(new double[] {1, 1}), EPS);
  }

  @Test
  void oneFeaturePerTreeSplitsOnlyOnThatFeature() {
    SplittableRandom data = new SplittableRandom(3);
    double[][] rows = new double[64][];
    for (int i = 0; i < rows.length; i++) rows[i] = new double[] {data.nextDouble(), data.nextDouble(), data.nextDouble()};
    IsolationTree t = TreeGrower.grow(rows, 1, new SplittableRandom(5));
    int[] used = new int[3];
    for (int n = 0; n < t.numNodes(); n++) if (!t.isLeaf(n)) used[t.feature(n)]++;
    assertEquals(1, Arrays.stream(used).filter(c -> c > 0).count(), "splits on one feature: " + Arrays.toString(used));
  }

  @Test
  void chosenFeaturesAreDistinctAndSorted() {
    int[] f = TreeGrower.chooseFeatures(10, 4, new SplittableRandom(9));
    assertEquals(4, f.length);
    for (int i = 1; i < f.length; i++) assertTrue(f[i - 1] < f[i]);
    assertArrayEquals(new int[] {0, 1, 2}, TreeGrower.chooseFeatures(3, 3, new SplittableRandom(9)));
  }

  @Test
  void withReplacementRepeatsRowsAsOftenAsDrawsFromThePopulationWould() {
    double[][] order = new double[256][];
    for (int i = 0; i < order.length; i++) order[i] = new double[] {i};
    // 256 draws with replacement from 256 rows leave about 256 (1 - 1/e) = 162 distinct.
    SplittableRandom rng = new SplittableRandom(11);
    double distinct = 0;
    int trials = 200;
    for (int k = 0; k < trials; k++) {
      double[][] drawn = TreeSampler.withReplacement(order, 256, rng);
      assertEquals(256, drawn.length);
      distinct += Arrays.stream(drawn).distinct().count();
    }
    assertEquals(256 * (1 - Math.pow(1 - 1.0 / 256, 256)), distinct / trials, 2.0);
    // From a large population repeats are rare: the sample is the rows in their random order.
    double[][] drawn = TreeSampler.withReplacement(order, Long.MAX_VALUE, new SplittableRandom(1));
    assertArrayEquals(order, drawn);
  }
}
