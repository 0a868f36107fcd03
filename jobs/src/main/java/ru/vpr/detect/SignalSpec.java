package ru.vpr.detect;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.CalibrationConfig;
import ru.vpr.spark.Columns;

/**
 * How a signal's p-value is made: the class statistic it reads, the calibration that says what an
 * ordinary class of the work shows, and which tail is suspicious. {@link ClassSignals} applies one
 * per signal; every estimate is taken over the work's reference classes ({@link Calibration}).
 */
sealed interface SignalSpec {
  /**
   * Adds {@code <name>_p} (and {@code <name>_z} where the calibration has a z) to the classes.
   *
   * @param base the class table the work's estimates are taken from (its {@code reference} classes)
   */
  Dataset<Row> apply(Dataset<Row> classes, Dataset<Row> base, String name, CalibrationConfig config);

  /** The suspicious tail of a count. */
  enum Tail { UPPER, LOWER }

  /** Where an ordinary class of the work is expected to be, for a mean shift. */
  sealed interface Center {}

  /** Expected where classes are on average: the work's random-effects mean. */
  record AtTheMean() implements Center {}

  /** Expected at the class's own value of a column (its peer group's level, its school's history). */
  record AtColumn(String column) implements Center {}

  /**
   * Expected on the work's weighted line of the statistic against a level measure the manipulation
   * does not move ({@link Calibration#trendStats}): stronger classes differ on their own.
   */
  record OnTrend(String level) implements Center {}

  /**
   * A class mean of a standardised pupil quantity against its center, under a random-effects model of
   * the work's classes ({@link ru.vpr.detect.stats.RandomEffects}): z, then its normal upper tail.
   */
  record MeanShift(String mean, String variance, String pupils, Center center) implements SignalSpec {
    @Override
    public Dataset<Row> apply(Dataset<Row> classes, Dataset<Row> base, String name, CalibrationConfig config) {
      Column expected = null;
      if (center instanceof AtColumn at) expected = col(at.column());
      if (center instanceof OnTrend trend) {
        Dataset<Row> line = broadcast(Calibration.trendStats(base, name + "t", mean, trend.level(), pupils));
        classes = classes.join(line, Columns.seq(Strata.WORK), "left");
        base = base.join(line, Columns.seq(Strata.WORK), "left");
        expected = Calibration.trend(name + "t", trend.level());
      }
      Dataset<Row> fit = Calibration.randomEffectsStats(base, name, mean, variance, pupils, expected);
      return classes.join(broadcast(fit), Columns.seq(Strata.WORK), "left")
          .withColumn(name + "_z", Calibration.randomEffectsZ(name, mean, pupils, expected))
          .withColumn(name + "_p", PValues.NORMAL_UPPER.apply(col(name + "_z")));
    }
  }

  /**
   * k of n pupils (or task cells), against a beta-binomial of the work's classes of a like level
   * ({@link ru.vpr.detect.stats.BetaBinomial}, exact mid-p in the suspicious tail).
   */
  record Rate(String successes, String trials, Tail tail) implements SignalSpec {
    @Override
    public Dataset<Row> apply(Dataset<Row> classes, Dataset<Row> base, String name, CalibrationConfig config) {
      return byBand(classes, Calibration.betaBinomialStats(base, name, successes, trials, config), name)
          .withColumn(name + "_p", Calibration.betaBinomialP(name, successes, trials, tail == Tail.UPPER));
    }
  }

  /** Pupils more alike than in classes of a like level: chi-square lower tail of the class's variance. */
  record TooAlike() implements SignalSpec {
    @Override
    public Dataset<Row> apply(Dataset<Row> classes, Dataset<Row> base, String name, CalibrationConfig config) {
      return byBand(classes, Calibration.spreadStats(base, name, config), name)
          .withColumn(name + "_p", Calibration.spreadP(name));
    }
  }

  /** Joins estimates per work and level band ({@code <name>_band}) to the classes of that band. */
  private static Dataset<Row> byBand(Dataset<Row> classes, Dataset<Row> estimates, String name) {
    return classes.join(broadcast(estimates.withColumnRenamed(name + "_band", "level_band")),
        Columns.seq(Strata.plus(Strata.WORK, "level_band")), "left");
  }

  /**
   * A p-value its own model computed before (the counterfactual at the cuts, the chance of identical
   * works), kept for scored classes.
   */
  record Given(Supplier<Column> pValue) implements SignalSpec {
    @Override
    public Dataset<Row> apply(Dataset<Row> classes, Dataset<Row> base, String name, CalibrationConfig config) {
      return classes.withColumn(name + "_p", when(col("scored"), pValue.get()));
    }
  }
}
