package ru.vpr.detect.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Combines the p-values of several indicators of one unit into one p-value.
 *
 * <p>The Cauchy combination test (ACAT; Liu and Xie 2020, "Cauchy combination test: a powerful
 * test with analytic p-value calculation under arbitrary dependency structures", JASA 115:393)
 * is the main one: {@code T = sum w_i tan((0.5 - p_i) pi) / sum w_i} is standard Cauchy under the
 * null whatever the correlation between the p-values (exactly when independent, asymptotically
 * in the tail otherwise), so {@code p = 0.5 - atan(T) / pi}. Our indicators of one class (mark
 * shares, identical answers, score jumps...) are computed from the same pupils and are
 * correlated in ways we cannot model; ACAT stays valid where Fisher's method would be
 * anti-conservative. It is driven by the smallest p-values: one very small p gives roughly
 * {@code p_min * sum w / w_min}, a Bonferroni-like correction, and many mediocre p-values do not
 * add up to a small one.
 *
 * <p>Fisher's method ({@code -2 sum log p_i ~ chi-square with 2k df}, independence assumed) is
 * there for comparison only.
 *
 * <p>Numerics. p-values are clipped to {@code [MIN_P, MAX_P]}: at exactly 0 or 1 the tangent is
 * infinite. Below {@code ASYMPTOTIC_P} the term {@code tan((0.5 - p) pi)} is taken as its
 * asymptotic form {@code 1 / (p pi)} (as in the authors' code): {@code 0.5 - p} itself would round
 * p away. Elsewhere it is evaluated as {@code 1 / tan(p pi)}, the same identity without the
 * rounding of {@code 0.5 - p}. At the end {@code p = 0.5 - atan(T)/pi} cancels catastrophically
 * for large T, so for {@code T > 0} it is computed as {@code atan(1/T) / pi} (an identity), which
 * is {@code 1 / (T pi)} to double precision once {@code T > 1e15}. Tiny p-values therefore stay
 * tiny: 1e-20 combined with two p-values of 0.5 gives 3e-20.
 *
 * <p>The lower clip is 1e-300, not 1e-15: with a 1e-15 floor every strongly flagged class would
 * get the same combined p and the ranking among them would be lost. Missing p-values (null or
 * NaN) are ignored, as are entries of weight 0; with nothing left the result is NaN. Pure static
 * functions, safe in Spark UDFs.
 */
public final class Combination {
  /** p-values below this are raised to it (p = 0 would give an infinite statistic). */
  public static final double MIN_P = 1e-300;

  /** p-values above this are lowered to it (p = 1 would give an infinite negative statistic). */
  public static final double MAX_P = 1 - 1e-15;

  /** Below this p the Cauchy term is taken as {@code 1 / (p pi)}. */
  public static final double ASYMPTOTIC_P = 1e-15;

  /** Above this statistic the combined p is taken as {@code 1 / (T pi)}. */
  private static final double ASYMPTOTIC_T = 1e15;

  private Combination() {}

  /** The Cauchy combination with equal weights; NaN entries ignored; NaN if none is left. */
  public static double cauchy(double... p) {
    return cauchy(p, null);
  }

  /**
   * The weighted Cauchy combination.
   *
   * @param p p-values in [0, 1] or NaN (ignored)
   * @param weights non-negative finite weights, one per p-value, or null for equal weights; an
   *     entry of weight 0 is ignored
   * @return the combined p-value, or NaN when no p-value with a positive weight is given
   * @throws IllegalArgumentException for a p-value outside [0, 1], a negative, infinite or NaN
   *     weight, or arrays of different lengths
   */
  public static double cauchy(double[] p, double[] weights) {
    Double[] boxed = new Double[p.length];
    for (int i = 0; i < p.length; i++) boxed[i] = p[i];
    return cauchy(boxed, weights);
  }

  /** As {@link #cauchy(double[], double[])}, for nullable p-values (a null is a missing value). */
  public static double cauchy(Double[] p, double[] weights) {
    if (weights != null && weights.length != p.length) {
      throw new IllegalArgumentException("p and weights differ in length: " + p.length + ", " + weights.length);
    }
    double total = 0;
    for (int i = 0; i < p.length; i++) {
      double w = weight(weights, i);
      if (present(p, i)) total += w;
    }
    if (total == 0) return Double.NaN;
    double t = 0;
    for (int i = 0; i < p.length; i++) {
      double w = weight(weights, i);
      if (w > 0 && present(p, i)) t += w / total * cauchyTerm(p[i]);
    }
    if (t > ASYMPTOTIC_T) return 1 / (t * Math.PI);
    if (t > 0) return Math.atan(1 / t) / Math.PI;
    return 0.5 - Math.atan(t) / Math.PI;
  }

  /** {@code tan((0.5 - p) pi)} for a clipped p, without rounding {@code 0.5 - p}. */
  private static double cauchyTerm(double p) {
    double clipped = Math.max(MIN_P, Math.min(MAX_P, p));
    if (clipped < ASYMPTOTIC_P) return 1 / (clipped * Math.PI);
    if (clipped <= 0.5) return 1 / Math.tan(clipped * Math.PI);
    return -1 / Math.tan((1 - clipped) * Math.PI);
  }

  /**
   * Fisher's method: {@code X = -2 sum log p_i} against a chi-square with {@code 2k} degrees of
   * freedom, i.e. the regularized upper incomplete gamma {@code Q(k, X/2)}. Assumes independent
   * p-values. NaN entries ignored, p clipped below at {@link #MIN_P}; NaN if none is given.
   */
  public static double fisher(double... p) {
    Double[] boxed = new Double[p.length];
    for (int i = 0; i < p.length; i++) boxed[i] = p[i];
    return fisher(boxed);
  }

  /** As {@link #fisher(double...)}, for nullable p-values (a null is a missing value). */
  public static double fisher(Double[] p) {
    int k = 0;
    double halfX = 0;
    for (int i = 0; i < p.length; i++) {
      if (!present(p, i)) continue;
      k++;
      halfX -= Math.log(Math.max(MIN_P, p[i]));
    }
    if (k == 0) return Double.NaN;
    return Gamma.regularizedGammaQ(k, halfX);
  }

  private static boolean present(Double[] p, int i) {
    Double value = p[i];
    if (value == null || value.isNaN()) return false;
    if (value < 0 || value > 1) throw new IllegalArgumentException("p-value outside [0, 1]: " + value);
    return true;
  }

  private static double weight(double[] weights, int i) {
    if (weights == null) return 1;
    double w = weights[i];
    if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("bad weight: " + w);
    return w;
  }
}
