package ru.vpr.test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real FIS OKO exports of one region in {@code ../shared/real} (beside the project root), for tests
 * against real files. They are read where they lie and never copied into the repository; a test that
 * needs them is skipped, saying why, when the folder is absent (a clone elsewhere).
 */
public final class RealExports {
  private static final Path FOLDER = locate();

  private RealExports() {}

  /** The folder; skips the calling test when it is absent. */
  public static Path folder() {
    assumeTrue(FOLDER != null, "skipped: the real exports folder ../shared/real (beside the project root) is absent");
    return FOLDER;
  }

  public static Path file(String relative) {
    Path file = folder().resolve(relative);
    assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is absent");
    return file;
  }

  /** The xlsx files below a sub-folder, in name order. */
  public static List<Path> xlsxUnder(String relative) throws IOException {
    try (Stream<Path> files = Files.walk(folder().resolve(relative))) {
      return files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
    }
  }

  private static Path locate() {
    // Tests run in the module folder (jobs/), the project root is its parent, shared/ stands beside it.
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("real");
      if (Files.isDirectory(candidate)) return candidate;
    }
    return null;
  }
}
