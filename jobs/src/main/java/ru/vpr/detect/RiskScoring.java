package ru.vpr.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import ru.vpr.config.DetectConfig;
import ru.vpr.detect.stats.Combination;

/**
 * From signals to the risk list: one combined p-value per unit (Cauchy combination of the signals'
 * p-values), risk_score = 1 - p (so scores of different works of a year compare directly), a rank
 * per year, reasons (signals below reason-p, strongest first), and the flagged set chosen by
 * Benjamini-Hochberg at the configured false-alarm rate, capped at the re-check capacity.
 */
public final class RiskScoring {
  private RiskScoring() {}

  /**
   * p-values above this enter the combination as this: near 1 a Cauchy term goes to minus infinity,
   * and one signal far on the harmless side must not cancel a strong one.
   */
  static final double MAX_COMBINED_P = 0.99;

  /**
   * The combined p-value of a unit: the Cauchy combination of its p-values (NaN ones left out), each
   * capped at MAX_COMBINED_P; NaN when none is left. The evaluation scores its variants with this too.
   */
  public static double combine(double... p) {
    double[] values = java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).map(v -> Math.min(MAX_COMBINED_P, v)).toArray();
    return values.length == 0 ? Double.NaN : Combination.cauchy(values);
  }

  /** The p-value columns that enter the score. */
  public static List<String> inputs(DetectConfig config) {
    List<String> columns = new ArrayList<>();
    for (String code : config.signals()) columns.add(Signal.ofCode(code).column());
    for (String model : config.outliers()) columns.add(Outliers.pColumn(model));
    return columns;
  }

  /** Adds combined_p, risk_score, reasons, risk_rank, q_value and flagged to scored-or-not units. */
  public static Dataset<Row> score(Dataset<Row> units, DetectConfig config, String unscoredReason) {
    Column[] ps = inputs(config).stream().map(c -> col(c)).toArray(Column[]::new);
    return finish(units.withColumn("combined_p", when(col("scored"), PValues.COMBINE.apply(array(ps)))), config, unscoredReason);
  }

  /** Reasons, rank, q-value, risk score and flag of units that already carry combined_p. */
  static Dataset<Row> finish(Dataset<Row> units, DetectConfig config, String unscoredReason) {
    return rankAndFlag(units.withColumn("reasons", when(col("scored"), reasons(config)).otherwise(col(unscoredReason))),
        config);
  }

  /**
   * Ranks units of a year by combined_p and flags by Benjamini-Hochberg: q = min over ranks >= r of
   * p m / rank, flagged when q <= the false-alarm rate (and within capacity).
   */
  static Dataset<Row> rankAndFlag(Dataset<Row> units, DetectConfig config) {
    // Ties (equal p-values) break by the unit's key, so ranks never depend on partitioning.
    List<Column> order = new ArrayList<>(List.of(col("combined_p").asc_nulls_last()));
    for (String k : List.of("subject", "grade", "login", "class")) {
      if (List.of(units.columns()).contains(k)) order.add(col(k).asc_nulls_first());
    }
    WindowSpec byRisk = Window.partitionBy("year").orderBy(order.toArray(Column[]::new));
    WindowSpec year = Window.partitionBy("year");
    WindowSpec fromBottom = Window.partitionBy("year").orderBy(col("risk_rank").desc())
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> ranked = units
        .withColumn("risk_rank", when(col("scored"), row_number().over(byRisk)))
        .withColumn("scored_units", count(when(col("scored"), lit(1))).over(year))
        .withColumn("bh", col("combined_p").multiply(col("scored_units")).divide(col("risk_rank")))
        .withColumn("q_value", when(col("scored"), expr("least(1.0, bh)")))
        .withColumn("q_value", when(col("scored"), min(col("q_value")).over(fromBottom)));
    Column within = config.capacity() == 0 ? lit(true) : col("risk_rank").leq(config.capacity());
    return ranked
        .withColumn("risk_score", when(col("scored"), lit(1.0).minus(col("combined_p"))))
        .withColumn("flagged", col("scored").and(col("q_value").leq(config.falseAlarmRate())).and(within))
        .drop("scored_units", "bh");
  }

  /**
   * Every signal (in the score or not: each is a fact a person can check) and the configured outlier
   * models with p below reason-p, strongest first, joined with '|'; when none is that strong, the
   * strongest one alone, so a flagged unit always says why.
   */
  static Column reasons(DetectConfig config) {
    List<String> items = new ArrayList<>();
    for (Signal signal : Signal.all()) {
      items.add(String.format(Locale.ROOT, "named_struct('p', %s, 'c', '%s')", signal.column(), signal.code()));
    }
    for (String model : config.outliers()) {
      items.add(String.format(Locale.ROOT, "named_struct('p', %s, 'c', '%s')", Outliers.pColumn(model), Outliers.code(model)));
    }
    String sorted = String.format(Locale.ROOT, "array_sort(filter(array(%s), r -> r.p IS NOT NULL))", String.join(", ", items));
    return expr(String.format(Locale.ROOT,
        "coalesce(nullif(concat_ws('|', transform(filter(%1$s, r -> r.p < %2$s), r -> r.c)), ''), element_at(%1$s, 1).c, '')",
        sorted, Double.toString(config.reasonP())));
  }

  /** The unit-level minimum of every p-value that scores or explains, for roll-ups. */
  static List<Column> strongest(DetectConfig config) {
    java.util.Set<String> columns = new java.util.LinkedHashSet<>();
    for (Signal signal : Signal.all()) columns.add(signal.column());
    columns.addAll(inputs(config));
    List<Column> mins = new ArrayList<>();
    for (String c : columns) mins.add(min(col(c)).as(c));
    return mins;
  }
}
