package ru.vpr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.config.PipelineConfig;
import ru.vpr.config.PublishConfig;
import ru.vpr.publish.PublishJob;
import ru.vpr.publish.PublishSummary;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    header = "Publishes each detected year's risk-zone lists, risk_zone.xlsx and reports into the publish folder.",
    description = {
        "Publishes the risk zone of every detected year (or --year) into <publish-dir>/<year>/:",
        "risk_classes.csv, risk_schools.csv, recheck_sample.csv (contract section 3), partner_schools.csv,",
        "low_result_schools.csv, recheck_outcomes.csv, risk_dynamics.csv, risk_zone.xlsx (in Russian),",
        "reports/*.html (analytic reports per municipality and region) and manifest.json; the same content",
        "goes to the publish tables, keyed by a publication id derived from the files. Settings in vpr.publish.",
        "",
        "Examples:",
        "  bin/vpr publish --year 2025 --publish-dir /data/vpr/publish",
        "  bin/vpr sql \"SELECT * FROM vpr.recheck_sample WHERE year = 2025 ORDER BY municipality_code, pick\""})
public final class PublishCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.config();
    PublishConfig settings = options.publishConfig();
    return JobLauncher.launch(options, "publish", config, Preflight.PUBLISH,
        spark -> {
          PublishSummary published = new PublishJob(spark, config, settings).run();
          System.out.print(published.format());
          System.out.print(published.guide());
        });
  }
}
