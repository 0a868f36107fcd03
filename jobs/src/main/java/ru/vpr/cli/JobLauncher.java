package ru.vpr.cli;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.PipelineConfig;
import ru.vpr.spark.SparkSessions;

/**
 * How every command that needs Spark starts it. The command loads its configuration and its job's
 * settings first, so that a bad value fails before anything starts; then either the session is
 * created and the work done, or, under {@code --dry-run}, only what would run is printed. A scheduler
 * checks its task arguments this way without a cluster.
 */
final class JobLauncher {
  /** A command's work in its session; it prints its own summary. */
  @FunctionalInterface
  interface Work {
    void run(SparkSession spark) throws Exception;
  }

  private JobLauncher() {}

  static int launch(CommonOptions options, String job, PipelineConfig config, Work work) throws Exception {
    SparkSessions.checkCatalog(config);
    if (options.dryRun) {
      System.out.print(plan(job, config));
      return 0;
    }
    SparkSession spark = SparkSessions.create(config);
    try {
      work.run(spark);
    } catch (Exception e) {
      // The catalog opens at the first table a job touches, so its failures surface from the work.
      Optional<String> why = CatalogFailures.explain(e, config);
      if (why.isPresent()) throw new IllegalStateException(why.get(), e);
      throw e;
    }
    return 0;
  }

  static String plan(String job, PipelineConfig config) {
    String submitted = System.getProperty("spark.master");
    return String.join(System.lineSeparator(),
        "dry run: " + job + " would run; no Spark session started",
        "  database   " + config.database(),
        "  warehouse  " + config.warehouse(),
        "  metastore  " + config.metastore().describe(),
        "  landing    " + config.landing(),
        "  publish    " + config.publishDir(),
        "  year       " + (config.year() == null ? "all" : config.year()),
        "  master     " + (submitted != null ? submitted + " (spark-submit)" : config.sparkMaster() + " (vpr.spark.master)"),
        "");
  }
}
