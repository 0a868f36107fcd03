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
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
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
   * Squared Mahalanobis distance of the evidence vector from its peer group's mean (per year and
   * peer group, ridge-regularised covariance) and its chi-square upper-tail p-value. The sums are
   * aggregated in Spark; only the small mean vectors and matrices come to the driver.
   */
  static Dataset<Row> mahalanobis(Dataset<Row> classes) {
    // Against the whole year (one group) as well: the evaluation decides whether peer groups help.
    Dataset<Row> oneGroup = mahalanobis(classes.withColumn("_group", lit(0)), "_group", "mahalanobis_year");
    return mahalanobis(oneGroup, PeerGroups.PEER_GROUP, "mahalanobis").drop("_group");
  }

  private static Dataset<Row> mahalanobis(Dataset<Row> classes, String group, String name) {
    int d = Signal.all().size();
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("n"));
    for (int i = 0; i < d; i++) aggs.add(sum(col(EVIDENCE).getItem(i)).as("s" + i));
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) aggs.add(sum(col(EVIDENCE).getItem(i).multiply(col(EVIDENCE).getItem(j))).as("p" + i + "_" + j));
    }
    List<Row> groups = classes.where(col("scored")).groupBy("year", group)
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).collectAsList();
    List<Row> models = new ArrayList<>();
    for (Row g : groups) {
      long n = g.getLong(2);
      if (n < d + 2) continue;
      double[] mean = new double[d];
      for (int i = 0; i < d; i++) mean[i] = g.getDouble(3 + i) / n;
      RealMatrix cov = new Array2DRowRealMatrix(d, d);
      int k = 3 + d;
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          double c = (g.getDouble(k++) - n * mean[i] * mean[j]) / (n - 1);
          cov.setEntry(i, j, c);
          cov.setEntry(j, i, c);
        }
      }
      // Signals that never fire in a group have zero variance; the ridge keeps the matrix invertible.
      for (int i = 0; i < d; i++) cov.addToEntry(i, i, 1e-3 + 1e-3 * cov.getEntry(i, i));
      RealMatrix inverse = new LUDecomposition(cov).getSolver().getInverse();
      double[] flat = new double[d * d];
      for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) flat[i * d + j] = inverse.getEntry(i, j);
      models.add(RowFactory.create(g.getInt(0), g.getInt(1), box(mean), box(flat)));
    }
    StructType schema = new StructType()
        .add("year", DataTypes.IntegerType).add(group, DataTypes.IntegerType)
        .add("peer_mean", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("peer_inverse", DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> fitted = SparkSession.active().createDataFrame(models, schema);
    return classes.join(broadcast(fitted), new String[] {"year", group}, "left")
        .withColumn(name, when(col("scored"), DISTANCE.apply(col(EVIDENCE), col("peer_mean"), col("peer_inverse"))))
        .withColumn(name + "_p", PValues.CHI_SQUARE_UPPER.apply(col(name), lit((long) d)))
        .drop("peer_mean", "peer_inverse");
  }

  private static Double[] box(double[] v) {
    Double[] out = new Double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i];
    return out;
  }

  private static final UserDefinedFunction DISTANCE = udf(
      (UDF3<scala.collection.Seq<Object>, scala.collection.Seq<Object>, scala.collection.Seq<Object>, Double>) (x, m, inv) -> {
        if (x == null || m == null || inv == null) return null;
        int d = x.size();
        double[] diff = new double[d];
        for (int i = 0; i < d; i++) diff[i] = ((Number) x.apply(i)).doubleValue() - ((Number) m.apply(i)).doubleValue();
        double total = 0;
        for (int i = 0; i < d; i++) {
          double row = 0;
          for (int j = 0; j < d; j++) row += ((Number) inv.apply(i * d + j)).doubleValue() * diff[j];
          total += diff[i] * row;
        }
        return total;
      }, DataTypes.DoubleType);
}
