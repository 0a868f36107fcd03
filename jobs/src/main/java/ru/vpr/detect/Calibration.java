package ru.vpr.detect;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.CalibrationConfig;
import ru.vpr.spark.Columns;

/**
 * Turns class statistics into p-values that mean the same in a class of 8 and a class of 30.
 *
 * <p>Means of standardised pupil values (level, person-fit, rubric gap) use a random-effects model per
 * work: class means vary by sampling (sigma^2 / n) and by real differences between classes (tau^2,
 * estimated DerSimonian-Laird style), so z = (m - mu) / sqrt(tau^2 + sigma^2 / n) is standard normal
 * for an ordinary class of any size. Counts (pupils on a threshold, journal marks confirmed, tasks
 * left blank) use a beta-binomial whose mean and intra-class correlation are estimated per work by
 * the method of moments, with exact mid-p tails, since normal approximations fail on small counts.
 *
 * <p>Every estimate is taken over the reference classes of the work ({@code reference} column):
 * those under objectivity control when the work has enough of them, all scored classes otherwise.
 * Each {@code ...Stats} method returns one row per work computed from the same class table, so the
 * caller joins them all at once; the matching column method computes the p-value from the joined row.
 */
final class Calibration {
  private Calibration() {}

  /** Marks the classes the work's estimates are taken from. */
  static Dataset<Row> withReference(Dataset<Row> classes, int minControlledClasses) {
    Dataset<Row> controlled = classes.where(col("scored")).groupBy(Columns.cols(Strata.WORK))
        .agg(sum(when(col(Reference.CONTROLLED), 1).otherwise(0)).as("controlled_classes"));
    return classes.join(broadcast(controlled), Columns.seq(Strata.WORK), "left")
        .withColumn("reference", col("scored").and(
            when(coalesce(col("controlled_classes"), lit(0)).geq(minControlledClasses), col(Reference.CONTROLLED))
                .otherwise(lit(true))))
        .drop("controlled_classes");
  }

  /** The level band of a class: its mean z in steps of the band width, from -4 to 4. */
  static Column levelBand(CalibrationConfig config) {
    return least(lit(4), greatest(lit(-4), org.apache.spark.sql.functions.floor(col("z_mean").divide(config.levelBandWidth()))))
        .cast("int");
  }

  // ---- random effects ---------------------------------------------------------------------------

  /**
   * Per work: the random-effects fit ({@link ru.vpr.detect.stats.RandomEffects}) of the class means'
   * deviations from {@code center} (the means themselves when null) over the reference classes: pooled
   * within-class variance {@code <name>_s2}, mean {@code <name>_mu}, between-class variance {@code <name>_tau2}.
   */
  static Dataset<Row> randomEffectsStats(Dataset<Row> classes, String name, String mean, String var, String n, Column center) {
    Column dev = deviation(mean, center);
    Column pupils = col(n).cast("double");
    Column used = col("reference").and(col(n).geq(1)).and(dev.isNotNull()).and(not(isnan(dev)));
    Column withVariance = used.and(col(n).geq(2)).and(col(var).isNotNull()).and(not(isnan(col(var))));
    Dataset<Row> sums = classes.groupBy(Columns.cols(Strata.WORK)).agg(
        count(when(used, lit(1))).as("_k"), sum(when(used, pupils)).as("_n"), sum(when(used, pupils.multiply(dev))).as("_nm"),
        sum(when(used, pupils.multiply(dev).multiply(dev))).as("_nm2"), sum(when(used, pupils.multiply(pupils))).as("_n2"),
        sum(when(withVariance, col(var).multiply(pupils.minus(1)))).as("_ws"), sum(when(withVariance, pupils.minus(1))).as("_wdf"));
    Column fit = WorkEstimates.RANDOM_EFFECTS.apply(col("_k"), col("_n"), col("_nm"), col("_nm2"), col("_n2"), col("_ws"), col("_wdf"));
    return sums.withColumn("_fit", fit).select(col("year"), col("subject"), col("grade"), col("_fit.sigma2").as(name + "_s2"),
        col("_fit.mu").as(name + "_mu"), col("_fit.tau2").as(name + "_tau2"));
  }

  /** z of a class mean under the random-effects model (null for classes not scored). */
  static Column randomEffectsZ(String name, String mean, String n, Column center) {
    Column z = try_divide(deviation(mean, center).minus(col(name + "_mu")),
        sqrt(col(name + "_tau2").plus(try_divide(col(name + "_s2"), col(n)))));
    return when(col("scored").and(col(n).geq(1)), z);
  }

  private static Column deviation(String mean, Column center) {
    return center == null ? col(mean) : col(mean).minus(center);
  }

  /**
   * Per work: the weighted least-squares line {@code <name>_a + <name>_b * x} of a class statistic on
   * a class level measure, over the reference classes (weights: pupils). Stronger classes differ on
   * several statistics for honest reasons (a strong pupil's rubric answers are also better read), so a
   * signal is judged against what classes of the same level show. The level measure is one the
   * manipulation behind the signal does not touch (key-scored tasks for S5, basic tasks for S3).
   */
  static Dataset<Row> trendStats(Dataset<Row> classes, String name, String y, String x, String n) {
    Column ref = col("reference").and(col(y).isNotNull()).and(col(x).isNotNull()).and(col(n).geq(1));
    Column w = col(n).cast("double");
    Dataset<Row> sums = classes.groupBy(Columns.cols(Strata.WORK)).agg(
        sum(when(ref, w)).as("_w"), sum(when(ref, w.multiply(col(x)))).as("_wx"),
        sum(when(ref, w.multiply(col(x)).multiply(col(x)))).as("_wxx"), sum(when(ref, w.multiply(col(y)))).as("_wy"),
        sum(when(ref, w.multiply(col(x)).multiply(col(y)))).as("_wxy"));
    Column b = coalesce(try_divide(col("_w").multiply(col("_wxy")).minus(col("_wx").multiply(col("_wy"))),
        col("_w").multiply(col("_wxx")).minus(col("_wx").multiply(col("_wx")))), lit(0.0));
    return sums.select(col("year"), col("subject"), col("grade"), b.as(name + "_b"),
        try_divide(col("_wy").minus(b.multiply(col("_wx"))), col("_w")).as(name + "_a"));
  }

  /** The expectation of a class from {@link #trendStats}: a + b x (the work's mean when x is unknown). */
  static Column trend(String name, String x) {
    return col(name + "_a").plus(col(name + "_b").multiply(coalesce(col(x), lit(0.0))));
  }

  // ---- beta-binomial ----------------------------------------------------------------------------

  /**
   * Per work and level band (see {@link #levelBand}): pooled rate {@code <name>_rate} and intra-class
   * correlation {@code <name>_rho} of k out of n, from the band's reference classes when it has
   * level-band-min-classes of them, from the whole work otherwise. How many pupils sit on a threshold,
   * confirm their journal mark or leave tasks blank depends on the class's level, so a strong class is
   * compared with strong classes.
   */
  static Dataset<Row> betaBinomialStats(Dataset<Row> classes, String name, String k, String n, CalibrationConfig config) {
    Dataset<Row> byBand = betaBinomialMoments(classes.withColumn("_band", levelBand(config)), Strata.plus(Strata.WORK, "_band"), k, n)
        .withColumnRenamed("_rate", "_band_rate").withColumnRenamed("_rho", "_band_rho").withColumnRenamed("_m", "_band_m");
    Dataset<Row> byWork = betaBinomialMoments(classes, Strata.WORK, k, n).drop("_m");
    Column enough = col("_band_m").geq(config.levelBandMinClasses());
    return byBand.join(byWork, Columns.seq(Strata.WORK))
        .select(col("year"), col("subject"), col("grade"), col("_band").as(name + "_band"),
            when(enough, col("_band_rate")).otherwise(col("_rate")).as(name + "_rate"),
            when(enough, col("_band_rho")).otherwise(col("_rho")).as(name + "_rho"));
  }

  /** The beta-binomial moment estimate ({@link ru.vpr.detect.stats.BetaBinomial}) per group: _rate, _rho (0 when not identified), _m classes. */
  private static Dataset<Row> betaBinomialMoments(Dataset<Row> classes, java.util.List<String> groups, String k, String n) {
    Column ref = col("reference").and(col(n).gt(0));
    Column kk = col(k).cast("double");
    Column nn = col(n).cast("double");
    Column fit = WorkEstimates.BETA_BINOMIAL.apply(col("_m"), col("_sn"), col("_sk"), col("_skk_n"), col("_snn"));
    Column[] out = new Column[groups.size() + 3];
    for (int i = 0; i < groups.size(); i++) out[i] = col(groups.get(i));
    out[groups.size()] = col("_fit.p").as("_rate");
    out[groups.size() + 1] = coalesce(col("_fit.rho"), lit(0.0)).as("_rho");
    out[groups.size() + 2] = col("_m");
    return classes.groupBy(Columns.cols(groups)).agg(
            count(when(ref, lit(1))).as("_m"), sum(when(ref, nn)).as("_sn"), sum(when(ref, kk)).as("_sk"),
            sum(when(ref, kk.multiply(kk).divide(nn))).as("_skk_n"), sum(when(ref, nn.multiply(nn))).as("_snn"))
        .withColumn("_fit", fit).select(out);
  }

  /** Mid-p of the class's k out of n: upper tail (too many) or lower (too few). */
  static Column betaBinomialP(String name, String k, String n, boolean upper) {
    Column tail = (upper ? PValues.BETA_BINOMIAL_UPPER : PValues.BETA_BINOMIAL_LOWER)
        .apply(col(k).cast("long"), col(n).cast("long"), col(name + "_rate"), col(name + "_rho"));
    return when(col("scored").and(col(n).gt(0)), tail);
  }

  // ---- spread -----------------------------------------------------------------------------------


  /**
   * Per work and level band: the pooled within-class variance of the pupils' ability (logit of the
   * score share), {@code <name>_pooled}. A test has a floor and a ceiling, so on the raw scale weak and
   * strong classes look narrower than middling ones; the logit scale and the comparison with classes
   * of about the same level (the whole work when the band has fewer than level-band-min-classes
   * reference classes) both keep a strong class from looking "too alike".
   */
  static Dataset<Row> spreadStats(Dataset<Row> classes, String name, CalibrationConfig config) {
    Column usable = col("reference").and(col("z_n").geq(2)).and(col("ability_var").isNotNull());
    Column pooledSum = sum(when(usable, col("ability_var").multiply(col("z_n").minus(1))));
    Column df = sum(when(usable, col("z_n").minus(1)));
    Dataset<Row> byBand = classes.withColumn("_band", levelBand(config)).groupBy(Columns.cols(Strata.plus(Strata.WORK, "_band")))
        .agg(try_divide(pooledSum, df).as("_band_pooled"), count(when(usable, lit(1))).as("_band_classes"));
    Dataset<Row> byWork = classes.groupBy(Columns.cols(Strata.WORK)).agg(try_divide(pooledSum, df).as("_work_pooled"));
    return byBand.join(byWork, Columns.seq(Strata.WORK))
        .select(col("year"), col("subject"), col("grade"), col("_band").as(name + "_band"),
            when(col("_band_classes").geq(config.levelBandMinClasses()), col("_band_pooled")).otherwise(col("_work_pooled"))
                .as(name + "_pooled"));
  }

  /**
   * S4, too little spread: (n - 1) s^2 / sigma^2 is chi-square with n - 1 degrees of freedom for an
   * ordinary class; the lower tail says the class is more alike than classes are.
   */
  static Column spreadP(String name) {
    Column stat = try_divide(col("ability_var").multiply(col("z_n").minus(1)), col(name + "_pooled"));
    return when(col("scored").and(col("z_n").geq(3)), PValues.CHI_SQUARE_LOWER.apply(stat, col("z_n").minus(1).cast("long")));
  }
}
