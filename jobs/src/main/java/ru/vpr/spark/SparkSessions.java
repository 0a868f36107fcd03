package ru.vpr.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.Metastore;
import ru.vpr.config.PipelineConfig;

/**
 * Builds the one SparkSession a job runs in: Delta enabled, tables registered in a persistent Hive
 * catalog so a new process (or an analyst's notebook) finds them by name.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(PipelineConfig config) {
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder();
    // spark-submit sets spark.master and spark.app.name (--name); only a plain `java` launch falls
    // back to the configured ones.
    if (!submitted.contains("spark.app.name")) builder.appName(config.appName());
    if (!submitted.contains("spark.master")) builder.master(config.sparkMaster());
    for (Map.Entry<String, String> e : settings(config).entrySet()) {
      if (!submitted.contains(e.getKey())) builder.config(e.getKey(), e.getValue());
    }
    return builder.enableHiveSupport().getOrCreate();
  }

  /** Every Spark setting the pipeline needs, configured ones first so that the fixed ones win. */
  public static Map<String, String> settings(PipelineConfig config) {
    Map<String, String> s = new java.util.LinkedHashMap<>();
    // A blank value unsets what an included file set (conf/s3.conf clears cluster.conf's HDFS checkpoints).
    config.sparkConf().forEach((k, v) -> {
      if (v != null && !v.isBlank()) s.put(k, v);
    });
    s.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    s.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    s.put("spark.sql.catalogImplementation", "hive");
    s.put("spark.sql.warehouse.dir", config.warehouse());
    checkCatalog(config);
    s.putAll(MetastoreSettings.of(config.metastore(), config.warehouse()));
    return s;
  }

  /** Refuses a catalog that cannot work, before anything is started (also what a dry run checks). */
  public static void checkCatalog(PipelineConfig config) {
    if (config.metastore().kind() == Metastore.Kind.EMBEDDED
        && config.warehouse().contains("://") && !config.warehouse().startsWith("file:")) {
      throw new IllegalArgumentException("the embedded metastore needs a local warehouse, not "
          + config.warehouse() + "; set vpr.metastore.kind = external (see conf/cluster.conf) or jdbc (conf/postgres.conf)");
    }
  }
}
