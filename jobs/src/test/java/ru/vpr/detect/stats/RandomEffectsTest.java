package ru.vpr.detect.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomEffectsTest {

  /** Units of simulated pupils: y = mu + u_i + e, u_i ~ N(0, tau2), e ~ N(0, sigma2). */
  record Units(int[] n, double[] mean, double[] within) {}

  static Units simulate(int[] n, double mu, double tau2, double sigma2, long seed) {
    Random random = new Random(seed);
    double[] mean = new double[n.length];
    double[] within = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      double u = Math.sqrt(tau2) * random.nextGaussian();
      double sum = 0;
      double sumSq = 0;
      for (int j = 0; j < n[i]; j++) {
        double y = mu + u + Math.sqrt(sigma2) * random.nextGaussian();
        sum += y;
        sumSq += y * y;
      }
      mean[i] = sum / n[i];
      within[i] = n[i] < 2 ? Double.NaN : (sumSq - sum * sum / n[i]) / (n[i] - 1);
    }
    return new Units(n, mean, within);
  }

  static int[] sizes(int units, int min, int max, long seed) {
    Random random = new Random(seed);
    int[] n = new int[units];
    for (int i = 0; i < units; i++) n[i] = min + random.nextInt(max - min + 1);
    return n;
  }

  /**
   * By hand: n = (2, 2, 4), means (0, 1, 2), variances (1, 1, 2). sigma2 = (1 + 1 + 3*2) / 5 = 1.6;
   * mu = (0 + 2 + 8) / 8 = 1.25; sum n (m - mu)^2 = 2 * 1.5625 + 2 * 0.0625 + 4 * 0.5625 = 5.5;
   * tau2 = (5.5 - 2 * 1.6) / (8 - 24/8) = 2.3 / 5 = 0.46; z of the third unit = 0.75 / sqrt(0.46 + 0.4).
   */
  @Test
  void aHandComputedFit() {
    RandomEffects.Estimate e =
        RandomEffects.estimate(new int[] {2, 2, 4}, new double[] {0, 1, 2}, new double[] {1, 1, 2});
    assertEquals(1.6, e.sigma2(), 1e-15);
    assertEquals(1.25, e.mu(), 1e-15);
    assertEquals(0.46, e.tau2(), 1e-14);
    assertEquals(3, e.units());
    assertEquals(8, e.pupils());
    assertEquals(0.75 / Math.sqrt(0.86), e.z(2, 4), 1e-14);
    assertEquals(0.75 / Math.sqrt(0.86), RandomEffects.z(2, 4, e), 1e-14);
    assertEquals(Math.sqrt(0.86), e.sd(4), 1e-15);
  }

  @Test
  void recoversAKnownBetweenUnitVariance() {
    int[] n = sizes(3000, 5, 35, 1);
    Units units = simulate(n, 0.3, 0.05, 1.0, 2);
    RandomEffects.Estimate e = RandomEffects.estimate(units.n(), units.mean(), units.within());
    assertEquals(0.3, e.mu(), 0.02);
    assertEquals(1.0, e.sigma2(), 0.02);
    assertEquals(0.05, e.tau2(), 0.01, "tau2 " + e.tau2());

    Units larger = simulate(n, -1, 0.3, 2.0, 3);
    RandomEffects.Estimate l = RandomEffects.estimate(larger.n(), larger.mean(), larger.within());
    assertEquals(0.3, l.tau2(), 0.03, "tau2 " + l.tau2());
    assertEquals(2.0, l.sigma2(), 0.04);

    Units none = simulate(n, 0, 0, 1.0, 4);
    RandomEffects.Estimate z = RandomEffects.estimate(none.n(), none.mean(), none.within());
    assertTrue(z.tau2() >= 0 && z.tau2() < 0.005, "tau2 " + z.tau2());
  }

  /** The point of the model: z has sd 1 for classes of 5-10 pupils and of 25-35 alike. */
  @Test
  void zOfNullUnitsIsStandardWhateverTheSize() {
    int[] small = sizes(3000, 5, 10, 5);
    int[] large = sizes(3000, 25, 35, 6);
    int[] n = new int[6000];
    System.arraycopy(small, 0, n, 0, 3000);
    System.arraycopy(large, 0, n, 3000, 3000);
    Units units = simulate(n, 0.1, 0.1, 1.0, 7);
    RandomEffects.Estimate e = RandomEffects.estimate(units.n(), units.mean(), units.within());
    double[] smallZ = new double[3000];
    double[] largeZ = new double[3000];
    double[] largeNaive = new double[3000];
    for (int i = 0; i < 3000; i++) {
      smallZ[i] = e.z(units.mean()[i], n[i]);
      largeZ[i] = e.z(units.mean()[3000 + i], n[3000 + i]);
      largeNaive[i] = (units.mean()[3000 + i] - e.mu()) / Math.sqrt(e.sigma2() / n[3000 + i]);
    }
    assertEquals(0, mean(smallZ), 0.05);
    assertEquals(0, mean(largeZ), 0.05);
    assertEquals(1, sd(smallZ), 0.05);
    assertEquals(1, sd(largeZ), 0.05);
    // Without tau^2 a class of 30 has sd about sqrt(1 + 30 * 0.1) = 2: every good teacher "significant".
    assertEquals(2, sd(largeNaive), 0.15);
  }

  @Test
  void emptyAndDegenerateInputs() {
    RandomEffects.Estimate none = RandomEffects.estimate(new int[0], new double[0], new double[0]);
    assertTrue(Double.isNaN(none.mu()) && Double.isNaN(none.tau2()) && Double.isNaN(none.sigma2()));
    RandomEffects.Estimate one = RandomEffects.estimate(new int[] {5}, new double[] {1}, new double[] {2});
    assertEquals(1, one.mu());
    assertEquals(2, one.sigma2());
    assertTrue(Double.isNaN(one.tau2()));
    // Units of one pupil: a mean but no within-unit variance.
    RandomEffects.Estimate singles =
        RandomEffects.estimate(new int[] {1, 1}, new double[] {0, 1}, new double[] {Double.NaN, Double.NaN});
    assertEquals(0.5, singles.mu());
    assertTrue(Double.isNaN(singles.sigma2()) && Double.isNaN(singles.tau2()));
    // Empty units and missing means are skipped: same fit as the hand example.
    RandomEffects.Estimate skipped = RandomEffects.estimate(new int[] {2, 0, 2, 4, 3},
        new double[] {0, 5, 1, 2, Double.NaN}, new double[] {1, 9, 1, 2, 1});
    assertEquals(0.46, skipped.tau2(), 1e-14);
    assertEquals(3, skipped.units());
    assertTrue(Double.isNaN(skipped.z(1, 0)));
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) s += v;
    return s / x.length;
  }

  static double sd(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) s += (v - m) * (v - m);
    return Math.sqrt(s / (x.length - 1));
  }
}
