package ru.vpr.bench.report;

/**
 * Least squares line through (ln size, ln time): time grows as size to the {@code exponent}. An
 * exponent of 1 is linear growth; a fixed start-up cost pulls it below 1 at small sizes, which is why
 * the report also fits the times less the start-up.
 *
 * @param r2 the share of the variance of ln time the line explains
 */
public record PowerFit(double exponent, double intercept, double r2, int points) {

  public static PowerFit of(double[] sizes, double[] times) {
    if (sizes.length != times.length || sizes.length < 2) {
      throw new IllegalArgumentException("a fit needs two points or more");
    }
    int n = sizes.length;
    double[] x = new double[n], y = new double[n];
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
      if (sizes[i] <= 0 || times[i] <= 0) throw new IllegalArgumentException("sizes and times must be positive");
      x[i] = Math.log(sizes[i]);
      y[i] = Math.log(times[i]);
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxx = 0, sxy = 0, syy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
      syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0) throw new IllegalArgumentException("a fit needs two different sizes");
    double slope = sxy / sxx;
    double r2 = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy);
    return new PowerFit(slope, my - slope * mx, r2, n);
  }
}
