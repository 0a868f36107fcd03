package ru.vpr.detect.outlier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Saves a model the way Spark ML saves its own: {@code path/metadata} holds the class, uid and
 * params (Spark's JSON, written by {@link DefaultParamsWriter}); {@code path/data/forest} one
 * Parquet row with what fitting found besides the trees; {@code path/data/nodes} one Parquet row
 * per tree node. Parquet keeps doubles as their 64 bits, so a loaded model scores to the last bit
 * like the saved one.
 */
final class IsolationForestModelReadWrite {
  private IsolationForestModelReadWrite() {}

  static final StructType FOREST = new StructType()
      .add("samples_per_tree", DataTypes.IntegerType, false)
      .add("num_features", DataTypes.IntegerType, false)
      .add("threshold", DataTypes.DoubleType, true);

  static final StructType NODES = new StructType()
      .add("tree", DataTypes.IntegerType, false)
      .add("node", DataTypes.IntegerType, false)
      .add("feature", DataTypes.IntegerType, false)
      .add("split", DataTypes.DoubleType, false)
      .add("left", DataTypes.IntegerType, false)
      .add("right", DataTypes.IntegerType, false)
      .add("size", DataTypes.IntegerType, false);

  static final class Writer extends MLWriter {
    private final IsolationForestModel model;

    Writer(IsolationForestModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      SparkSession spark = sparkSession();
      DefaultParamsWriter.saveMetadata(model, path, spark);
      Double threshold = model.threshold().isPresent() ? model.threshold().getAsDouble() : null;
      Row forest = RowFactory.create(model.samplesPerTree(), model.numFeatures(), threshold);
      spark.createDataFrame(List.of(forest), FOREST).repartition(1).write().parquet(path + "/data/forest");

      List<Row> nodes = new ArrayList<>();
      IsolationTree[] trees = model.trees();
      for (int t = 0; t < trees.length; t++) {
        IsolationTree tree = trees[t];
        for (int n = 0; n < tree.numNodes(); n++) {
          nodes.add(RowFactory.create(t, n, tree.feature(n), tree.split(n), tree.left(n), tree.right(n), tree.size(n)));
        }
      }
      spark.createDataFrame(nodes, NODES).repartition(1).write().parquet(path + "/data/nodes");
    }
  }

  static final class Reader extends MLReader<IsolationForestModel> {
    @Override
    public IsolationForestModel load(String path) {
      SparkSession spark = sparkSession();
      DefaultParamsReader.Metadata metadata =
          DefaultParamsReader.loadMetadata(path, spark, IsolationForestModel.class.getName());
      Row forest = spark.read().schema(FOREST).parquet(path + "/data/forest").head();
      OptionalDouble threshold = forest.isNullAt(2) ? OptionalDouble.empty() : OptionalDouble.of(forest.getDouble(2));

      IsolationForestModel model = new IsolationForestModel(metadata.uid(),
          trees(spark.read().schema(NODES).parquet(path + "/data/nodes").collectAsList()), forest.getInt(0),
          forest.getInt(1), threshold);
      metadata.getAndSetParams(model, metadata.getAndSetParams$default$2());
      return model;
    }

    /** Parquet keeps no row order: nodes are put back by (tree, node). */
    private static IsolationTree[] trees(List<Row> rows) {
      List<Row> sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.<Row>comparingInt(r -> r.getInt(0)).thenComparingInt(r -> r.getInt(1)));
      List<IsolationTree> trees = new ArrayList<>();
      int i = 0;
      while (i < sorted.size()) {
        int tree = sorted.get(i).getInt(0);
        int end = i;
        while (end < sorted.size() && sorted.get(end).getInt(0) == tree) end++;
        if (tree != trees.size()) throw new IllegalStateException("saved trees are not numbered 0.., found tree " + tree);
        int n = end - i;
        int[] feature = new int[n];
        double[] split = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        int[] size = new int[n];
        for (int k = 0; k < n; k++) {
          Row r = sorted.get(i + k);
          if (r.getInt(1) != k) throw new IllegalStateException("tree " + tree + " misses node " + k);
          feature[k] = r.getInt(2);
          split[k] = r.getDouble(3);
          left[k] = r.getInt(4);
          right[k] = r.getInt(5);
          size[k] = r.getInt(6);
        }
        trees.add(new IsolationTree(feature, split, left, right, size));
        i = end;
      }
      return trees.toArray(IsolationTree[]::new);
    }
  }
}
