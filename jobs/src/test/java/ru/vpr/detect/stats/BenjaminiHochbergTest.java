package ru.vpr.detect.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

  @Test
  void allFiveRejectedAtTheirOwnBoundary() {
    // p(i) = i/100 <= i * 0.05 / 5 = i/100 for every i: the step-up rejects all five.
    double[] p = {0.03, 0.01, 0.05, 0.02, 0.04};
    boolean[] all = new boolean[5];
    Arrays.fill(all, true);
    assertArrayEquals(all, BenjaminiHochberg.rejected(p, 0.05));
    for (double q : BenjaminiHochberg.adjusted(p)) assertEquals(0.05, q, 1e-15);
  }

  @Test
  void onlyTheFirstTwo() {
    // Thresholds i * 0.05 / 5 = 0.01, 0.02, 0.03, 0.04, 0.05: the 3rd to 5th are above theirs.
    // q-values from the top: 0.2, min(0.2, 0.045*5/4 = 0.05625), min(., 0.04*5/3 = 0.0667), 0.02*5/2, 0.01*5.
    double[] p = {0.01, 0.02, 0.04, 0.045, 0.2};
    assertArrayEquals(new boolean[] {true, true, false, false, false}, BenjaminiHochberg.rejected(p, 0.05));
    assertArrayEquals(new double[] {0.05, 0.05, 0.05625, 0.05625, 0.2}, BenjaminiHochberg.adjusted(p), 1e-15);
  }

  /** The example of Benjamini and Hochberg (1995), section 4: at q = 0.05 the four smallest are rejected. */
  @Test
  void theOriginalPaperExample() {
    double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
        0.5719, 0.6528, 0.7590, 1.000};
    boolean[] rejected = BenjaminiHochberg.rejected(p, 0.05);
    for (int i = 0; i < p.length; i++) assertEquals(i < 4, rejected[i], "p=" + p[i]);
    double[] expected = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286,
        0.0645, 0.0765, 0.486, 0.5811818181818182, 0.714875, 0.7532307692307694, 0.8132142857142857, 1};
    assertArrayEquals(expected, BenjaminiHochberg.adjusted(p), 1e-14);
  }

  @Test
  void tiesShareQValuesAndTheCapKeepsTheSmallestThenTheEarliest() {
    // m = 4, sorted 0.01, 0.03, 0.03, 0.03: q-values min(0.03*4/4, 0.03*4/3, 0.03*4/2) = 0.03 and
    // min(0.03, 0.01*4) = 0.03. All rejected at 0.04, none at 0.02.
    double[] p = {0.03, 0.01, 0.03, 0.03};
    assertArrayEquals(new double[] {0.03, 0.03, 0.03, 0.03}, BenjaminiHochberg.adjusted(p), 1e-15);
    assertArrayEquals(new boolean[] {true, true, true, true}, BenjaminiHochberg.rejected(p, 0.04));
    assertArrayEquals(new boolean[] {false, false, false, false}, BenjaminiHochberg.rejected(p, 0.02));
    assertArrayEquals(new boolean[] {true, true, false, false}, BenjaminiHochberg.rejected(p, 0.04, 2));
    assertArrayEquals(new boolean[] {true, true, true, false}, BenjaminiHochberg.rejected(p, 0.04, 3));
    assertArrayEquals(new boolean[] {false, true, false, false}, BenjaminiHochberg.rejected(p, 0.04, 1));
    assertArrayEquals(BenjaminiHochberg.rejected(p, 0.04), BenjaminiHochberg.rejected(p, 0.04, 0));
    assertArrayEquals(BenjaminiHochberg.rejected(p, 0.04), BenjaminiHochberg.rejected(p, 0.04, 10));
    // -0.0 and 0.0 are a tie too.
    assertArrayEquals(new boolean[] {true, false}, BenjaminiHochberg.rejected(new double[] {0.0, -0.0}, 0.05, 1));
  }

  @Test
  void capacityKeepsTheSmallestRejected() {
    double[] p = {0.2, 0.001, 0.004, 0.0001, 0.003, 0.9};
    // m = 6, q = 0.05: the four small ones pass (0.004 <= 4 * 0.05 / 6).
    assertArrayEquals(new boolean[] {false, true, true, true, true, false}, BenjaminiHochberg.rejected(p, 0.05));
    assertArrayEquals(new boolean[] {false, true, false, true, false, false}, BenjaminiHochberg.rejected(p, 0.05, 2));
  }

  @Test
  void missingPValuesAreNotCounted() {
    // m = 2: min(0.02 * 2 / 1, 0.03 * 2 / 2) = 0.03 and 0.03; the NaN stays NaN, never rejected.
    double[] p = {0.02, Double.NaN, 0.03};
    double[] q = BenjaminiHochberg.adjusted(p);
    assertEquals(0.03, q[0], 1e-15);
    assertTrue(Double.isNaN(q[1]));
    assertEquals(0.03, q[2], 1e-15);
    assertArrayEquals(new boolean[] {true, false, true}, BenjaminiHochberg.rejected(p, 0.03));
    assertArrayEquals(new boolean[] {false, false, false}, BenjaminiHochberg.rejected(p, 0.029));
    assertArrayEquals(new boolean[0], BenjaminiHochberg.rejected(new double[0], 0.05));
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.rejected(p, 0));
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjusted(new double[] {1.5}));
  }

  @Test
  void adjustedAreMonotoneAndAgreeWithTheStepUpRule() {
    Random random = new Random(8);
    for (int rep = 0; rep < 200; rep++) {
      int m = 1 + random.nextInt(300);
      double[] p = new double[m];
      for (int i = 0; i < m; i++) {
        // A mixture of nulls and signals, with some exact ties.
        p[i] = random.nextDouble() < 0.2 ? Math.pow(random.nextDouble(), 6) : random.nextDouble();
        if (random.nextDouble() < 0.05) p[i] = 0.01;
      }
      double[] adjusted = BenjaminiHochberg.adjusted(p);
      double[] sorted = p.clone();
      Arrays.sort(sorted);
      Integer[] order = new Integer[m];
      for (int i = 0; i < m; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
      for (int r = 0; r < m; r++) {
        int i = order[r];
        assertTrue(adjusted[i] >= p[i] && adjusted[i] <= 1);
        if (r > 0) assertTrue(adjusted[i] >= adjusted[order[r - 1]], "not monotone");
        if (r > 0 && p[i] == p[order[r - 1]]) assertEquals(adjusted[order[r - 1]], adjusted[i]);
      }
      double q = 0.1;
      int k = 0;
      for (int r = 1; r <= m; r++) if (sorted[r - 1] <= q * r / m) k = r;
      boolean[] rejected = BenjaminiHochberg.rejected(p, q);
      int count = 0;
      for (int i = 0; i < m; i++) {
        if (rejected[i]) count++;
        assertEquals(rejected[i], adjusted[i] <= q);
        if (k > 0) assertEquals(p[i] <= sorted[k - 1], rejected[i]);
      }
      assertEquals(k, count);
    }
  }
}
