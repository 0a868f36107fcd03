package ru.vpr.detect.bunching;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * A smooth curve through a histogram: the Poisson regression {@code log E[count_s] = sum_j beta_j t_s^j}
 * of the counts of some bins on a polynomial of the score, {@code t} the score scaled to [-1, 1] so that
 * the powers stay well conditioned. Fitted by iteratively reweighted least squares. Poisson rather
 * than least squares on the counts: the curve stays positive, and a bin of 3 pupils weighs as little
 * as its noise says, a bin of 3,000 as much.
 */
final class PoissonCurve {
  private static final int MAX_ITERATIONS = 60;
  private static final double TOLERANCE = 1e-10;
  /** A whisper of ridge keeps the normal equations solvable on an unlucky set of bins. */
  private static final double RIDGE = 1e-8;

  /** The curve's expected count at each score of the histogram: evaluated once, read many times. */
  private final double[] values;

  private PoissonCurve(double[] values) {
    this.values = values;
  }

  /**
   * @param counts pupils per score, index = score
   * @param use which bins the curve is fitted to (the others are only predicted)
   * @param degree of the polynomial; needs at least {@code degree + 1} bins in use
   * @return the curve, or null when it cannot be fitted (too few bins, no pupils)
   */
  static PoissonCurve fit(double[] counts, boolean[] use, int degree) {
    return fit(counts, use, degree, null);
  }

  /**
   * The curve {@code base_s * exp(polynomial)}: a histogram of part of the pupils (a band of them) as the
   * whole histogram's curve reshaped by a low-degree polynomial, {@code log base} entering as a fixed
   * offset. The base carries the shape over the windows, where the part alone has no counts to go by.
   *
   * @param base the whole histogram's curve at each score (positive), or null for none
   */
  static PoissonCurve fit(double[] counts, boolean[] use, int degree, double[] base) {
    double[] offset = null;
    if (base != null) {
      offset = new double[base.length];
      for (int s = 0; s < base.length; s++) offset[s] = Math.log(Math.max(base[s], 1e-12));
    }
    int bins = counts.length;
    int used = 0;
    double total = 0;
    for (int s = 0; s < bins; s++) {
      if (use[s]) {
        used++;
        total += counts[s];
      }
    }
    int p = degree + 1;
    if (used < p || total <= 0) return null;
    double center = (bins - 1) / 2.0;
    double halfRange = Math.max(0.5, (bins - 1) / 2.0);
    double[] beta = new double[p];
    double baseTotal = 0;
    for (int s = 0; s < bins; s++) if (use[s] && offset != null) baseTotal += Math.exp(offset[s]);
    beta[0] = offset == null ? Math.log(total / used) : Math.log(Math.max(total, 1e-9) / Math.max(baseTotal, 1e-9));
    double[] t = new double[p];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[][] xtwx = new double[p][p];
      double[] xtwz = new double[p];
      for (int s = 0; s < bins; s++) {
        if (!use[s]) continue;
        powers((s - center) / halfRange, t);
        double eta = dot(beta, t) + (offset == null ? 0 : offset[s]);
        double mu = Math.exp(Math.min(eta, 700));
        // Working response and weight of the Poisson log link.
        double z = eta - (offset == null ? 0 : offset[s]) + (counts[s] - mu) / Math.max(mu, 1e-12);
        double w = Math.max(mu, 1e-12);
        for (int i = 0; i < p; i++) {
          xtwz[i] += w * t[i] * z;
          for (int j = 0; j < p; j++) xtwx[i][j] += w * t[i] * t[j];
        }
      }
      for (int i = 0; i < p; i++) xtwx[i][i] += RIDGE * (1 + xtwx[i][i]);
      double[] next = solve(xtwx, xtwz);
      if (next == null) return null;
      double change = 0;
      for (int i = 0; i < p; i++) change = Math.max(change, Math.abs(next[i] - beta[i]));
      beta = next;
      if (change < TOLERANCE) break;
    }
    for (double b : beta) if (!Double.isFinite(b)) return null;
    double[] values = new double[bins];
    for (int s = 0; s < bins; s++) {
      powers((s - center) / halfRange, t);
      values[s] = Math.exp(Math.min(dot(beta, t) + (offset == null ? 0 : offset[s]), 700));
    }
    return new PoissonCurve(values);
  }

  /** The curve's expected count at a score. */
  double at(int score) {
    return values[score];
  }

  /** The curve's expected pupils over {@code from .. to} (none when to < from). */
  double sum(int from, int to) {
    double sum = 0;
    for (int s = from; s <= to; s++) sum += values[s];
    return sum;
  }

  private static void powers(double x, double[] out) {
    double v = 1;
    for (int i = 0; i < out.length; i++) {
      out[i] = v;
      v *= x;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  /** The normal equations' solution; null when they are singular. */
  private static double[] solve(double[][] a, double[] b) {
    try {
      return new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(b, false))
          .toArray();
    } catch (SingularMatrixException e) {
      return null;
    }
  }
}
