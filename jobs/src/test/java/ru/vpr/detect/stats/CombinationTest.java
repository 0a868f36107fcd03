package ru.vpr.detect.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class CombinationTest {

  @Test
  void aSinglePValueComesBack() {
    for (double p : new double[] {1e-300, 1e-200, 1e-20, 1e-15, 1e-10, 1e-3, 0.05, 0.3, 0.5, 0.7, 0.999}) {
      assertEquals(p, Combination.cauchy(p), 1e-12 * p, "p=" + p);
      assertEquals(p, Combination.cauchy(new double[] {p}, new double[] {7}), 1e-12 * p);
      assertEquals(p, Combination.fisher(p), 1e-12 * p);
    }
  }

  @Test
  void equalPValuesComeBack() {
    for (double p : new double[] {1e-30, 1e-6, 0.01, 0.2, 0.5, 0.8}) {
      assertEquals(p, Combination.cauchy(p, p, p, p), 1e-12 * p);
      assertEquals(p, Combination.cauchy(new double[] {p, p}, new double[] {1, 9}), 1e-12 * p);
    }
  }

  /**
   * By hand: tan(pi/4) = 1 and tan(-pi/4) = -1.
   *
   * <pre>
   *   (0.25, 0.75)            T = 0              p = 0.5
   *   (0.25, 0.25, 0.5)       T = (1 + 1 + 0)/3  p = 0.5 - atan(2/3)/pi = 0.3128329581890012
   *   (0.25, 0.75), w = (3,1) T = (3 - 1)/4      p = 0.5 - atan(1/2)/pi = 0.35241638234956674
   *   (0.01, 0.5)             T = cot(0.01 pi)/2 = 15.910257976886978, p = atan(1/T)/pi = 0.01998029966405365
   * </pre>
   */
  @Test
  void handComputedExamples() {
    assertEquals(0.5, Combination.cauchy(0.25, 0.75), 1e-15);
    assertEquals(0.3128329581890012, Combination.cauchy(0.25, 0.25, 0.5), 1e-15);
    assertEquals(0.35241638234956674, Combination.cauchy(new double[] {0.25, 0.75}, new double[] {3, 1}), 1e-15);
    assertEquals(0.01998029966405365, Combination.cauchy(0.01, 0.5), 1e-15);
    // Four p-values, straight from the formula in the paper.
    double[] p = {0.02, 0.04, 0.5, 0.9};
    double t = 0;
    for (double v : p) t += Math.tan((0.5 - v) * Math.PI) / p.length;
    assertEquals(0.5 - Math.atan(t) / Math.PI, Combination.cauchy(p), 1e-14);
    assertEquals(0.060666812787478895, Combination.cauchy(p), 1e-14);
  }

  @Test
  void missingValuesAndZeroWeightsAreIgnored() {
    assertEquals(0.01, Combination.cauchy(0.01, Double.NaN), 1e-15);
    assertEquals(0.01998029966405365, Combination.cauchy(new Double[] {0.01, null, 0.5}, null), 1e-15);
    assertEquals(0.01, Combination.cauchy(new double[] {0.01, 0.5}, new double[] {2, 0}), 1e-15);
    assertTrue(Double.isNaN(Combination.cauchy()));
    assertTrue(Double.isNaN(Combination.cauchy(Double.NaN, Double.NaN)));
    assertTrue(Double.isNaN(Combination.cauchy(new double[] {0.3}, new double[] {0})));
    assertTrue(Double.isNaN(Combination.fisher()));
    assertEquals(0.2, Combination.fisher(new Double[] {null, 0.2, Double.NaN}), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Combination.cauchy(0.5, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Combination.cauchy(new double[] {0.5}, new double[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> Combination.cauchy(new double[] {0.5}, new double[] {1, 1}));
  }

  @Test
  void tinyPValuesStayTiny() {
    // T = (1/(1e-20 pi) + 0 + 0) / 3, p = 1/(T pi) = 3e-20: ACAT's Bonferroni-like behaviour.
    assertEquals(3e-20, Combination.cauchy(1e-20, 0.5, 0.5), 1e-12 * 3e-20);
    double t = (1 / (1e-20 * Math.PI) + 1 / Math.tan(0.3 * Math.PI)) / 2;
    assertEquals(1 / (t * Math.PI), Combination.cauchy(1e-20, 0.3), 1e-12 * 2e-20);
    // Weighted: the tiny p carries a quarter of the weight, p = 4e-20.
    assertEquals(4e-20, Combination.cauchy(new double[] {1e-20, 0.5}, new double[] {1, 3}), 1e-12 * 4e-20);
    // A larger p next to it dilutes a little (invisible next to 1e-20: 3 against 3e19); smaller
    // input, smaller output.
    assertTrue(Combination.cauchy(1e-5, 0.9) > Combination.cauchy(1e-5, 0.1));
    assertEquals(Combination.cauchy(1e-20, 0.9), Combination.cauchy(1e-20, 0.1), 1e-15 * 2e-20);
    assertTrue(Combination.cauchy(1e-21, 0.5) < Combination.cauchy(1e-20, 0.5));
    // Exactly 0 and 1 are clipped, not infinite.
    assertEquals(2e-300, Combination.cauchy(0, 0.5), 1e-12 * 2e-300);
    double nearOne = Combination.cauchy(1.0, 1.0);
    assertTrue(nearOne < 1 && nearOne > 0.999);
  }

  @Test
  void fisherAgainstTheChiSquareOfCommonsMath() {
    Random random = new Random(3);
    for (int k = 1; k <= 6; k++) {
      ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, 2 * k);
      for (int rep = 0; rep < 20; rep++) {
        double[] p = new double[k];
        double x = 0;
        for (int i = 0; i < k; i++) {
          p[i] = 0.001 + 0.998 * random.nextDouble();
          x -= 2 * Math.log(p[i]);
        }
        assertEquals(1 - chi2.cumulativeProbability(x), Combination.fisher(p), 1e-12);
      }
    }
    // Far tail, by the closed form for even df: Q(2, x) = exp(-x)(1 + x), x = -log(1e-20 * 1e-20).
    double x = -Math.log(1e-40);
    assertEquals(1e-40 * (1 + x), Combination.fisher(1e-20, 1e-20), 1e-12 * 1e-40 * (1 + x));
  }

  @Test
  void cauchyIsUniformOnIndependentNullPValues() {
    Random random = new Random(4);
    int below = 0;
    int reps = 20000;
    for (int rep = 0; rep < reps; rep++) {
      double c = Combination.cauchy(random.nextDouble(), random.nextDouble(), random.nextDouble());
      if (c < 0.05) below++;
    }
    assertEquals(0.05, below / (double) reps, 0.006);
  }
}
