package ru.vpr.detect.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScatterTest {
  /** The corners of a square of side 2: mean (1, 1), covariance 4/3 I (denominator n - 1). */
  private static Scatter.Model square(double scale) {
    double[][] points = {{0, 0}, {2, 0}, {0, 2}, {2, 2}};
    double[] sums = new double[2];
    double[][] products = new double[2][2];
    for (double[] x : points) {
      for (int i = 0; i < 2; i++) {
        sums[i] += x[i];
        for (int j = i; j < 2; j++) products[i][j] += x[i] * x[j];
      }
    }
    return Scatter.fit(points.length, sums, products, scale, 1e-12);
  }

  @Test
  void aHandComputedFitAndItsDistances() {
    Scatter.Model m = square(1.0);
    assertEquals(1.0, m.mean()[0], 1e-15);
    assertEquals(1.0, m.mean()[1], 1e-15);
    assertEquals(0.75, m.inverse()[0], 1e-9);
    assertEquals(0.0, m.inverse()[1], 1e-12);
    // (3, 1): (2, 0) from the mean, 4 * 0.75.
    assertEquals(3.0, Scatter.distance(new double[] {3, 1}, m), 1e-9);
    // (0, 3): (-1, 2); both sides count 5 * 0.75, the suspicious side only 4 * 0.75.
    assertEquals(3.75, Scatter.distance(new double[] {0, 3}, m), 1e-9);
    assertEquals(3.0, Scatter.oneSidedDistance(new double[] {0, 3}, m), 1e-9);
    assertEquals(0.0, Scatter.oneSidedDistance(new double[] {-5, 0}, m), 1e-12, "all on the harmless side");
    // A scale of 2 doubles the covariance and halves the distance.
    assertEquals(1.5, Scatter.distance(new double[] {3, 1}, square(2.0)), 1e-9);
  }

  /**
   * By hand: in one dimension the one-sided distance is a squared standard normal on its positive half,
   * P(D >= c) = P(chi2(1) >= c) / 2; in two, P(chi2(1) >= c) / 2 + P(chi2(2) >= c) / 4, with
   * P(chi2(2) >= c) = exp(-c / 2). At c = 3.841459 (the 95% point of chi2(1)): 0.025 and 0.025 + exp(-1.92) / 4.
   */
  @Test
  void theOneSidedTailIsAChiBarSquare() {
    double c = 3.841458820694124;
    assertEquals(0.025, Scatter.oneSidedTail(c, 1), 1e-9);
    assertEquals(0.025 + Math.exp(-c / 2) / 4, Scatter.oneSidedTail(c, 2), 1e-9);
    assertEquals(1.0, Scatter.oneSidedTail(0, 9));
    assertTrue(Scatter.oneSidedTail(60, 9) < 1e-10, "no floor: strong evidence gets a small p");
  }

  @Test
  void tooFewVectorsForACovarianceGiveNoModel() {
    assertNull(Scatter.fit(3, new double[2], new double[2][2], 1, 1e-3));
  }

  /**
   * In 2 dimensions the chi-square law has closed forms: the 0.975 cut is -2 log 0.025, and a trimmed
   * normal keeps P(chi2(4) <= cut) = 1 - 0.025 (1 + cut / 2) of its variance.
   */
  @Test
  void theTrimmingCutAndItsConsistencyFactor() {
    double cut = -2 * Math.log(0.025);
    assertEquals(cut, Scatter.cut(2, 0.975), 1e-8);
    assertEquals(0.975 / (1 - 0.025 * (1 + cut / 2)), Scatter.consistency(2, 0.975), 1e-8);
    assertTrue(Scatter.consistency(9, 0.975) > 1);
  }
}
