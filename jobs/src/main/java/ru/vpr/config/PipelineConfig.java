package ru.vpr.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The typed configuration every job runs with: locations, catalog and Spark settings. Built from
 * the HOCON defaults ({@code application.conf} on the class path, with environment overrides), an
 * optional file given with {@code --conf}, and finally command-line options.
 */
public record PipelineConfig(
    String landing,
    String registry,
    String specs,
    String control,
    String recheck,
    String warehouse,
    String publishDir,
    String database,
    Metastore metastore,
    String sparkMaster,
    String appName,
    Map<String, String> sparkConf,
    Integer year) {

  public PipelineConfig {
    sparkConf = Map.copyOf(sparkConf);
    if (metastore == null) throw new IllegalArgumentException("no metastore configured (vpr.metastore)");
  }

  /** Defaults plus, when given, a configuration file layered on top. */
  public static PipelineConfig load(Optional<File> confFile) {
    return from(layered(confFile).getConfig("vpr"));
  }

  /** The resolved HOCON tree: defaults with the file layered on top; other typed configs read it too. */
  public static Config layered(Optional<File> confFile) {
    Config defaults = ConfigFactory.parseResources("application.conf");
    Config layered = confFile
        .map(f -> {
          if (!f.isFile()) throw new IllegalArgumentException("configuration file not found: " + f);
          return ConfigFactory.parseFile(f).withFallback(defaults);
        })
        .orElse(defaults);
    return layered.resolve();
  }

  static PipelineConfig from(Config c) {
    Map<String, String> spark = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig("spark.conf").root().entrySet()) {
      spark.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    return new PipelineConfig(
        c.getString("landing"),
        c.getString("registry"),
        c.getString("specs"),
        c.getString("control"),
        c.getString("recheck"),
        absolute(c.getString("warehouse")),
        c.getString("publish-dir"),
        c.getString("database"),
        Metastore.from(c.getConfig("metastore")),
        c.getString("spark.master"),
        c.getString("spark.app-name"),
        spark,
        c.hasPath("year") ? c.getInt("year") : null);
  }

  public PipelineConfig withLanding(String v) {
    return new PipelineConfig(v, registry, specs, control, recheck, warehouse, publishDir, database,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withRegistry(String v) {
    return new PipelineConfig(landing, v, specs, control, recheck, warehouse, publishDir, database,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withSpecs(String v) {
    return new PipelineConfig(landing, registry, v, control, recheck, warehouse, publishDir, database,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withControl(String v) {
    return new PipelineConfig(landing, registry, specs, v, recheck, warehouse, publishDir, database,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withRecheck(String v) {
    return new PipelineConfig(landing, registry, specs, control, v, warehouse, publishDir, database,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withWarehouse(String v) {
    return new PipelineConfig(landing, registry, specs, control, recheck, absolute(v), publishDir, database,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withPublishDir(String v) {
    return new PipelineConfig(landing, registry, specs, control, recheck, warehouse, v, database,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withDatabase(String v) {
    return new PipelineConfig(landing, registry, specs, control, recheck, warehouse, publishDir, v,
        metastore, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withMetastore(Metastore v) {
    return new PipelineConfig(landing, registry, specs, control, recheck, warehouse, publishDir, database,
        v, sparkMaster, appName, sparkConf, year);
  }

  public PipelineConfig withYear(Integer v) {
    return new PipelineConfig(landing, registry, specs, control, recheck, warehouse, publishDir, database,
        metastore, sparkMaster, appName, sparkConf, v);
  }

  /**
   * The {@code spark.hadoop.*} settings as Hadoop keys ({@code fs.s3a.endpoint}, ...), for Hadoop
   * file system clients that run without a SparkSession (the generator); inside a job the session's
   * Hadoop configuration already holds them.
   */
  public Map<String, String> hadoopSettings() {
    Map<String, String> hadoop = new LinkedHashMap<>();
    sparkConf.forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) hadoop.put(k.substring("spark.hadoop.".length()), v);
    });
    return hadoop;
  }

  /** The location of the reference folder tables derive from; null when the option is blank. */
  public static boolean isSet(String location) {
    return location != null && !location.isBlank();
  }

  /**
   * Spark and the Derby metastore need an absolute warehouse: a relative one would move with the
   * working folder of whichever process opens the catalog next.
   */
  static String absolute(String location) {
    if (location.contains(":")) return location;
    return Paths.get(location).toAbsolutePath().normalize().toString();
  }
}
