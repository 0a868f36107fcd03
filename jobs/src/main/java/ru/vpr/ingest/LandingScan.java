package ru.vpr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import ru.vpr.spark.Columns;

/**
 * Every file below a landing root as (path, size, modified_at, content, link), read by Spark's
 * {@code binaryFile} source on the executors. Content is only read for the files a plan keeps. A local
 * landing is listed by {@link LandingListing}, which follows no symbolic link: a link is a row of its own
 * with {@code link} saying why it was not read, and is refused as such.
 */
record LandingScan(Dataset<Row> files, long filesSeen) {
  /** The binaryFile source's rows, for a listing that keeps no file. */
  private static final StructType BINARY_FILE = DataTypes.createStructType(List.of(
      DataTypes.createStructField("path", DataTypes.StringType, false),
      DataTypes.createStructField("modificationTime", DataTypes.TimestampType, false),
      DataTypes.createStructField("length", DataTypes.LongType, false),
      DataTypes.createStructField("content", DataTypes.BinaryType, true)));
  private static final StructType LINKS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("path", DataTypes.StringType, false),
      DataTypes.createStructField("link", DataTypes.StringType, false)));

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
    List<String> listed;
    List<Row> links = new ArrayList<>();
    Dataset<Row> all;
    if (LandingListing.isLocal(root)) {
      LandingListing.Listing listing = LandingListing.of(root);
      listed = listing.files();
      for (LandingListing.SkippedLink l : listing.links()) {
        if (filter.keep(l.path())) links.add(RowFactory.create(l.path(), describe(l)));
      }
      // Spark's own listing would follow the links: it gets the files, not the folder, when there are any.
      all = listing.links().isEmpty() ? load(spark, root) : null;
    } else {
      all = load(spark, root);
      listed = Arrays.stream(all.inputFiles()).map(p -> new Path(URI.create(p)).toString()).toList();
    }
    List<String> kept = listed.stream().filter(filter::keep).toList();
    Dataset<Row> scan = all != null && kept.size() == listed.size() ? all
        : kept.isEmpty() ? spark.createDataFrame(List.of(), BINARY_FILE)
        : spark.read().format("binaryFile").load(kept.toArray(String[]::new));
    Dataset<Row> scanned = scan.select(col("path"), col("length").as("size"), col("modificationTime").as("modified_at"),
        col("content"), lit(null).cast("string").as("link"));
    // Spark's file scan skips zero-byte files; they are listed all the same and must be refused, not
    // lost. inputFiles() spells paths as URIs (file:///x), the scan as Hadoop paths (file:/x): both are
    // in Hadoop's spelling here.
    Dataset<Row> emptyFiles = spark.createDataset(kept, Encoders.STRING()).toDF("path")
        .join(scanned.select("path"), Columns.seq("path"), "left_anti")
        .select(col("path"), lit(0L).as("size"), lit(null).cast("timestamp").as("modified_at"),
            lit(new byte[0]).as("content"), lit(null).cast("string").as("link"));
    Dataset<Row> linkRows = spark.createDataFrame(links, LINKS)
        .select(col("path"), lit(0L).as("size"), lit(null).cast("timestamp").as("modified_at"),
            lit(new byte[0]).as("content"), col("link"));
    return new LandingScan(scanned.unionByName(emptyFiles).unionByName(linkRows), kept.size() + links.size());
  }

  private static Dataset<Row> load(SparkSession spark, String root) {
    return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(root);
  }

  /** Where the link points and why it is not read there, for the coordinator's message. */
  private static String describe(LandingListing.SkippedLink l) {
    return switch (l.reason()) {
      case OUTSIDE -> "она ведёт за пределы папки приёма: " + l.target();
      case BROKEN -> "она ведёт в никуда: " + l.target();
      case INSIDE -> "она ведёт на " + l.target() + ", который прочитан на своём месте";
    };
  }
}
