package ru.vpr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.detect.DetectJob;

@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    header = "Scores every class and school × work for signs of biased grading and flags the risk zone.",
    description = {
        "Scores every class x work of every year (or --year) for signs of biased grading: signals S1..S8",
        "calibrated to p-values within each work (class_signals), peer groups of schools (peer_groups),",
        "the risk score, rank, reasons and flag of every class (risk_classes), school x work (risk_schools)",
        "and school (risk_school_totals). Settings in vpr.detect; models saved under <warehouse>/models/detect.",
        "",
        "Examples:",
        "  bin/vpr detect --year 2025",
        "  bin/vpr sql \"SELECT login, class, subject, risk_score, reasons FROM vpr.risk_classes",
        "      WHERE year = 2025 AND flagged ORDER BY risk_rank\""})
public final class DetectCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.config();
    DetectConfig settings = options.detectConfig();
    return JobLauncher.launch(options, "detect", config,
        spark -> System.out.print(new DetectJob(spark, config, settings).run().format()));
  }
}
