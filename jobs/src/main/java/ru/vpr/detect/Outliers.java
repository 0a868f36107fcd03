package ru.vpr.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.OutlierConfig;
import ru.vpr.detect.stats.Scatter;

/**
 * Outlier scores of a class's whole signal vector within its peer group, for patterns that no single
 * signal shows clearly. The vector is each signal's evidence on one scale: the z whose upper tail is
 * the signal's p-value (0 when the signal has no value for the class).
 */
public final class Outliers {
  static final String EVIDENCE = "evidence";

  private Outliers() {}

  static String pColumn(String model) {
    return switch (model) {
      case DetectConfig.MAHALANOBIS -> "mahalanobis_p";
      case DetectConfig.MAHALANOBIS_YEAR -> "mahalanobis_year_p";
      case DetectConfig.ISOLATION_FOREST -> "forest_p";
      default -> throw new IllegalArgumentException(model);
    };
  }

  public static String code(String model) {
    return switch (model) {
      case DetectConfig.MAHALANOBIS -> "O_mahalanobis_peer";
      case DetectConfig.MAHALANOBIS_YEAR -> "O_mahalanobis_year";
      case DetectConfig.ISOLATION_FOREST -> "O_isolation_forest";
      default -> throw new IllegalArgumentException(model);
    };
  }

  /** Adds the evidence array of every signal, in Signal order. */
  static Dataset<Row> withEvidence(Dataset<Row> classes) {
    Column[] e = Signal.all().stream()
        .map(s -> coalesce(PValues.PROBIT_UPPER.apply(col(s.column())), lit(0.0)))
        .toArray(Column[]::new);
    return classes.withColumn(EVIDENCE, array(e));
  }

  /**
   * The one-sided Mahalanobis score of the evidence vector within its peer group and within the whole
   * year ({@link Scatter}): location and covariance per year and group, fitted robustly by trimming
   * (each step fits again without the vectors past the chi-square cut), and the squared distance of
   * the suspicious side only. Its p-value is the distance's chi-bar-square tail ({@link
   * Scatter#oneSidedTail}): a rank among the group could never go below 1 / n, and an outlier that
   * strong could then never pass the false-alarm test on its own.
   * Sums are aggregated in Spark; only each group's small mean vector and matrix come to the driver.
   */
  static Dataset<Row> mahalanobis(Dataset<Row> classes, OutlierConfig config) {
    // Against the whole year (one group) as well: the evaluation decides whether peer groups help.
    Dataset<Row> oneGroup = mahalanobis(classes.withColumn("_group", lit(0)), "_group", "mahalanobis_year", config);
    return mahalanobis(oneGroup, PeerGroups.PEER_GROUP, "mahalanobis", config).drop("_group");
  }

  private static Dataset<Row> mahalanobis(Dataset<Row> classes, String group, String name, OutlierConfig config) {
    int d = Signal.all().size();
    String[] key = {"year", group};
    Dataset<Row> scored = classes.where(col("scored"));
    Dataset<Row> fitted = fit(scored, group, 1.0, config.ridge());
    double cut = Scatter.cut(d, config.keep());
    double consistency = Scatter.consistency(d, config.keep());
    for (int step = 0; step < config.trimSteps(); step++) {
      Dataset<Row> kept = scored.join(broadcast(fitted), key)
          .where(DISTANCE.apply(col(EVIDENCE), col("peer_mean"), col("peer_inverse")).leq(cut));
      fitted = fit(kept, group, consistency, config.ridge());
    }
    return classes.join(broadcast(fitted), key, "left")
        .withColumn(name, when(col("scored"), ONE_SIDED.apply(col(EVIDENCE), col("peer_mean"), col("peer_inverse"))))
        .withColumn(name + "_p", ONE_SIDED_TAIL.apply(col(name), lit(d)))
        .drop("peer_mean", "peer_inverse");
  }

  /** Per year and group: the Scatter model of the rows' evidence, from sums aggregated in Spark. */
  private static Dataset<Row> fit(Dataset<Row> rows, String group, double scale, double ridge) {
    int d = Signal.all().size();
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("n"));
    for (int i = 0; i < d; i++) aggs.add(sum(col(EVIDENCE).getItem(i)).as("s" + i));
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) aggs.add(sum(col(EVIDENCE).getItem(i).multiply(col(EVIDENCE).getItem(j))).as("p" + i + "_" + j));
    }
    List<Row> groups = rows.groupBy("year", group)
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).collectAsList();
    List<Row> models = new ArrayList<>();
    for (Row g : groups) {
      double[] sums = new double[d];
      double[][] products = new double[d][d];
      for (int i = 0; i < d; i++) sums[i] = g.getDouble(3 + i);
      int k = 3 + d;
      for (int i = 0; i < d; i++) for (int j = i; j < d; j++) products[i][j] = g.getDouble(k++);
      Scatter.Model model = Scatter.fit(g.getLong(2), sums, products, scale, ridge);
      if (model != null) models.add(RowFactory.create(g.getInt(0), g.getInt(1), box(model.mean()), box(model.inverse())));
    }
    StructType schema = new StructType()
        .add("year", DataTypes.IntegerType).add(group, DataTypes.IntegerType)
        .add("peer_mean", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("peer_inverse", DataTypes.createArrayType(DataTypes.DoubleType));
    return SparkSession.active().createDataFrame(models, schema);
  }

  private static Double[] box(double[] v) {
    Double[] out = new Double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i];
    return out;
  }

  private static final UserDefinedFunction DISTANCE = distance(false);
  private static final UserDefinedFunction ONE_SIDED = distance(true);

  /** The squared distance of (evidence, mean, inverse): both sides (for trimming) or the suspicious one (the score). */
  private static UserDefinedFunction distance(boolean oneSided) {
    return udf(
        (UDF3<scala.collection.Seq<Object>, scala.collection.Seq<Object>, scala.collection.Seq<Object>, Double>) (x, m, inv) -> {
          if (x == null || m == null || inv == null) return null;
          Scatter.Model model = new Scatter.Model(unbox(m), unbox(inv));
          return oneSided ? Scatter.oneSidedDistance(unbox(x), model) : Scatter.distance(unbox(x), model);
        }, DataTypes.DoubleType);
  }

  private static final UserDefinedFunction ONE_SIDED_TAIL = udf(
      (org.apache.spark.sql.api.java.UDF2<Double, Integer, Double>) (c, d) -> c == null ? null : Scatter.oneSidedTail(c, d),
      DataTypes.DoubleType);

  private static double[] unbox(scala.collection.Seq<Object> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) out[i] = ((Number) values.apply(i)).doubleValue();
    return out;
  }
}
