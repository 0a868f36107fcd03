package ru.vpr.cli;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.vpr.config.PipelineConfig;
import ru.vpr.generate.GenerationSummary;
import ru.vpr.generate.GeneratorSettings;
import ru.vpr.generate.Preset;
import ru.vpr.generate.RegionGenerator;
import ru.vpr.io.Storage;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Generates a synthetic region in the data contract's layout, with the manipulations it planted listed.",
    description = {
        "Generates a synthetic region in the data contract's layout: schools.csv, specs/, landing/ forms",
        "(xlsx and csv, UTF-8 and Windows-1251, school forms and regional exports), control.csv, recheck/,",
        "and labels.csv listing every planted manipulation. Seeded: the same options give the same bytes.",
        "",
        "Presets: sample (~40 schools, grades 4-5), region-m (~500 schools), region-l (~1,800 schools).",
        "",
        "Examples:",
        "  bin/vpr generate --preset sample --out data-samples/sample",
        "  bin/vpr generate --preset region-l --out bench/data/region-l --seed 7",
        "  bin/vpr generate --preset region-l --schools 120 --csv-only --out bench/data/l-120",
        "  bin/vpr generate --preset sample --schools 8 --fis-oko --out data-samples/fis-oko",
        "  bin/vpr generate --out s3a://vpr/sample --conf conf/s3.conf   (endpoint and keys from the environment)"})
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--preset", defaultValue = "sample", paramLabel = "NAME",
      description = "sample, region-m or region-l (default ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--out", required = true, paramLabel = "URI", description = "Output root (local folder or Hadoop URI).")
  String out;

  @Option(names = "--conf", paramLabel = "FILE",
      description = "Configuration file whose spark.hadoop.* settings reach a non-local --out (conf/s3.conf).")
  File conf;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default " + GeneratorSettings.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--years", split = ",", paramLabel = "YYYY", description = "Years to generate (default 2023,2024,2025).")
  List<Integer> years;

  @Option(names = "--manipulated-share", paramLabel = "P", description = "Share of class works with a planted manipulation.")
  Double manipulatedShare;

  @Option(names = "--strong-share", paramLabel = "P", description = "Share of genuinely strong classes (negative controls).")
  Double strongShare;

  @Option(names = "--endemic-share", paramLabel = "P",
      description = "Share of schools that push part of their pupils over the first score of mark 3 in every class, as real regions show (default 0: the targeted manipulations only).")
  Double endemicShare;

  @Option(names = "--threads", paramLabel = "N", description = "Writer threads; the output does not depend on it.")
  Integer threads;

  @Option(names = "--schools", paramLabel = "N",
      description = "Schools in the region instead of the preset's count (same mix; the first N schools do not depend on N).")
  Integer schools;

  @Option(names = "--csv-only",
      description = "Write every form as UTF-8 csv (no xlsx, no Windows-1251): the same region for readers without those, such as the DuckDB baseline of bench/run.")
  boolean csvOnly;

  @Option(names = "--fis-oko",
      description = "Write the landing as a coordinator's FIS OKO downloads: one whole-region export per work in FIS OKO's real layouts (placed by name), a few schools' collection forms, and logins.xlsx instead of schools.csv.")
  boolean fisOko;

  @Override
  public Integer call() {
    GeneratorSettings settings = GeneratorSettings.of(out, Preset.parse(preset));
    if (seed != null) settings = settings.withSeed(seed);
    if (years != null) settings = settings.withYears(years);
    if (manipulatedShare != null) settings = settings.withManipulatedShare(manipulatedShare);
    if (strongShare != null) settings = settings.withStrongClassShare(strongShare);
    if (endemicShare != null) settings = settings.withEndemicShare(endemicShare);
    if (threads != null) settings = settings.withThreads(threads);
    if (schools != null) settings = settings.withSchools(schools);
    settings = settings.withCsvOnly(csvOnly).withFisOkoDownloads(fisOko);
    boolean local = !out.contains("://") || out.startsWith("file:");
    Storage storage = local ? RegionGenerator.localStorage() : new Storage(hadoopConfiguration());
    long start = System.nanoTime();
    GenerationSummary summary = new RegionGenerator(storage).generate(settings);
    System.out.println(summary.format());
    System.out.printf(Locale.ROOT, "Generated into %s in %.1f s%n", out, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** Hadoop defaults plus the spark.hadoop.* settings of --conf (or VPR_CONF): s3a endpoint, credentials. */
  private Configuration hadoopConfiguration() {
    Configuration hadoop = new Configuration();
    PipelineConfig.load(Optional.ofNullable(conf).or(() -> Optional.ofNullable(System.getenv("VPR_CONF")).map(File::new)))
        .hadoopSettings().forEach(hadoop::set);
    return hadoop;
  }
}
