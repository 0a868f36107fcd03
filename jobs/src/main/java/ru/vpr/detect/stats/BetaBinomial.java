package ru.vpr.detect.stats;

import java.io.Serializable;
import org.apache.commons.math3.special.Beta;

/**
 * Tail probabilities of the beta-binomial distribution, and the moment estimate of its
 * overdispersion from many units.
 *
 * <p>Why beta-binomial: the number of pupils of a class who, say, reach a mark threshold is not
 * binomial over the region. Classes differ (school, teacher, intake), so the pupils of one class
 * are correlated and the counts are overdispersed. With a binomial null every large class with a
 * good teacher would look "significant". The beta-binomial with intra-class correlation
 * {@code rho} estimated from the region itself absorbs that honest variation, so only counts that
 * are extreme even after it are flagged.
 *
 * <p>Why mid-p: counts are discrete, and the ordinary p-value {@code P(K >= k)} is conservative
 * (its mean under the null is above 0.5), the more so the smaller the class. The mid-p
 * {@code P(K > k) + P(K = k) / 2} has mean exactly 0.5 under the null whatever n, so p-values of
 * classes of 8 and of 30 pupils can be combined and compared.
 *
 * <p>Everything is a pure static function of its arguments (no state; the parameters are a small
 * serializable record), so it can be called from Spark UDFs. The tails are exact: the pmf is summed term by
 * term in log space ({@code n} is a class size, at most a few hundred; the cost is O(n)).
 */
public final class BetaBinomial {
  /** At or below this {@code rho} the distribution is treated as binomial (alpha, beta -> infinity). */
  public static final double BINOMIAL_RHO = 1e-6;

  /** The estimate of {@code rho} is clipped to {@code [0, MAX_RHO]}. */
  public static final double MAX_RHO = 0.99;

  private BetaBinomial() {}

  /**
   * A beta-binomial law for one trial count, by its mean {@code p} and intra-class correlation
   * {@code rho} (the correlation of two pupils of the same unit). {@code alpha = p (1 - rho) / rho},
   * {@code beta = (1 - p)(1 - rho) / rho}, and conversely {@code p = alpha / (alpha + beta)},
   * {@code rho = 1 / (alpha + beta + 1)}. {@code rho <= BINOMIAL_RHO} means the plain binomial.
   * {@code p} of exactly 0 or 1 is a point mass at 0 or at n.
   */
  public record Params(double p, double rho) implements Serializable {
    public Params {
      if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1]: " + p);
      if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("rho must be in [0, 1): " + rho);
    }

    /** {@code p (1 - rho) / rho}; infinite in the binomial case. */
    public double alpha() {
      return isBinomial() ? Double.POSITIVE_INFINITY : p * (1 - rho) / rho;
    }

    /** {@code (1 - p)(1 - rho) / rho}; infinite in the binomial case. */
    public double beta() {
      return isBinomial() ? Double.POSITIVE_INFINITY : (1 - p) * (1 - rho) / rho;
    }

    /** True when {@code rho <= BINOMIAL_RHO}: the binomial pmf is used. */
    public boolean isBinomial() {
      return rho <= BINOMIAL_RHO;
    }
  }

  /**
   * The moment estimate from many units: {@code p} the pooled proportion {@code sum k / sum n},
   * {@code rho} the intra-class correlation, {@code units} and {@code trials} the units with
   * {@code n > 0} and their total n. {@code rho} is NaN when it cannot be estimated (see {@link
   * #estimate}); {@code p} is NaN when there is no trial at all.
   */
  public record Estimate(double p, double rho, int units, long trials) implements Serializable {
    /**
     * The law for a new unit, or null when {@code p} or {@code rho} is NaN. An estimate at p of 0
     * or 1 gives a point mass (every count is then either certain or impossible).
     */
    public Params params() {
      return Double.isNaN(p) || Double.isNaN(rho) ? null : new Params(p, rho);
    }
  }

  /** The law of mean {@code p} and intra-class correlation {@code rho} (see {@link Params}). */
  public static Params ofMeanAndRho(double p, double rho) {
    return new Params(p, rho);
  }

  /** The law with shape parameters {@code alpha, beta > 0}. */
  public static Params ofShape(double alpha, double beta) {
    if (!(alpha > 0 && beta > 0 && alpha < Double.POSITIVE_INFINITY && beta < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("alpha and beta must be positive and finite: " + alpha + ", " + beta);
    }
    return new Params(alpha / (alpha + beta), 1 / (alpha + beta + 1));
  }

  /**
   * {@code log P(K = k)} for {@code K ~ BetaBinomial(n, params)}: {@code -infinity} for k outside
   * {@code [0, n]}; {@code n = 0} gives 0 at k = 0 (the empty unit certainly has no success).
   *
   * <p>Written entirely with {@link Beta#logBeta}: {@code C(n, k) = 1 / ((n + 1) B(k + 1, n - k +
   * 1))}, so {@code log P = logB(k + a, n - k + b) - logB(a, b) - log(n + 1) - logB(k + 1, n - k +
   * 1)}, O(1) per term.
   */
  public static double logPmf(int k, int n, Params params) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0: " + n);
    if (k < 0 || k > n) return Double.NEGATIVE_INFINITY;
    if (n == 0) return 0;
    double p = params.p();
    if (p == 0) return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
    if (p == 1) return k == n ? 0 : Double.NEGATIVE_INFINITY;
    double logChoose = -Math.log(n + 1.0) - Beta.logBeta(k + 1.0, n - k + 1.0);
    if (params.isBinomial()) {
      return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }
    double a = params.alpha();
    double b = params.beta();
    return logChoose + Beta.logBeta(k + a, n - k + b) - Beta.logBeta(a, b);
  }

  /** {@code P(K = k)}; see {@link #logPmf}. */
  public static double pmf(int k, int n, Params params) {
    return Math.exp(logPmf(k, n, params));
  }

  /**
   * The upper-tail mid-p value {@code P(K > k) + P(K = k) / 2}: small when k is unusually large.
   *
   * @return the mid-p in [0, 1]; NaN when {@code n == 0} (an empty unit carries no evidence)
   * @throws IllegalArgumentException when {@code k < 0}, {@code k > n} or {@code n < 0}: a count
   *     outside its unit is a bug upstream, not data
   */
  public static double upperMidP(int k, int n, Params params) {
    checkCount(k, n);
    if (n == 0) return Double.NaN;
    return tail(k, n, params, k + 1, n);
  }

  /**
   * The lower-tail mid-p value {@code P(K < k) + P(K = k) / 2}: small when k is unusually small.
   * {@code lowerMidP + upperMidP = 1} (up to rounding), but each is summed from its own side so a
   * tiny value keeps its relative precision.
   *
   * @return the mid-p in [0, 1]; NaN when {@code n == 0}
   * @throws IllegalArgumentException as {@link #upperMidP}
   */
  public static double lowerMidP(int k, int n, Params params) {
    checkCount(k, n);
    if (n == 0) return Double.NaN;
    return tail(k, n, params, 0, k - 1);
  }

  /** {@link #upperMidP(int, int, Params)} for the law of mean {@code p} and correlation {@code rho}. */
  public static double upperMidP(int k, int n, double p, double rho) {
    return upperMidP(k, n, ofMeanAndRho(p, rho));
  }

  /** {@link #lowerMidP(int, int, Params)} for the law of mean {@code p} and correlation {@code rho}. */
  public static double lowerMidP(int k, int n, double p, double rho) {
    return lowerMidP(k, n, ofMeanAndRho(p, rho));
  }

  /** Half the mass at k plus the mass on {@code [from, to]}, summed by log-sum-exp. */
  private static double tail(int k, int n, Params params, int from, int to) {
    int terms = Math.max(0, to - from + 1);
    double[] logTerms = new double[terms + 1];
    logTerms[terms] = logPmf(k, n, params) + Math.log(0.5);
    double max = logTerms[terms];
    for (int j = 0; j < terms; j++) {
      logTerms[j] = logPmf(from + j, n, params);
      max = Math.max(max, logTerms[j]);
    }
    if (max == Double.NEGATIVE_INFINITY) return 0;
    double sum = 0;
    for (double t : logTerms) sum += Math.exp(t - max);
    return Math.min(1.0, Math.exp(max + Math.log(sum)));
  }

  private static void checkCount(int k, int n) {
    if (n < 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n, got k = " + k + ", n = " + n);
    }
  }

  /**
   * The ANOVA (method-of-moments) estimate of the intra-class correlation of overdispersed binomial
   * counts, as in Fleiss (1981) and Ridout, Demétrio and Firth (1999, "Estimating intraclass
   * correlation for binary data"). With {@code N = sum n_i}, {@code K} units with {@code n_i > 0}:
   *
   * <pre>
   *   MSB = (sum k_i^2 / n_i - (sum k_i)^2 / N) / (K - 1)
   *   MSW = (sum k_i - sum k_i^2 / n_i) / (N - K)
   *   n0  = (N - sum n_i^2 / N) / (K - 1)
   *   rho = (MSB - MSW) / (MSB + (n0 - 1) MSW)          clipped to [0, MAX_RHO]
   * </pre>
   *
   * Units with {@code n_i = 0} are skipped. {@code rho} is NaN when it is not identified: fewer
   * than two units, every unit of size 1 ({@code N = K}, no within-unit pairs), or a pooled
   * proportion of exactly 0 or 1 (no variation at all). The estimate is slightly biased downwards
   * for few units; with the thousands of classes of a region that is negligible.
   *
   * @param k successes per unit (0 <= k_i <= n_i)
   * @param n trials per unit
   */
  public static Estimate estimate(int[] k, int[] n) {
    if (k.length != n.length) throw new IllegalArgumentException("k and n differ in length");
    long units = 0;
    double trials = 0;
    double sumK = 0;
    double sumK2OverN = 0;
    double sumN2 = 0;
    for (int i = 0; i < k.length; i++) {
      checkCount(k[i], n[i]);
      if (n[i] == 0) continue;
      units++;
      trials += n[i];
      sumK += k[i];
      sumK2OverN += (double) k[i] * k[i] / n[i];
      sumN2 += (double) n[i] * n[i];
    }
    return new Sums(units, trials, sumK, sumK2OverN, sumN2).estimate();
  }

  /**
   * The sums {@link #estimate(int[], int[])} needs, over the units with {@code n_i > 0}: what a
   * distributed aggregation adds up (the detection job sums them per work in Spark and calls {@link
   * #estimate()} on each work's row), so the estimator has one implementation.
   *
   * @param units units with {@code n_i > 0}
   * @param trials {@code N = sum n_i}
   * @param sumK {@code sum k_i}
   * @param sumK2OverN {@code sum k_i^2 / n_i}
   * @param sumN2 {@code sum n_i^2}
   */
  public record Sums(long units, double trials, double sumK, double sumK2OverN, double sumN2) implements Serializable {
    /** The ANOVA estimate; see {@link BetaBinomial#estimate(int[], int[])}. */
    public Estimate estimate() {
      if (trials == 0) return new Estimate(Double.NaN, Double.NaN, 0, 0);
      int m = Math.toIntExact(units);
      double p = sumK / trials;
      if (units < 2 || trials == units || p == 0 || p == 1) return new Estimate(p, Double.NaN, m, (long) trials);
      double msb = (sumK2OverN - sumK * sumK / trials) / (units - 1);
      double msw = (sumK - sumK2OverN) / (trials - units);
      double n0 = (trials - sumN2 / trials) / (units - 1);
      double rho = (msb - msw) / (msb + (n0 - 1) * msw);
      return new Estimate(p, Math.max(0, Math.min(MAX_RHO, rho)), m, (long) trials);
    }
  }
}
