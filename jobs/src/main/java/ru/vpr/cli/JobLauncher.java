package ru.vpr.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /** A job that needs the catalog alone. */
  static int launch(CommonOptions options, String job, PipelineConfig config, Work work) throws Exception {
    return launch(options, job, config, Preflight.CATALOG_ONLY, work);
  }

  /** A job that also reads or writes what {@code needs} names: checked before Spark starts. */
  static int launch(CommonOptions options, String job, PipelineConfig config, Set<Preflight.Need> needs, Work work)
      throws Exception {
    SparkSessions.checkCatalog(config);
    Preflight.require(config, needs);
    if (options.dryRun) {
      System.out.print(plan(job, config, needs));
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

  static String plan(String job, PipelineConfig config, Set<Preflight.Need> needs) {
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
        "  checked    " + checked(needs, config),
        "");
  }

  private static String checked(Set<Preflight.Need> needs, PipelineConfig config) {
    List<String> parts = new ArrayList<>();
    for (Preflight.Need need : needs) parts.add(need.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    parts.add("metastore " + config.metastore().kind().configName());
    return String.join(", ", parts) + " (local paths; Hadoop URIs are the job's to reach)";
  }
}
