package ru.vpr.bench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a generated region is: the layout {@code bin/vpr generate} writes. */
final class DataSet {
  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "Generated region: landing/, schools.csv and specs/ under it.")
  Path root;

  Path landing() {
    return root.resolve("landing");
  }

  Path registry() {
    return root.resolve("schools.csv");
  }

  Path specs() {
    return root.resolve("specs");
  }
}
