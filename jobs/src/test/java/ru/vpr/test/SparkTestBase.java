package ru.vpr.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.Metastore;
import ru.vpr.config.PipelineConfig;
import ru.vpr.spark.SparkSessions;

/**
 * One {@code local[2]} SparkSession for the whole test JVM (surefire reuses one fork): Spark takes
 * tens of seconds to start here, so every test class shares it. Each class gets its own catalog
 * database, so classes do not see each other's tables.
 */
public abstract class SparkTestBase {
  private static SparkSession spark;
  private static Path warehouse;

  protected static synchronized SparkSession spark() {
    if (spark == null) {
      try {
        warehouse = Files.createTempDirectory("vpr-test-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      PipelineConfig base = baseConfig("vpr");
      SparkSession.Builder builder = SparkSession.builder().master("local[2]").appName("vpr-tests");
      for (Map.Entry<String, String> e : SparkSessions.settings(base).entrySet()) builder.config(e.getKey(), e.getValue());
      spark = builder
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.databricks.delta.snapshotPartitions", "1")
          .enableHiveSupport()
          .getOrCreate();
    }
    return spark;
  }

  protected static Path warehouse() {
    spark();
    return warehouse;
  }

  /** A configuration on the test warehouse, with its own database for the calling test class. */
  protected static PipelineConfig config(String database) {
    spark();
    return baseConfig(database);
  }

  /** A database name unique to a test class. */
  protected static String databaseFor(Class<?> testClass) {
    return "t_" + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  protected static List<Row> sql(String statement) {
    return spark().sql(statement).collectAsList();
  }

  protected static Dataset<Row> table(String name) {
    return spark().table(name);
  }

  protected static void dropDatabase(String database) {
    spark().sql("DROP DATABASE IF EXISTS " + database + " CASCADE");
  }

  private static PipelineConfig baseConfig(String database) {
    return new PipelineConfig("landing", "schools.csv", "specs", "", "", warehouse.toString(), "publish", database,
        Metastore.embedded(), "local[2]", "vpr-tests", Map.of(), null);
  }
}
