package ru.vpr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.indicators.IndicatorsJob;

@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    header = "Computes the FIS OKO indicators per class, school, municipality and region.",
    description = {
        "Computes the FIS OKO indicators from the ingested results, for every year (or --year) x subject",
        "x grade, at class, school, municipality and region level: unit_indicators (marks, mean score,",
        "успеваемость, качество, VPR vs journal mark; views class_/school_/municipality_/region_indicators),",
        "score_histograms, task_indicators, task_mark_indicators, class_deficits, indicator_dynamics and",
        "low_result_schools (criteria in vpr.indicators.low-results). A year's rows are replaced whole.",
        "",
        "Examples:",
        "  bin/vpr indicators",
        "  bin/vpr indicators --year 2025 --conf conf/local.conf",
        "  bin/vpr sql \"SELECT municipality_code, written, share_2, share_3, share_4, share_5",
        "      FROM vpr.municipality_indicators WHERE subject = 'ma' AND grade = 5 ORDER BY year, 1\""})
public final class IndicatorsCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.config();
    IndicatorsConfig settings = options.indicatorsConfig();
    return JobLauncher.launch(options, "indicators", config,
        spark -> System.out.print(new IndicatorsJob(spark, config, settings).run().format()));
  }
}
