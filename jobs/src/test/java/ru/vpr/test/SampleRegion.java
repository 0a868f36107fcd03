package ru.vpr.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import ru.vpr.config.PipelineConfig;

/**
 * Parts of the committed sample region (data-samples/sample) for end-to-end tests: a few works of a
 * few years copied into a test's landing folder, and the sample's reference files.
 */
public final class SampleRegion {
  public static final Path ROOT = Path.of("..", "data-samples", "sample");

  private SampleRegion() {}

  /** Copies the forms of each work ({@code subject=ma/grade=5}) of each year into {@code landing}. */
  public static void copyWorks(Path landing, List<Integer> years, List<String> works) throws IOException {
    for (int year : years) {
      for (String work : works) {
        Path from = ROOT.resolve("landing").resolve("year=" + year).resolve(work);
        Path to = Files.createDirectories(landing.resolve("year=" + year).resolve(work));
        try (Stream<Path> files = Files.list(from)) {
          for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  /** The configuration reading {@code landing} with the sample's registry, specs, control and re-checks. */
  public static PipelineConfig withReference(PipelineConfig config, Path landing) {
    return config.withLanding(landing.toString())
        .withRegistry(ROOT.resolve("schools.csv").toString())
        .withSpecs(ROOT.resolve("specs").toString())
        .withControl(ROOT.resolve("control.csv").toString())
        .withRecheck(ROOT.resolve("recheck").toString());
  }
}
