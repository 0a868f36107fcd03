package ru.vpr.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.config.PipelineConfig;
import ru.vpr.indicators.IndicatorsJob;
import ru.vpr.indicators.IndicatorsSummary;
import ru.vpr.spark.SparkSessions;

@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
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
  public Integer call() {
    PipelineConfig config = options.config();
    SparkSession spark = SparkSessions.create(config);
    IndicatorsSummary summary = new IndicatorsJob(spark, config, options.indicatorsConfig()).run();
    System.out.print(summary.format());
    return 0;
  }
}
