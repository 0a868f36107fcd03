package ru.vpr.bench.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.vpr.bench.duckdb.DuckDbIndicators;
import ru.vpr.bench.duckdb.DuckDbRun;

@Command(
    name = "duckdb",
    mixinStandardHelpOptions = true,
    description = {
        "Computes the class, school, municipality and region indicators with DuckDB from the landing csv",
        "files: unit_indicators, score_histograms, task_indicators and task_mark_indicators as parquet files",
        "in --out, and duckdb.properties with the phase times and counts. Needs csv forms in UTF-8",
        "(bin/vpr generate --csv-only)."})
final class DuckDbCommand implements Callable<Integer> {
  @Mixin DataSet data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the parquet files.")
  Path out;

  @Option(names = "--min-group", defaultValue = "10", description = "vpr.indicators.min-group (default ${DEFAULT-VALUE}).")
  int minGroup;

  @Option(names = "--min-distribution", defaultValue = "20",
      description = "vpr.indicators.min-distribution (default ${DEFAULT-VALUE}).")
  int minDistribution;

  @Override
  public Integer call() throws Exception {
    DuckDbRun run = new DuckDbIndicators(data.landing(), data.registry(), data.specs(), out, minGroup, minDistribution).run();
    System.out.print(run.format());
    write(out.resolve("duckdb.properties"), run);
    return 0;
  }

  private static void write(Path file, DuckDbRun run) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (var e : run.properties().entrySet()) w.write(e.getKey() + "=" + e.getValue() + "\n");
    }
  }
}
