package ru.vpr.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Java side of {@code bench/run}: the baselines the pipeline is measured against, the check that
 * the DuckDB baseline computes the pipeline's numbers, and the report. Each subcommand is one process
 * that bench/run times like a job.
 */
@Command(
    name = "vpr-bench",
    mixinStandardHelpOptions = true,
    version = "vpr-bench 0.1.0",
    description = "Benchmark baselines and report for bench/run.",
    subcommands = {DuckDbCommand.class, ParseCommand.class, VerifyCommand.class, ReportCommand.class, LargeExportCommand.class})
public final class BenchMain {
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }
}
