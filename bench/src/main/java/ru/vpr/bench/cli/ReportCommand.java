package ru.vpr.bench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.vpr.bench.report.Analysis;
import ru.vpr.bench.report.Machine;
import ru.vpr.bench.report.ResultsDir;
import ru.vpr.bench.report.ResultsPage;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes the results page (bench/RESULTS.md) from the results folder bench/run filled.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--results", required = true, paramLabel = "DIR", description = "bench/run's results folder.")
  Path results;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The page to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    ResultsDir dir = new ResultsDir(results);
    String page = new ResultsPage(dir.runProperties(), dir.commands(), Machine.describe(), new Analysis(dir.dataSets())).render();
    Files.writeString(out, page, StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
    return 0;
  }
}
