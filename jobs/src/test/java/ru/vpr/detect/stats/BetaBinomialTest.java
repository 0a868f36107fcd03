package ru.vpr.detect.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.junit.jupiter.api.Test;

class BetaBinomialTest {

  /** Binomial mid-p from commons-math, the upper tail summed term by term (no 1 - cdf cancellation). */
  static double binomialUpperMidP(int k, int n, double p) {
    BinomialDistribution b = new BinomialDistribution(null, n, p);
    double tail = 0.5 * b.probability(k);
    for (int j = k + 1; j <= n; j++) tail += b.probability(j);
    return tail;
  }

  @Test
  void zeroRhoIsTheBinomialMidP() {
    for (int n : new int[] {1, 8, 20, 30, 150}) {
      for (double p : new double[] {0.02, 0.3, 0.7}) {
        for (int k = 0; k <= n; k++) {
          double expected = binomialUpperMidP(k, n, p);
          for (double rho : new double[] {0, 1e-9, BetaBinomial.BINOMIAL_RHO}) {
            double got = BetaBinomial.upperMidP(k, n, p, rho);
            assertEquals(expected, got, 1e-10 * expected, "n=" + n + " p=" + p + " k=" + k);
          }
          // Just above the switch the beta-binomial is already close to the binomial: no visible jump.
          assertEquals(expected, BetaBinomial.upperMidP(k, n, p, 2e-6), 1e-4);
        }
      }
    }
  }

  @Test
  void pmfSumsToOneAndTheTwoMidPsAddToOne() {
    for (int n : new int[] {1, 7, 25, 300}) {
      for (double p : new double[] {0.01, 0.5, 0.93}) {
        for (double rho : new double[] {0, 1e-4, 0.05, 0.3, 0.9}) {
          BetaBinomial.Params params = BetaBinomial.ofMeanAndRho(p, rho);
          double sum = 0;
          double mean = 0;
          for (int k = 0; k <= n; k++) {
            sum += BetaBinomial.pmf(k, n, params);
            mean += k * BetaBinomial.pmf(k, n, params);
          }
          assertEquals(1.0, sum, 1e-11, "n=" + n + " p=" + p + " rho=" + rho);
          assertEquals(n * p, mean, 1e-9 * n);
          for (int k = 0; k <= n; k += Math.max(1, n / 10)) {
            double sumMidP = BetaBinomial.upperMidP(k, n, params) + BetaBinomial.lowerMidP(k, n, params);
            assertEquals(1.0, sumMidP, 1e-11);
          }
        }
      }
    }
  }

  /**
   * n = 3, alpha = 2, beta = 3, by hand: B(2, 3) = 1! 2! / 4! = 1/12, and P(k) = C(3, k) B(k + 2, 6 - k)
   * / B(2, 3):
   *
   * <pre>
   *   P(0) = 1 * (1! 5! / 7!) * 12 = 12/42  = 10/35
   *   P(1) = 3 * (2! 4! / 7!) * 12 = 36/105 = 12/35
   *   P(2) = 3 * (3! 3! / 7!) * 12 = 36/140 =  9/35
   *   P(3) = 1 * (4! 2! / 7!) * 12 = 12/105 =  4/35
   * </pre>
   *
   * Upper mid-p at k = 1: 9/35 + 4/35 + 6/35 = 19/35; lower: 10/35 + 6/35 = 16/35. In (p, rho):
   * p = 2/5, rho = 1/(2 + 3 + 1) = 1/6.
   */
  @Test
  void aHandComputedBetaBinomial() {
    BetaBinomial.Params params = BetaBinomial.ofShape(2, 3);
    assertEquals(0.4, params.p(), 1e-15);
    assertEquals(1.0 / 6, params.rho(), 1e-15);
    assertEquals(2, params.alpha(), 1e-12);
    assertEquals(3, params.beta(), 1e-12);
    double[] expected = {10.0 / 35, 12.0 / 35, 9.0 / 35, 4.0 / 35};
    for (int k = 0; k <= 3; k++) assertEquals(expected[k], BetaBinomial.pmf(k, 3, params), 1e-14);
    assertEquals(19.0 / 35, BetaBinomial.upperMidP(1, 3, params), 1e-14);
    assertEquals(16.0 / 35, BetaBinomial.lowerMidP(1, 3, params), 1e-14);
    assertEquals(2.0 / 35, BetaBinomial.upperMidP(3, 3, params), 1e-14);
    assertEquals(5.0 / 35, BetaBinomial.lowerMidP(0, 3, params), 1e-14);
    assertEquals(19.0 / 35, BetaBinomial.upperMidP(1, 3, 0.4, 1.0 / 6), 1e-14);
  }

  @Test
  void emptyUnitsAndBadCounts() {
    BetaBinomial.Params params = BetaBinomial.ofMeanAndRho(0.3, 0.1);
    assertTrue(Double.isNaN(BetaBinomial.upperMidP(0, 0, params)));
    assertTrue(Double.isNaN(BetaBinomial.lowerMidP(0, 0, params)));
    assertThrows(IllegalArgumentException.class, () -> BetaBinomial.upperMidP(4, 3, params));
    assertThrows(IllegalArgumentException.class, () -> BetaBinomial.lowerMidP(-1, 3, params));
    assertThrows(IllegalArgumentException.class, () -> BetaBinomial.ofMeanAndRho(0.3, 1));
    assertThrows(IllegalArgumentException.class, () -> BetaBinomial.ofMeanAndRho(Double.NaN, 0.1));
    // A point mass: at p = 0 any success is impossible, zero successes is a coin toss of the mid-p.
    assertEquals(0.5, BetaBinomial.upperMidP(0, 5, 0.0, 0.1), 0);
    assertEquals(0.0, BetaBinomial.upperMidP(1, 5, 0.0, 0.1), 0);
    // Far tails stay positive and keep relative precision (binomial: P(K = 30) = 0.1^30).
    assertEquals(0.5e-30, BetaBinomial.upperMidP(30, 30, 0.1, 0), 1e-40);
  }

  /** Counts per unit: p_i ~ Beta(alpha, beta) then k_i ~ Binomial(n_i, p_i). */
  static int[] simulate(int[] n, double p, double rho, long seed) {
    Random random = new Random(seed);
    BetaBinomial.Params params = BetaBinomial.ofMeanAndRho(p, rho);
    BetaDistribution beta = params.isBinomial()
        ? null
        : new BetaDistribution(new JDKRandomGenerator((int) seed), params.alpha(), params.beta());
    int[] k = new int[n.length];
    for (int i = 0; i < n.length; i++) {
      double pi = beta == null ? p : beta.sample();
      for (int j = 0; j < n[i]; j++) if (random.nextDouble() < pi) k[i]++;
    }
    return k;
  }

  @Test
  void theMomentEstimateRecoversRho() {
    int[] n = new int[2000];
    java.util.Arrays.fill(n, 20);
    BetaBinomial.Estimate e = BetaBinomial.estimate(simulate(n, 0.3, 0.1, 11), n);
    assertEquals(2000, e.units());
    assertEquals(40000, e.trials());
    assertEquals(0.3, e.p(), 0.01);
    assertEquals(0.1, e.rho(), 0.03, "rho " + e.rho());

    // Unequal sizes, and an empty unit that must be skipped.
    Random sizes = new Random(5);
    int[] m = new int[3001];
    for (int i = 0; i < 3000; i++) m[i] = 5 + sizes.nextInt(26);
    BetaBinomial.Estimate u = BetaBinomial.estimate(simulate(m, 0.6, 0.2, 12), m);
    assertEquals(3000, u.units());
    assertEquals(0.2, u.rho(), 0.03, "rho " + u.rho());

    // Binomial data: the estimate is near 0 (clipped at 0 when the sampling noise is negative).
    BetaBinomial.Estimate b = BetaBinomial.estimate(simulate(n, 0.3, 0, 13), n);
    assertTrue(b.rho() >= 0 && b.rho() < 0.02, "rho " + b.rho());
  }

  /** The textbook ANOVA numbers by hand for three units: k = (1, 3, 5), n = (5, 5, 5). */
  @Test
  void theMomentEstimateByHand() {
    // N = 15, K = 3, sum k = 9, sum k^2/n = (1 + 9 + 25)/5 = 7.
    // MSB = (7 - 81/15) / 2 = 0.8; MSW = (9 - 7) / 12 = 1/6; n0 = (15 - 75/15) / 2 = 5.
    // rho = (0.8 - 1/6) / (0.8 + 4/6) = (19/30) / (44/30) = 19/44.
    BetaBinomial.Estimate e = BetaBinomial.estimate(new int[] {1, 3, 5}, new int[] {5, 5, 5});
    assertEquals(0.6, e.p(), 1e-15);
    assertEquals(19.0 / 44, e.rho(), 1e-14);
    assertEquals(19.0 / 44, e.params().rho(), 1e-14);
  }

  @Test
  void theEstimateIsNaNWhenNotIdentified() {
    assertTrue(Double.isNaN(BetaBinomial.estimate(new int[] {2}, new int[] {5}).rho()));
    assertTrue(Double.isNaN(BetaBinomial.estimate(new int[] {0, 0}, new int[] {5, 7}).rho()));
    assertTrue(Double.isNaN(BetaBinomial.estimate(new int[] {0, 1}, new int[] {1, 1}).rho()));
    BetaBinomial.Estimate empty = BetaBinomial.estimate(new int[] {0}, new int[] {0});
    assertTrue(Double.isNaN(empty.p()));
    assertNull(empty.params());
    // Every unit all-or-nothing: the correlation is as large as the clip allows.
    assertEquals(BetaBinomial.MAX_RHO, BetaBinomial.estimate(new int[] {0, 5, 5}, new int[] {5, 5, 5}).rho());
  }

  @Test
  void midPValuesOfNullDataAreRoughlyUniform() {
    Random sizes = new Random(21);
    int[] n = new int[20000];
    for (int i = 0; i < n.length; i++) n[i] = 5 + sizes.nextInt(36);
    int[] k = simulate(n, 0.3, 0.1, 22);
    BetaBinomial.Params params = BetaBinomial.ofMeanAndRho(0.3, 0.1);
    double sum = 0;
    int below5 = 0;
    int below50 = 0;
    for (int i = 0; i < n.length; i++) {
      double p = BetaBinomial.upperMidP(k[i], n[i], params);
      sum += p;
      if (p < 0.05) below5++;
      if (p < 0.5) below50++;
    }
    assertEquals(0.5, sum / n.length, 0.01);
    assertEquals(0.05, below5 / (double) n.length, 0.01);
    assertEquals(0.5, below50 / (double) n.length, 0.03);
  }
}
