package ru.vpr.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.vpr.bench.large.LargeExport;

@Command(
    name = "large-export",
    mixinStandardHelpOptions = true,
    description = {
        "Writes a large region's whole-region export of one work (FIS OKO's 2021 layout, biology grade 5 of 2021)",
        "and a registry of its schools: landing/<file>.xlsx and schools.csv under --out."})
final class LargeExportCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
  Path out;

  @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Rows (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--pupils-per-school", defaultValue = "250", paramLabel = "N", description = "Rows per school (default ${DEFAULT-VALUE}).")
  int pupilsPerSchool;

  @Option(names = "--seed", defaultValue = "20210415", paramLabel = "N", description = "Random seed.")
  long seed;

  @Override
  public Integer call() throws Exception {
    LargeExport.Written w = new LargeExport().write(out, rows, pupilsPerSchool, seed);
    System.out.printf("large-export: %d rows of %d schools, %.1f MB in %s%n", w.rows(), w.schools(), w.bytes() / 1e6, w.export());
    return 0;
  }
}
