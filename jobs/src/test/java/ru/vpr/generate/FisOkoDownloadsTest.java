package ru.vpr.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FisOkoDownloadsTest {
  private static final Path COMMITTED = Path.of("..", "data-samples", "fis-oko");

  @Test
  void theCommittedSampleIsWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
    new RegionGenerator(RegionGenerator.localStorage()).generate(
        GeneratorSettings.of(dir.toString(), Preset.SAMPLE).withSchools(8).withFisOkoDownloads(true));
    List<Path> generated = files(dir);
    List<Path> committed = files(COMMITTED).stream().filter(p -> !p.toString().equals("README.md")).toList();
    assertEquals(committed, generated, "regenerate with: bin/vpr generate --preset sample --schools 8 --fis-oko --out data-samples/fis-oko");
    for (Path f : generated) assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(f)), Files.readAllBytes(dir.resolve(f)), f.toString());
  }

  @Test
  void taskHeadersAreFisOkosOwn() {
    assertEquals("5(1) (1б)", FisOkoDownloads.fisOkoTaskHeader(new ru.vpr.reference.TaskSpec("5.1", 1, "Б", "key")));
    assertEquals("1К1 (4б)", FisOkoDownloads.fisOkoTaskHeader(new ru.vpr.reference.TaskSpec("1К1", 4, "Б", "rubric")));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
