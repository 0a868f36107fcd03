package ru.vpr.detect.bunching;

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

  private final double[] beta;
  private final double center;
  private final double halfRange;
  /** log of a base curve the polynomial multiplies (null: none); see {@link #fit(double[], boolean[], int, double[])}. */
  private final double[] offset;

  private PoissonCurve(double[] beta, double center, double halfRange, double[] offset) {
    this.beta = beta;
    this.center = center;
    this.halfRange = halfRange;
    this.offset = offset;
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
    return new PoissonCurve(beta, center, halfRange, offset);
  }

  /** The curve's expected count at a score. */
  double at(int score) {
    double[] t = new double[beta.length];
    powers((score - center) / halfRange, t);
    return Math.exp(Math.min(dot(beta, t) + (offset == null ? 0 : offset[score]), 700));
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

  /** Gaussian elimination with partial pivoting; null when the system is singular. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
      if (Math.abs(m[pivot][col]) < 1e-300) return null;
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) m[r][c] -= f * m[col][c];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) s -= m[r][c] * x[c];
      x[r] = s / m[r][r];
    }
    return x;
  }
}
