package ru.vpr.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two options the benchmark needs: {@code schools} scales a preset's region (sizes nest, so a
 * scaling series measures size and nothing else), and {@code csvOnly} writes the same region as UTF-8
 * csv only (so a reader without xlsx or Windows-1251 support reads the same pupils). One year keeps
 * the test to a few seconds.
 */
class GeneratorSizeAndFormatTest {
  @TempDir Path dir;

  private GenerationSummary generate(Path root, GeneratorSettings settings) {
    return new RegionGenerator(RegionGenerator.localStorage())
        .generate(settings.withOutputRoot(root.toString()).withYears(List.of(2025)));
  }

  @Test
  void schoolsScalesTheRegionAndSmallerRegionsArePrefixesOfLargerOnes() throws IOException {
    GeneratorSettings base = GeneratorSettings.of("unused", Preset.SAMPLE);
    GenerationSummary small = generate(dir.resolve("s12"), base.withSchools(12));
    GenerationSummary large = generate(dir.resolve("s30"), base.withSchools(30));
    assertEquals(12, small.schools());
    assertEquals(30, large.schools());
    assertTrue(small.pupilWorks() < large.pupilWorks(), small + " / " + large);
    List<String> smallRegistry = Files.readAllLines(dir.resolve("s12/schools.csv"));
    List<String> largeRegistry = Files.readAllLines(dir.resolve("s30/schools.csv"));
    assertEquals(13, smallRegistry.size(), "header + 12 schools");
    assertEquals(smallRegistry, largeRegistry.subList(0, 13));
  }

  @Test
  void csvOnlyWritesTheSameRegionAsUtf8Csv() throws IOException {
    GeneratorSettings base = GeneratorSettings.of("unused", Preset.SAMPLE);
    GenerationSummary mixed = generate(dir.resolve("mixed"), base);
    GenerationSummary csv = generate(dir.resolve("csv"), base.withCsvOnly(true));
    assertEquals(mixed, csv, "same counts of everything");
    for (String file : List.of("schools.csv", "labels.csv", "control.csv", "recheck/recheck.csv", "specs/tasks.csv")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("mixed").resolve(file)),
          Files.readAllBytes(dir.resolve("csv").resolve(file)), file);
    }

    Map<String, FormFiles.Form> before = byWorkAndSender(FormFiles.readAll(dir.resolve("mixed/landing")));
    Map<String, FormFiles.Form> after = byWorkAndSender(FormFiles.readAll(dir.resolve("csv/landing")));
    assertEquals(before.keySet(), after.keySet());
    assertTrue(before.values().stream().anyMatch(FormFiles.Form::xlsx), "the preset itself has xlsx forms");
    assertTrue(before.values().stream().anyMatch(f -> !f.xlsx() && !f.charset().equals(StandardCharsets.UTF_8)),
        "and Windows-1251 ones");
    for (Map.Entry<String, FormFiles.Form> e : after.entrySet()) {
      FormFiles.Form form = e.getValue();
      FormFiles.Form original = before.get(e.getKey());
      assertFalse(form.xlsx(), e.getKey());
      assertEquals(StandardCharsets.UTF_8, form.charset(), e.getKey());
      assertEquals(original.rawHeader(), form.rawHeader(), e.getKey());
      assertEquals(original.rows(), form.rows(), e.getKey());
    }
  }

  /** Forms keyed by folder and file name without its extension (xlsx and csv of one sender match). */
  private static Map<String, FormFiles.Form> byWorkAndSender(List<FormFiles.Form> forms) {
    Map<String, FormFiles.Form> out = new TreeMap<>();
    for (FormFiles.Form f : forms) {
      String name = f.fileName().substring(0, f.fileName().lastIndexOf('.'));
      out.put(f.year() + "/" + f.subject() + "/" + f.grade() + "/" + name, f);
    }
    return out;
  }
}
