package ru.vpr.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import ru.vpr.config.DetectConfig;
import ru.vpr.detect.stats.BenjaminiHochberg;
import ru.vpr.detect.stats.Combination;
import ru.vpr.spark.Columns;

/**
 * From signals to the risk list: one combined p-value per unit (Cauchy combination of the signals'
 * p-values), risk_score = 1 - p (so scores of different works of a year compare directly), a rank
 * per year, reasons (signals below reason-p, strongest first), and the flagged set chosen by
 * Benjamini-Hochberg at the configured false-alarm rate, capped at the re-check capacity.
 */
public final class RiskScoring {
  private RiskScoring() {}

  /**
   * The combined p-value of a unit: the Cauchy combination of its p-values (NaN ones left out), each
   * capped at {@code cap} (calibration.max-combined-p: near 1 a Cauchy term goes to minus infinity, and
   * one signal far on the harmless side must not cancel a strong one); NaN when none is left. The
   * evaluation scores its variants with this too.
   */
  public static double combine(double cap, double... p) {
    double[] values = java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).map(v -> Math.min(cap, v)).toArray();
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
    Column combined = PValues.combine(config.calibration().maxCombinedP()).apply(array(ps));
    return finish(units.withColumn("combined_p", when(col("scored"), combined)), config, unscoredReason);
  }

  /** Reasons, rank, q-value, risk score and flag of units that already carry combined_p. */
  static Dataset<Row> finish(Dataset<Row> units, DetectConfig config, String unscoredReason) {
    return rankAndFlag(units.withColumn("reasons", when(col("scored"), reasons(config)).otherwise(col(unscoredReason))),
        config);
  }

  /**
   * Ranks the scored units of a year by combined_p and flags them by Benjamini-Hochberg at the
   * false-alarm rate, within capacity ({@link BenjaminiHochberg}, the implementation the evaluation and
   * its tests use). Each year's units meet in one task, as a window over the year would put them.
   */
  static Dataset<Row> rankAndFlag(Dataset<Row> units, DetectConfig config) {
    List<String> id = new ArrayList<>(List.of("year"));
    for (String k : List.of("subject", "grade", "login", "class")) {
      if (List.of(units.columns()).contains(k)) id.add(k);
    }
    // Ties (equal p-values) break by the unit's key, so ranks never depend on partitioning.
    List<Column> order = new ArrayList<>(List.of(col("year"), col("combined_p").asc_nulls_last()));
    for (String k : id.subList(1, id.size())) order.add(col(k).asc_nulls_first());
    Dataset<Row> tests = units.where(col("scored")).select(Columns.cols(Strata.plus(id, "combined_p")));
    StructType schema = tests.schema()
        .add("risk_rank", DataTypes.IntegerType).add("q_value", DataTypes.DoubleType).add("_bh", DataTypes.BooleanType);
    Dataset<Row> ranked = tests.repartition(col("year")).sortWithinPartitions(order.toArray(Column[]::new))
        .mapPartitions(new YearTests(config.falseAlarmRate(), config.capacity()), Encoders.row(schema));
    Column same = lit(true);
    for (String k : id) {
      ranked = ranked.withColumnRenamed(k, "_r_" + k);
      same = same.and(units.col(k).eqNullSafe(ranked.col("_r_" + k)));
    }
    Dataset<Row> joined = units.join(ranked.drop("combined_p"), same, "left");
    for (String k : id) joined = joined.drop("_r_" + k);
    return joined
        .withColumn("risk_score", when(col("scored"), lit(1.0).minus(col("combined_p"))))
        .withColumn("flagged", col("scored").and(coalesce(col("_bh"), lit(false))))
        .drop("_bh");
  }

  /**
   * Over rows sorted by year, then p, then key: each year's ranks, q-values and BH rejections. A
   * partition holds whole years (repartitioned by year), one or several.
   */
  private static final class YearTests implements MapPartitionsFunction<Row, Row> {
    private final double q;
    private final int capacity;

    YearTests(double q, int capacity) {
      this.q = q;
      this.capacity = capacity;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      List<Row> out = new ArrayList<>();
      List<Row> year = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        if (!year.isEmpty() && year.get(0).getInt(0) != row.getInt(0)) flush(year, out);
        year.add(row);
      }
      flush(year, out);
      return out.iterator();
    }

    private void flush(List<Row> year, List<Row> out) {
      if (year.isEmpty()) return;
      int pAt = year.get(0).length() - 1;
      double[] p = new double[year.size()];
      for (int i = 0; i < p.length; i++) p[i] = year.get(i).isNullAt(pAt) ? Double.NaN : year.get(i).getDouble(pAt);
      double[] adjusted = BenjaminiHochberg.adjusted(p);
      boolean[] rejected = BenjaminiHochberg.rejected(p, q, capacity);
      for (int i = 0; i < p.length; i++) {
        Object[] values = new Object[pAt + 4];
        for (int j = 0; j <= pAt; j++) values[j] = year.get(i).get(j);
        values[pAt + 1] = i + 1;
        values[pAt + 2] = Double.isNaN(adjusted[i]) ? null : adjusted[i];
        values[pAt + 3] = rejected[i];
        out.add(RowFactory.create(values));
      }
      year.clear();
    }
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
