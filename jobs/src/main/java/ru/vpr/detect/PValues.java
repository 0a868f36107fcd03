package ru.vpr.detect;

import static org.apache.spark.sql.functions.udf;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import ru.vpr.detect.stats.BetaBinomial;
import ru.vpr.detect.stats.PoissonTail;

/**
 * The tail probabilities the signals need, as Spark functions over class-level rows. Spark has no
 * built-in normal, chi-square, Poisson or beta-binomial distribution functions, so these are UDFs;
 * they only ever run on one row per class, never on pupil rows. Null in, null out.
 */
final class PValues {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private PValues() {}

  /** P(Z >= z) for a standard normal Z. */
  static final UserDefinedFunction NORMAL_UPPER = udf(
      (UDF1<Double, Double>) z -> z == null || z.isNaN() ? null : NORMAL.cumulativeProbability(-z),
      DataTypes.DoubleType);

  /** P(X <= stat) for X chi-square with df degrees of freedom (too little spread). */
  static final UserDefinedFunction CHI_SQUARE_LOWER = udf(
      (UDF2<Double, Long, Double>) (stat, df) -> stat == null || df == null || df < 1 || stat.isNaN() ? null
          : new ChiSquaredDistribution(null, df, 1e-12).cumulativeProbability(stat),
      DataTypes.DoubleType);

  /** P(X >= c) for X ~ Poisson(lambda). */
  static final UserDefinedFunction POISSON_AT_LEAST = udf(
      (UDF2<Double, Long, Double>) (lambda, c) -> lambda == null || c == null ? null : PoissonTail.upperTail(c.intValue(), lambda),
      DataTypes.DoubleType);

  /** Upper mid-p of k successes out of n under a beta-binomial with mean p and intra-class correlation rho. */
  static final UserDefinedFunction BETA_BINOMIAL_UPPER = udf(
      (UDF4<Long, Long, Double, Double, Double>) (k, n, p, rho) -> k == null || n == null || p == null || rho == null || n < 1
          ? null : BetaBinomial.upperMidP(k.intValue(), n.intValue(), p, rho),
      DataTypes.DoubleType);

  /** Lower mid-p: too few successes (too few tasks left blank). */
  static final UserDefinedFunction BETA_BINOMIAL_LOWER = udf(
      (UDF4<Long, Long, Double, Double, Double>) (k, n, p, rho) -> k == null || n == null || p == null || rho == null || n < 1
          ? null : BetaBinomial.lowerMidP(k.intValue(), n.intValue(), p, rho),
      DataTypes.DoubleType);

  /**
   * Cauchy combination (ACAT) of the non-null p-values of an array: valid whatever the dependence
   * between them, and led by the strongest, so one clear signal is not diluted by ordinary ones.
   */
  static UserDefinedFunction combine(double cap) {
    return udf(
        (UDF1<scala.collection.Seq<Object>, Double>) ps -> {
          if (ps == null) return null;
          double[] values = scala.jdk.javaapi.CollectionConverters.asJava(ps).stream().filter(java.util.Objects::nonNull)
              .mapToDouble(o -> ((Number) o).doubleValue()).toArray();
          double combined = RiskScoring.combine(cap, values);
          return Double.isNaN(combined) ? null : combined;
        },
        DataTypes.DoubleType);
  }

  /** The z whose upper tail is p: evidence on one scale for every signal (0 = as expected). */
  static final UserDefinedFunction PROBIT_UPPER = udf(
      (UDF1<Double, Double>) p -> p == null || p.isNaN() ? null
          : -NORMAL.inverseCumulativeProbability(Math.min(1 - 1e-15, Math.max(1e-15, p))),
      DataTypes.DoubleType);
}
