package ru.vpr.detect;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/**
 * S2, pupils pushed over a mark cut, judged against the counterfactual ({@link
 * ru.vpr.detect.bunching.Bunching}) instead of the region's observed rates: in a region where most
 * schools push, the region's share on a cut is itself inflated and hides every pusher.
 *
 * <p>Per class, over the windows of the real cuts: of the pupils in a window, how many are on or just
 * above its cut ({@code on_cut}), against the share the counterfactual expects of this class's own
 * pupils there. A pushed pupil leaves the hole below and joins the cut, so the one count carries both.
 * The test is beta-binomial: classes differ from the curve by more than chance (teachers, a strong year),
 * and by how much is measured where no mark changes, in the placebo windows of the same work, where
 * honest and pushing classes alike stray only that way. A work without placebo windows (WorkCounterfactual
 * makes some wherever the curve was fitted) takes the real windows, whose spread pushing inflates: the
 * test is then only more cautious.
 */
final class CutSignal {
  private CutSignal() {}

  /**
   * @param classCuts Bunching's class × window rows
   * @return per class (Strata.CLASS): on_cut, expected_on_cut, below_cut, expected_below_cut, pushed,
   *     s2_expected (the class's expected share on the cut in its windows) and s2_rho (its work's, among classes)
   */
  static Dataset<Row> of(Dataset<Row> classCuts, double maxRho) {
    return of(classCuts, Strata.CLASS, maxRho);
  }

  /**
   * The same per school × work (Strata.SCHOOL_WORK), its classes' pupils pooled: a school that pushes
   * in three classes of 9 shows it in 27 pupils, where each class alone is thin evidence. Its
   * overdispersion is measured among schools, in the same placebo windows.
   */
  static Dataset<Row> schoolWorks(Dataset<Row> classCuts, double maxRho) {
    return of(classCuts, Strata.SCHOOL_WORK, maxRho);
  }

  /** The school × work's own S2 p-value (its pooled pupils), for every school × work with a pupil in a window. */
  static Dataset<Row> schoolWorkP(Dataset<Row> classCuts, double maxRho) {
    return schoolWorks(classCuts, maxRho).where(testable())
        .select(col("year"), col("subject"), col("grade"), col("login"), tail().as("school_s2_p"));
  }

  private static Dataset<Row> of(Dataset<Row> classCuts, java.util.List<String> unit, double maxRho) {
    Dataset<Row> real = windowSums(classCuts.where(col("cut_mark").gt(0)), unit);
    Dataset<Row> placebo = windowSums(classCuts.where(col("cut_mark").equalTo(0)), unit);
    Dataset<Row> rho = rho(placebo, maxRho).join(rho(real, maxRho).withColumnRenamed("s2_rho", "_real_rho"), Columns.seq(Strata.WORK), "full")
        .select(col("year"), col("subject"), col("grade"), coalesce(col("s2_rho"), col("_real_rho")).as("s2_rho"));
    Column excessOn = col("on_cut").minus(col("expected_on_cut"));
    Column missingBelow = col("expected_below_cut").minus(col("below_cut"));
    return real.join(broadcast(rho), Columns.seq(Strata.WORK), "left")
        .withColumn("pushed", greatest(lit(0.0), excessOn.plus(missingBelow).divide(2)))
        .select(Columns.cols(Strata.plus(unit, "on_cut", "expected_on_cut", "below_cut", "expected_below_cut", "pushed",
            "s2_expected", "s2_rho")));
  }

  /** Upper mid-p of the class's pupils on the cuts, for scored classes with a pupil in a window. */
  static Column p() {
    return when(col("scored").and(testable()), tail());
  }

  /** A pupil in a window and an expected share to test against. */
  private static Column testable() {
    return col("on_cut").plus(col("below_cut")).gt(0).and(col("s2_expected").isNotNull());
  }

  /** Beta-binomial upper mid-p of on_cut out of the pupils in the windows. */
  private static Column tail() {
    return PValues.BETA_BINOMIAL_UPPER.apply(col("on_cut"), col("on_cut").plus(col("below_cut")), col("s2_expected"),
        coalesce(col("s2_rho"), lit(0.0)));
  }

  private static Dataset<Row> windowSums(Dataset<Row> cuts, java.util.List<String> unit) {
    return cuts.groupBy(Columns.cols(unit))
        .agg(sum("n_on").as("on_cut"), sum("e_on").as("expected_on_cut"), sum("n_below").as("below_cut"),
            sum("e_below").as("expected_below_cut"))
        .withColumn("s2_expected", try_divide(col("expected_on_cut"), col("expected_on_cut").plus(col("expected_below_cut"))));
  }

  /**
   * Method-of-moments intra-class correlation per work: Var(k) = nπ(1-π)(1 + (n-1)ρ) for a class's
   * k of n with expected share π, so Σ[(k - nπ)² - nπ(1-π)] / Σ n(n-1)π(1-π) estimates ρ.
   */
  private static Dataset<Row> rho(Dataset<Row> sums, double maxRho) {
    Column k = col("on_cut").cast("double");
    Column n = col("on_cut").plus(col("below_cut")).cast("double");
    Column p = col("s2_expected");
    Column variance = n.multiply(p).multiply(lit(1.0).minus(p));
    Column usable = n.geq(2).and(p.gt(0)).and(p.lt(1));
    Column numerator = sum(when(usable, k.minus(n.multiply(p)).multiply(k.minus(n.multiply(p))).minus(variance)));
    Column denominator = sum(when(usable, variance.multiply(n.minus(1))));
    return sums.groupBy(Columns.cols(Strata.WORK))
        .agg(least(lit(maxRho), greatest(lit(0.0), try_divide(numerator, denominator))).as("s2_rho"));
  }
}
