package ru.vpr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.config.PublishConfig;
import ru.vpr.detect.DetectJob;
import ru.vpr.indicators.IndicatorsJob;
import ru.vpr.ingest.IngestJob;
import ru.vpr.io.Storage;
import ru.vpr.publish.PublishJob;
import ru.vpr.publish.PublishSummary;

@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    header = "Runs every step in order in one Spark session: ingest, indicators, detect, publish.",
    description = {
        "Runs every step in order in one Spark session: ingest, indicators, detect, publish.",
        "",
        "Example:",
        "  bin/vpr pipeline --warehouse /data/vpr/warehouse",
        "",
        "A region's FIS OKO downloads as they come, with no registry or specs of its own:",
        "  bin/vpr pipeline --landing ~/vpr/downloads --registry ~/vpr/schools.csv --build-registry \\",
        "      --schools-list ~/vpr/logins.xlsx --specs builtin"})
public final class PipelineCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions options;
  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    registry.check(spec, options);
    PipelineConfig config = options.config();
    ru.vpr.config.IngestConfig ingest = options.ingestConfig();
    IndicatorsConfig indicators = options.indicatorsConfig();
    DetectConfig detect = options.detectConfig();
    PublishConfig publish = options.publishConfig();
    return JobLauncher.launch(options, "pipeline (ingest, indicators, detect, publish)", config,
        registry.needs(Preflight.PIPELINE), spark -> {
      registry.buildIfAsked(spark, config);
      System.out.print(new IngestJob(spark, config).limits(ingest.limits()).run().format());
      System.out.print(new IndicatorsJob(spark, config, indicators).run().format());
      System.out.print(new DetectJob(spark, config, detect).run().format());
      PublishSummary published = new PublishJob(spark, config, publish).run();
      System.out.print(published.format());
      System.out.println();
      System.out.println("Tables are in database '" + config.database() + "' of the warehouse " + Storage.absolute(config.warehouse())
          + "; query them with: bin/vpr sql \"SHOW TABLES IN " + config.database() + "\"");
      System.out.print(published.guide());
    });
  }
}
