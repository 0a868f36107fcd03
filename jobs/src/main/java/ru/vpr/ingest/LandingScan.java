package ru.vpr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import ru.vpr.spark.Columns;

/**
 * Every file below a landing root as (path, size, modified_at, content), read by Spark's
 * {@code binaryFile} source on the executors. Content is only read for the files a plan keeps.
 */
record LandingScan(Dataset<Row> files, long filesSeen) {

  /** Which listed files a run looks at, by path: every file, or those placed in one year. */
  interface PathFilter extends Serializable {
    boolean keep(String path);
  }

  static LandingScan of(SparkSession spark, String root) {
    return of(spark, root, path -> true);
  }

  /**
   * The files below {@code root} that {@code filter} keeps. The filter runs on the driver over the
   * listing, and only the files it keeps are read: the files of other years are never opened.
   */
  static LandingScan of(SparkSession spark, String root, PathFilter filter) {
    Dataset<Row> all = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(root);
    // Spark's file scan skips zero-byte files; they are listed all the same and must be refused, not
    // lost. inputFiles() spells paths as URIs (file:///x), the scan as Hadoop paths (file:/x): align them.
    List<String> listed = Arrays.stream(all.inputFiles()).map(p -> new Path(URI.create(p)).toString()).toList();
    List<String> kept = listed.stream().filter(filter::keep).toList();
    Dataset<Row> scan = kept.size() == listed.size() ? all
        : kept.isEmpty() ? all.limit(0)
        : spark.read().format("binaryFile").load(kept.toArray(String[]::new));
    Dataset<Row> scanned = scan.select(
        col("path"), col("length").as("size"), col("modificationTime").as("modified_at"), col("content"));
    Dataset<Row> emptyFiles = spark.createDataset(kept, Encoders.STRING()).toDF("path")
        .join(scanned.select("path"), Columns.seq("path"), "left_anti")
        .select(col("path"), lit(0L).as("size"), lit(null).cast("timestamp").as("modified_at"),
            lit(new byte[0]).as("content"));
    return new LandingScan(scanned.unionByName(emptyFiles), kept.size());
  }
}
