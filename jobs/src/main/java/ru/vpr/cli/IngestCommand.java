package ru.vpr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.vpr.config.PipelineConfig;
import ru.vpr.ingest.IngestJob;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    header = "Reads the landing's results forms into the Delta tables, refusing bad files and rows with their reasons.",
    description = {
        "Reads every results form (xlsx, csv) under the landing root, validates it against the registry",
        "and the specs, and writes the Delta tables results, task_scores, forms_raw, ingest_files, rejects",
        "and the reference tables. Unchanged files are skipped; a changed file replaces its school × work.",
        "",
        "Example:",
        "  bin/vpr ingest --landing data-samples/sample/landing --registry data-samples/sample/schools.csv \\",
        "      --specs data-samples/sample/specs",
        "",
        "A region's FIS OKO downloads, as they come, with no registry of its own (works placed by file name):",
        "  bin/vpr ingest --landing ~/vpr/downloads --registry ~/vpr/schools.csv --build-registry --specs builtin"})
public final class IngestCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions options;
  @Mixin RegistryOptions registry;

  @Option(names = "--force", description = "Re-read every file, even those ingested unchanged before.")
  boolean force;

  @Option(names = "--retire-missing", description = "Remove the rows of files ingested before that are no longer in the "
      + "landing (without it they are kept and recorded as missing), in one commit per table.")
  boolean retireMissing;

  @Override
  public Integer call() throws Exception {
    registry.check(spec, options);
    PipelineConfig config = options.config();
    ru.vpr.config.IngestConfig ingest = options.ingestConfig();
    return JobLauncher.launch(options, "ingest", config, registry.needs(Preflight.INGEST), spark -> {
      registry.buildIfAsked(spark, config);
      System.out.print(new IngestJob(spark, config).limits(ingest.limits()).force(force).retireMissing(retireMissing).run().format());
    });
  }
}
