package ru.vpr.detect.stats;

import java.io.Serializable;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Location and scatter of d-dimensional evidence vectors, from sums a distributed aggregation adds
 * up, and the distances the outlier model scores with.
 *
 * <p>Robustness comes from trimming: fit on every vector, drop those whose squared distance passes
 * the chi-square quantile {@code keep} of d degrees of freedom, refit on the rest, and repeat (the
 * concentration steps of Rousseeuw and Van Driessen's FAST-MCD, with a chi-square cut instead of a
 * fixed half). Trimming a normal sample at that quantile shrinks its covariance by {@code P(chi2(d +
 * 2) <= q) / keep}; {@link #consistency} undoes it. Without trimming, the manipulated classes
 * themselves widen the covariance and hide among it.
 *
 * <p>The one-sided distance counts only the directions where the evidence is suspicious: the
 * evidence of every signal is the z of its upper-tail p-value, so a class far on the harmless side
 * (more blanks than usual, fewer pupils on the cut) is not an outlier of the kind a commission looks
 * for. Its law under the model is the chi-bar-square of one-sided tests: with independent coordinates
 * each is on the suspicious side with probability 1/2, so {@code P(D >= c) = sum_k C(d, k) 2^-d
 * P(chi2(k) >= c)} ({@link #oneSidedTail}), exact for a diagonal covariance and an approximation
 * otherwise. Pure functions; the fitted model is serializable.
 */
public final class Scatter {
  private Scatter() {}

  /** A fitted location and the inverse of its ridge-regularised covariance, row-major. */
  public record Model(double[] mean, double[] inverse) implements Serializable {
    public int dimension() {
      return mean.length;
    }
  }

  /**
   * The mean and the (n - 1)-denominator covariance from {@code n}, the coordinate sums and the sums
   * of products {@code products[i][j]} (only {@code j >= i} is read), scaled by {@code scale}, with
   * {@code ridge + ridge * variance} added to each variance (a signal that never fires in a group has
   * none, and must not make the matrix singular). Null when {@code n < d + 2}.
   */
  public static Model fit(long n, double[] sums, double[][] products, double scale, double ridge) {
    int d = sums.length;
    if (n < d + 2) return null;
    double[] mean = new double[d];
    for (int i = 0; i < d; i++) mean[i] = sums[i] / n;
    RealMatrix cov = new Array2DRowRealMatrix(d, d);
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double c = scale * (products[i][j] - n * mean[i] * mean[j]) / (n - 1);
        cov.setEntry(i, j, c);
        cov.setEntry(j, i, c);
      }
    }
    for (int i = 0; i < d; i++) cov.addToEntry(i, i, ridge + ridge * cov.getEntry(i, i));
    RealMatrix inverse = new LUDecomposition(cov).getSolver().getInverse();
    double[] flat = new double[d * d];
    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) flat[i * d + j] = inverse.getEntry(i, j);
    return new Model(mean, flat);
  }

  /** The chi-square quantile of d degrees of freedom at {@code keep}: the trimming cut of squared distances. */
  public static double cut(int d, double keep) {
    return new ChiSquaredDistribution(null, d, 1e-12).inverseCumulativeProbability(keep);
  }

  /** The factor that makes the covariance of a normal sample trimmed at {@link #cut} consistent again. */
  public static double consistency(int d, double keep) {
    return keep / new ChiSquaredDistribution(null, d + 2, 1e-12).cumulativeProbability(cut(d, keep));
  }

  /**
   * {@code P(D >= c)} for the one-sided squared distance of a d-dimensional standard normal vector:
   * the chi-bar-square mixture {@code sum_{k=1..d} C(d, k) 2^-d P(chi2(k) >= c)} (the k = 0 term is a
   * point mass at 0, counted for c <= 0). 1 for {@code c <= 0}.
   */
  public static double oneSidedTail(double c, int d) {
    if (!(c > 0)) return 1.0;
    double total = 0;
    double weight = Math.pow(0.5, d); // C(d, 0) 2^-d
    for (int k = 1; k <= d; k++) {
      weight = weight * (d - k + 1) / k;
      total += weight * (1 - new ChiSquaredDistribution(null, k, 1e-12).cumulativeProbability(c));
    }
    return Math.min(1.0, total);
  }

  /** {@code (x - m)' S^-1 (x - m)}. */
  public static double distance(double[] x, Model model) {
    return quadratic(difference(x, model, false), model.inverse());
  }

  /** The same with every coordinate below its mean set to the mean: only the suspicious side counts. */
  public static double oneSidedDistance(double[] x, Model model) {
    return quadratic(difference(x, model, true), model.inverse());
  }

  private static double[] difference(double[] x, Model model, boolean upperOnly) {
    double[] diff = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      diff[i] = x[i] - model.mean()[i];
      if (upperOnly && diff[i] < 0) diff[i] = 0;
    }
    return diff;
  }

  private static double quadratic(double[] diff, double[] inverse) {
    int d = diff.length;
    double total = 0;
    for (int i = 0; i < d; i++) {
      double row = 0;
      for (int j = 0; j < d; j++) row += inverse[i * d + j] * diff[j];
      total += diff[i] * row;
    }
    return total;
  }
}
