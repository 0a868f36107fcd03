package ru.vpr.detect;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.api.java.UDF7;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import ru.vpr.detect.stats.BetaBinomial;
import ru.vpr.detect.stats.RandomEffects;

/**
 * The estimators of {@code detect.stats}, as Spark functions over a work's summed class rows: Spark
 * adds up each estimator's sufficient sums per work (built-in aggregates, pupil-free), and these turn
 * each work's row into its estimate with the very code the unit tests check. They run once per work
 * or level band, never per class. Null sums (no class in the group) count as zero; NaN estimates come
 * out as null.
 */
final class WorkEstimates {
  private WorkEstimates() {}

  static final StructType RANDOM_EFFECTS_TYPE = new StructType()
      .add("mu", DataTypes.DoubleType).add("tau2", DataTypes.DoubleType).add("sigma2", DataTypes.DoubleType);

  static final StructType BETA_BINOMIAL_TYPE = new StructType()
      .add("p", DataTypes.DoubleType).add("rho", DataTypes.DoubleType).add("units", DataTypes.LongType);

  /** {@link RandomEffects.Sums#estimate()} of (units, pupils, sum n m, sum n m^2, sum n^2, within sum, within df). */
  static final UserDefinedFunction RANDOM_EFFECTS = udf(
      (UDF7<Long, Double, Double, Double, Double, Double, Double, Row>) (k, n, nm, nm2, n2, ws, wdf) -> {
        RandomEffects.Estimate e = new RandomEffects.Sums(orZero(k), orZero(n), orZero(nm), orZero(nm2), orZero(n2),
            orZero(ws), orZero(wdf)).estimate();
        return RowFactory.create(orNull(e.mu()), orNull(e.tau2()), orNull(e.sigma2()));
      }, RANDOM_EFFECTS_TYPE);

  /** {@link BetaBinomial.Sums#estimate()} of (units, trials, sum k, sum k^2 / n, sum n^2). */
  static final UserDefinedFunction BETA_BINOMIAL = udf(
      (UDF5<Long, Double, Double, Double, Double, Row>) (m, n, k, k2n, n2) -> {
        BetaBinomial.Estimate e = new BetaBinomial.Sums(orZero(m), orZero(n), orZero(k), orZero(k2n), orZero(n2)).estimate();
        return RowFactory.create(orNull(e.p()), orNull(e.rho()), (long) e.units());
      }, BETA_BINOMIAL_TYPE);

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }

  private static double orZero(Double v) {
    return v == null ? 0 : v;
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
