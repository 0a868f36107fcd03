package ru.vpr.cli;

import java.io.File;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.config.PublishConfig;

/** The options every job shares; each overrides the configuration value of the same name. */
public final class CommonOptions {
  @Option(names = "--conf", paramLabel = "FILE",
      description = "Configuration file layered over the defaults (conf/local.conf, conf/cluster.conf, conf/s3.conf).")
  File conf;

  @Option(names = "--landing", paramLabel = "URI", description = "Landing root: year=/subject=/grade=/ folders of forms, or a folder of FIS OKO downloads (placed by name).")
  String landing;

  @Option(names = "--registry", paramLabel = "URI", description = "School registry, schools.csv.")
  String registry;

  @Option(names = "--specs", paramLabel = "URI", description = "Folder with tasks.csv, scales.csv, subjects.csv, over the built-in specs of real works; 'builtin' for those alone.")
  String specs;

  @Option(names = "--control", paramLabel = "URI", description = "Objectivity-control list, control.csv (optional).")
  String control;

  @Option(names = "--recheck", paramLabel = "URI", description = "Folder of re-check outcome csv files (optional).")
  String recheck;

  @Option(names = "--warehouse", paramLabel = "URI", description = "Warehouse folder holding the tables (and the embedded metastore).")
  String warehouse;

  @Option(names = "--publish-dir", paramLabel = "URI", description = "Where published files are written.")
  String publishDir;

  @Option(names = "--database", paramLabel = "NAME", description = "Catalog database of the tables (default vpr).")
  String database;

  @Option(names = "--year", paramLabel = "YYYY", converter = YearConverter.class,
      description = "Work on one year only; 'all' for every year (the default).")
  Year year;

  @Option(names = "--dry-run",
      description = "Check the options and the configuration, print what would run and exit without starting Spark.")
  boolean dryRun;

  /** The configuration: defaults, then --conf, then these options. */
  public PipelineConfig config() {
    PipelineConfig c = PipelineConfig.load(confFile());
    if (landing != null) c = c.withLanding(landing);
    if (registry != null) c = c.withRegistry(registry);
    if (specs != null) c = c.withSpecs(specs);
    if (control != null) c = c.withControl(control);
    if (recheck != null) c = c.withRecheck(recheck);
    if (warehouse != null) c = c.withWarehouse(warehouse);
    if (publishDir != null) c = c.withPublishDir(publishDir);
    if (database != null) c = c.withDatabase(database);
    if (year != null) c = c.withYear(year.value());
    return withoutSampleExtras(c);
  }

  /**
   * The optional reference files of the configuration's own landing (by default the sample's objectivity
   * control and re-checks) describe that landing's schools: a run on another landing given with
   * {@code --landing} reads them only when they are named too.
   */
  private PipelineConfig withoutSampleExtras(PipelineConfig c) {
    if (landing == null) return c;
    PipelineConfig base = PipelineConfig.load(confFile());
    if (landing.equals(base.landing())) return c;
    if (control == null && c.control().equals(base.control())) c = c.withControl("");
    if (recheck == null && c.recheck().equals(base.recheck())) c = c.withRecheck("");
    return c;
  }

  /** The ingest job's settings: defaults, then --conf. */
  public ru.vpr.config.IngestConfig ingestConfig() {
    return ru.vpr.config.IngestConfig.load(confFile());
  }

  /** The indicators job's settings: defaults, then --conf. */
  public IndicatorsConfig indicatorsConfig() {
    return IndicatorsConfig.load(confFile());
  }

  /** The publish job's settings: defaults, then --conf. */
  public PublishConfig publishConfig() {
    return PublishConfig.load(confFile());
  }

  /** The detection job's settings: defaults, then --conf. */
  public DetectConfig detectConfig() {
    return DetectConfig.load(confFile());
  }

  private Optional<File> confFile() {
    return Optional.ofNullable(conf).or(() -> Optional.ofNullable(System.getenv("VPR_CONF")).map(File::new));
  }

  /** A {@code --year} value: one year, or null for every year ({@code all}, which a scheduler can pass as a default). */
  record Year(Integer value) {}

  static final class YearConverter implements ITypeConverter<Year> {
    @Override
    public Year convert(String text) {
      if (text.equalsIgnoreCase("all")) return new Year(null);
      if (!text.matches("[0-9]{4}")) throw new TypeConversionException("'" + text + "' is not a year (YYYY) nor 'all'");
      return new Year(Integer.parseInt(text));
    }
  }
}
