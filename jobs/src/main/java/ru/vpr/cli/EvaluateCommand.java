package ru.vpr.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.evaluate.Evaluator;
import ru.vpr.generate.Preset;
import ru.vpr.io.Storage;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    header = "Measures detection against the manipulations planted in generated regions.",
    description = {
        "Measures detection against planted manipulations: generates a region per seed (threshold pushing,",
        "rubric inflation, dictation, copied works, mark alignment, genuinely strong classes as controls),",
        "ingests it, runs detection and reports ROC AUC, average precision, precision@k, recall@k, recall at",
        "1%% and 5%% false-positive rate for the full model, the rule baseline, ablations and each signal alone,",
        "per manipulation, intensity and class size. Everything goes under --work-dir (its own warehouse).",
        "",
        "Example:",
        "  bin/vpr evaluate --preset region-m --seeds 101,102,103 --out bench/detection.md"})
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Option(names = "--preset", defaultValue = "region-m", paramLabel = "NAME", description = "Region size (default region-m).")
  String preset;

  @Option(names = "--seeds", split = ",", defaultValue = "101,102,103", paramLabel = "N",
      description = "Generator seeds, none of them the one the detector was tuned on (default 101,102,103).")
  List<Long> seeds;

  @Option(names = "--years", split = ",", defaultValue = "2023,2024,2025", paramLabel = "YYYY",
      description = "Years to generate; every year but the first is evaluated.")
  List<Integer> years;

  @Option(names = "--manipulated-share", defaultValue = "0.08", paramLabel = "P", description = "Share of class works manipulated.")
  double manipulatedShare;

  @Option(names = "--strong-share", defaultValue = "0.04", paramLabel = "P", description = "Share of genuinely strong classes.")
  double strongShare;

  @Option(names = "--scenarios", split = ",", defaultValue = "targeted,endemic", paramLabel = "NAME",
      description = "targeted: the targeted manipulations only; endemic: beside them, a share of schools pushing pupils "
          + "over the first score of mark 3 in every class (default both).")
  List<String> scenarios;

  @Option(names = "--endemic-share", defaultValue = "0.5", paramLabel = "P",
      description = "Share of schools that push in the endemic scenario (default 0.5).")
  double endemicShare;

  @Option(names = "--work-dir", defaultValue = "bench/data/evaluate", paramLabel = "DIR",
      description = "Scratch folder for the generated regions and their warehouse (default bench/data/evaluate).")
  String workDir;

  @Option(names = "--reuse", description = "Reuse regions already generated and ingested in --work-dir (after a change to detection only).")
  boolean reuse;

  @Option(names = "--out", defaultValue = "bench/detection.md", paramLabel = "FILE", description = "Report file (markdown).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.config().withWarehouse(Storage.join(workDir, "warehouse"));
    DetectConfig settings = options.detectConfig();
    chosen(); // an unknown scenario is refused before Spark starts
    return JobLauncher.launch(options, "evaluate", config, spark -> evaluate(spark, config, settings));
  }

  private void evaluate(SparkSession spark, PipelineConfig config, DetectConfig settings) throws IOException {
    String command = "bin/vpr evaluate --preset " + preset + " --seeds " + join(seeds) + " --years " + join(years)
        + " --manipulated-share " + manipulatedShare + " --strong-share " + strongShare + " --scenarios " + join(scenarios)
        + " --endemic-share " + endemicShare + " --out " + out;
    String report = new Evaluator(spark, config, settings)
        .evaluate(command, workDir, Preset.parse(preset), chosen(), seeds, years, manipulatedShare, strongShare, reuse);
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.print(report);
    System.out.println("Report written to " + out);
  }

  private List<Evaluator.Scenario> chosen() {
    return scenarios.stream().map(n -> Evaluator.Scenario.parse(n, endemicShare)).toList();
  }

  private static String join(List<?> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }
}
