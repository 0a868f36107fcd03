package ru.vpr.detect.stats;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The upper tail {@code P(X >= c)} of a Poisson({@code lambda}) count.
 *
 * <p>Used for "c pupils of a class share an identical score vector whose regional frequency is
 * f": the number of pupils of a class of n who hit one given vector is close to Poisson with mean
 * {@code n f}, and for rare vectors that mean is tiny (1e-9 is ordinary) while c may reach the
 * class size. {@code 1 - cdf(c - 1)} is useless there (it is exactly 0 in double precision as
 * soon as the tail is below 1e-16), so the tail is summed from its own side.
 *
 * <p>For {@code lambda < c} the tail is {@code exp(-lambda) lambda^c / c! * S} with the series
 * {@code S = sum_{j >= 0} lambda^j c! / (c + j)!}, whose terms fall at least by the factor
 * {@code lambda / (c + 1) < 1}: no cancellation, full relative precision, and computed as a
 * logarithm so it does not underflow. For {@code lambda >= c} the tail is at least about one half
 * and commons-math's regularized gamma function {@code P(c, lambda)} (the same quantity) is used.
 *
 * <p>Caveats: through the logarithm the relative error of {@link #upperTail} is about {@code |log
 * P| * 1e-16} (1e-13 at worst for tails still in the double range), not one ulp. A tail below
 * about 4.9e-324 (e.g. {@code c = 40, lambda = 1e-9} gives about 1e-408) is not a double; {@link
 * #upperTail} returns 0 there and {@link #logUpperTail} keeps the exact value. Pure static
 * functions, safe in Spark UDFs.
 */
public final class PoissonTail {
  private static final int MAX_TERMS = 100_000;

  private PoissonTail() {}

  /**
   * {@code P(X >= c)} for {@code X ~ Poisson(lambda)}: 1 for {@code c <= 0}, 0 for {@code lambda
   * = 0 < c}, NaN for a negative or NaN {@code lambda}. May underflow to 0, see {@link
   * #logUpperTail}.
   */
  public static double upperTail(int c, double lambda) {
    return Math.exp(logUpperTail(c, lambda));
  }

  /** The natural logarithm of {@link #upperTail}, finite down to tails far below the double range. */
  public static double logUpperTail(int c, double lambda) {
    if (!(lambda >= 0)) return Double.NaN;
    if (c <= 0) return 0;
    if (lambda == 0) return Double.NEGATIVE_INFINITY;
    if (lambda == Double.POSITIVE_INFINITY) return 0;
    if (lambda >= c) return Math.log(Gamma.regularizedGammaP(c, lambda));
    double series = 1;
    double term = 1;
    for (int j = 1; j <= MAX_TERMS; j++) {
      term *= lambda / (c + j);
      series += term;
      if (term < 1e-17 * series) break;
    }
    return -lambda + c * Math.log(lambda) - CombinatoricsUtils.factorialLog(c) + Math.log(series);
  }
}
