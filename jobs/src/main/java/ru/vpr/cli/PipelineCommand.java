package ru.vpr.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.config.PipelineConfig;
import ru.vpr.detect.DetectJob;
import ru.vpr.indicators.IndicatorsJob;
import ru.vpr.ingest.IngestJob;
import ru.vpr.spark.SparkSessions;

@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = {
        "Runs every step in order in one Spark session: ingest, indicators, detect (then, when it is added,",
        "publish).",
        "",
        "Example:",
        "  bin/vpr pipeline --warehouse /data/vpr/warehouse"})
public final class PipelineCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Override
  public Integer call() {
    PipelineConfig config = options.config();
    SparkSession spark = SparkSessions.create(config);
    System.out.print(new IngestJob(spark, config).run().format());
    System.out.print(new IndicatorsJob(spark, config, options.indicatorsConfig()).run().format());
    System.out.print(new DetectJob(spark, config, options.detectConfig()).run().format());
    System.out.println("Tables are in database '" + config.database() + "' of the warehouse " + config.warehouse());
    System.out.println("Query them with: bin/vpr sql \"SHOW TABLES IN " + config.database() + "\"");
    return 0;
  }
}
