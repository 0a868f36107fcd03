package ru.vpr.detect.stats;

import java.io.Serializable;

/**
 * A one-way random-effects model for unit means of a standardised pupil quantity, fitted by the
 * method of moments (DerSimonian and Laird 1986), and the z-score of a unit under it.
 *
 * <p>The model: pupil j of unit i has {@code y_ij = mu + u_i + e_ij}, with the unit effect {@code
 * u_i ~ (0, tau^2)} (schools and teachers genuinely differ) and the pupil noise {@code e_ij ~ (0,
 * sigma^2)}. The mean of a unit of {@code n_i} pupils then has variance {@code tau^2 + sigma^2 /
 * n_i}, and
 *
 * <pre>   z_i = (m_i - mu) / sqrt(tau^2 + sigma^2 / n_i)   ~ N(0, 1) whatever n_i</pre>
 *
 * (normal by the central limit theorem over the pupils and the assumed normal unit effects). That
 * is what makes a class of 8 comparable to a class of 30: {@code (m_i - mu) / sqrt(sigma^2 / n_i)}
 * alone would flag every large class with an ordinarily good teacher (its sd grows like {@code
 * sqrt(1 + n tau^2 / sigma^2)}), and {@code (m_i - mu) / tau} alone would flag every small class
 * for sampling noise.
 *
 * <p>Estimation, with units of {@code n_i >= 1} and a finite mean ({@code K} of them, {@code N}
 * pupils):
 *
 * <ul>
 *   <li>{@code sigma^2 = sum (n_i - 1) s2_i / sum (n_i - 1)}, the pooled within-unit variance over
 *       the units with {@code n_i >= 2} and a finite {@code s2_i} (sample variances, denominator
 *       {@code n_i - 1});
 *   <li>{@code mu = sum w_i m_i / sum w_i} with the fixed-effect weights {@code w_i = 1 / (sigma^2 /
 *       n_i)}, i.e. the pupil-weighted mean;
 *   <li>{@code Q = sum w_i (m_i - mu)^2} and {@code tau^2 = max(0, (Q - (K - 1)) / (sum w_i - sum
 *       w_i^2 / sum w_i))}, which simplifies to {@code max(0, (sum n_i (m_i - mu)^2 - (K - 1)
 *       sigma^2) / (N - sum n_i^2 / N))}.
 * </ul>
 *
 * <p>Caveats: sigma^2 is one pooled value, so a unit whose pupils are unusually alike (or unlike)
 * is not judged by its own spread (that is an indicator of its own); mu, tau^2 and sigma^2 are
 * estimates that include the unit being scored, negligible with the thousands of units of a
 * region but not with a handful; tau^2 is truncated at 0, so with little real between-unit
 * variation it is biased slightly upwards. Pure static functions; the result is an immutable,
 * serializable record that can be captured by a Spark UDF.
 */
public final class RandomEffects {
  private RandomEffects() {}

  /**
   * The fitted model. {@code sigma2} is NaN when no unit has two pupils with a finite variance;
   * {@code mu} when there is no unit; {@code tau2} when either is NaN or there are fewer than two
   * units. {@code units} and {@code pupils} count the units used for mu and tau^2.
   */
  public record Estimate(double mu, double tau2, double sigma2, int units, long pupils) implements Serializable {
    /** {@code sqrt(tau^2 + sigma^2 / n)}: the standard deviation of the mean of a unit of n pupils. */
    public double sd(int n) {
      return n <= 0 ? Double.NaN : Math.sqrt(tau2 + sigma2 / n);
    }

    /** {@code (mean - mu) / sqrt(tau^2 + sigma^2 / n)}: N(0, 1) under the model; NaN for n <= 0. */
    public double z(double mean, int n) {
      return (mean - mu) / sd(n);
    }
  }

  /**
   * The sums the fit needs, unit by unit: what a distributed aggregation adds up (the detection job
   * sums them per work in Spark and calls {@link #estimate()} on each work's row), so the estimate has
   * one implementation whether it runs on arrays or on a table.
   *
   * @param units units with {@code n_i >= 1} and a finite mean
   * @param pupils their {@code sum n_i}
   * @param sumNMean {@code sum n_i m_i}
   * @param sumNMean2 {@code sum n_i m_i^2}
   * @param sumN2 {@code sum n_i^2}
   * @param withinSum {@code sum (n_i - 1) s2_i} over those units with {@code n_i >= 2} and a finite variance
   * @param withinDf {@code sum (n_i - 1)} over the same units
   */
  public record Sums(long units, double pupils, double sumNMean, double sumNMean2, double sumN2, double withinSum,
      double withinDf) implements Serializable {

    /** The fit; see {@link RandomEffects#estimate(int[], double[], double[])} for the formulas and NaN cases. */
    public Estimate estimate() {
      double sigma2 = withinDf == 0 ? Double.NaN : withinSum / withinDf;
      if (units == 0) return new Estimate(Double.NaN, Double.NaN, sigma2, 0, 0);
      double mu = sumNMean / pupils;
      int k = Math.toIntExact(units);
      if (units < 2 || Double.isNaN(sigma2)) return new Estimate(mu, Double.NaN, sigma2, k, (long) pupils);
      // sum n_i (m_i - mu)^2, from the sums; the means are standardised (order 1), so no precision is lost.
      double between = Math.max(0, sumNMean2 - mu * sumNMean);
      double tau2 = Math.max(0, (between - (units - 1) * sigma2) / (pupils - sumN2 / pupils));
      return new Estimate(mu, tau2, sigma2, k, (long) pupils);
    }
  }

  /**
   * Fits the model on unit summaries.
   *
   * @param n pupils per unit; units with {@code n_i <= 0} or a non-finite mean are skipped
   * @param mean the mean of the standardised quantity in each unit
   * @param within the sample variance within each unit (denominator {@code n_i - 1}); NaN for a
   *     unit of one pupil is fine
   */
  public static Estimate estimate(int[] n, double[] mean, double[] within) {
    if (n.length != mean.length || n.length != within.length) {
      throw new IllegalArgumentException("n, mean and within differ in length");
    }
    long units = 0;
    double pupils = 0;
    double sumNMean = 0;
    double sumNMean2 = 0;
    double sumN2 = 0;
    double withinSum = 0;
    double withinDf = 0;
    for (int i = 0; i < n.length; i++) {
      if (!used(n[i], mean[i])) continue;
      units++;
      pupils += n[i];
      sumNMean += n[i] * mean[i];
      sumNMean2 += n[i] * mean[i] * mean[i];
      sumN2 += (double) n[i] * n[i];
      if (n[i] >= 2 && Double.isFinite(within[i])) {
        if (within[i] < 0) throw new IllegalArgumentException("negative variance: " + within[i]);
        withinSum += (n[i] - 1) * within[i];
        withinDf += n[i] - 1;
      }
    }
    return new Sums(units, pupils, sumNMean, sumNMean2, sumN2, withinSum, withinDf).estimate();
  }

  /** {@code (mean - mu) / sqrt(tau^2 + sigma^2 / n)} under a fitted model; see {@link Estimate#z}. */
  public static double z(double mean, int n, Estimate model) {
    return model.z(mean, n);
  }

  private static boolean used(int n, double mean) {
    return n > 0 && Double.isFinite(mean);
  }
}
