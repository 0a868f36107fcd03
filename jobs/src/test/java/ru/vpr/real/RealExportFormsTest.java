package ru.vpr.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import ru.vpr.ingest.FormFile;
import ru.vpr.ingest.FormOutcome;
import ru.vpr.ingest.FormProcessor;
import ru.vpr.ingest.LandingLayout;
import ru.vpr.ingest.Reference;
import ru.vpr.ingest.RejectReason;
import ru.vpr.reference.BuiltinSpecs;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.WorkKey;
import ru.vpr.registry.RegistryBuilder;
import ru.vpr.registry.RegistryTestAccess;
import ru.vpr.test.RealExports;

/**
 * Each real FIS OKO export of {@code ../shared/real} through ingest's form processor, with the built-in
 * specs and a registry built from the exports themselves: what a region without files of its own gets.
 * The Spark ingest of the same files is {@link RealExportsIngestTest}.
 */
class RealExportFormsTest {
  private static Reference reference;
  /** Each file is processed once and its outcome shared by the tests. */
  private static final Map<Path, FormOutcome> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void registryFromTheExports() throws IOException {
    Path real = RealExports.folder();
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("exports-2020", "exports-2021", "exports-2022")) files.addAll(RealExports.xlsxUnder(folder));
    RegistryBuilder.Built built = RegistryTestAccess.build(real, files, real.resolve("logins.xlsx"));
    reference = new Reference(BuiltinSpecs.catalog(), built.registry());
  }

  private static FormOutcome process(Path file) throws IOException {
    FormOutcome known = OUTCOMES.get(file);
    if (known != null) return known;
    FormOutcome outcome = processAgain(file);
    OUTCOMES.put(file, outcome);
    return outcome;
  }

  private static FormOutcome processAgain(Path file) throws IOException {
    String root = "file:" + RealExports.folder();
    String path = "file:" + file;
    LandingLayout.Placement placement = LandingLayout.place(root, path);
    return FormProcessor.process(new FormFile(path, placement.work(), placement.login(), Files.readAllBytes(file)), reference);
  }

  @TestFactory
  List<DynamicTest> the2021And2020ExportsGoInAlmostWhole() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> files = new ArrayList<>(RealExports.xlsxUnder("exports-2021"));
    files.addAll(RealExports.xlsxUnder("exports-2020"));
    for (Path file : files) {
      tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
        FormOutcome outcome = process(file);
        long read = outcome.raw().size();
        long refused = outcome.errorRows();
        assertEquals(read, outcome.results().size() + refused, "every row is accepted or refused");
        assertTrue(read > 20_000, "the whole region's export: " + read);
        assertTrue(outcome.results().size() >= 0.995 * read,
            () -> file.getFileName() + ": " + outcome.results().size() + " of " + read + " accepted; refused: " + refusedByReason(outcome));
        assertTrue(outcome.rejects().stream().filter(r -> r.severity().equals(RejectReason.ERROR)).allMatch(r ->
            List.of("score_not_number", "score_above_max", "invalid_variant", "invalid_code").contains(r.reason())),
            () -> "only what §1.4 names refuses a row: " + refusedByReason(outcome));
      }));
    }
    return tests;
  }

  @Test
  void theExportsAreRecognisedAndPlacedByName() throws IOException {
    Map<String, java.util.Set<String>> kinds = new TreeMap<>();
    for (String folder : List.of("exports-2020", "exports-2021", "exports-2022")) {
      for (Path file : RealExports.xlsxUnder(folder)) {
        WorkKey work = LandingLayout.place("file:" + RealExports.folder(), "file:" + file).work();
        assertNotNull(work, file + " is placed by its name");
        assertEquals(folder.substring("exports-".length()), String.valueOf(work.year()), file.toString());
        kinds.computeIfAbsent(folder, f -> new java.util.TreeSet<>()).add(process(file).kind());
      }
    }
    assertEquals(Map.of("exports-2020", java.util.Set.of("raw_export"), "exports-2021", java.util.Set.of("export_2021"),
        "exports-2022", java.util.Set.of("fis_oko_export")), kinds, "each layout recognised from its header");
  }

  @Test
  void the2022ExportsGoInWhereTheWorkIsKnown() throws IOException {
    long read = 0;
    long accepted = 0;
    for (Path file : RealExports.xlsxUnder("exports-2022")) {
      FormOutcome outcome = process(file);
      WorkKey work = LandingLayout.place("file:" + RealExports.folder(), "file:" + file).work();
      if (reference.specs().work(work).isEmpty()) {
        assertEquals(FormOutcome.REFUSED, outcome.status());
        assertEquals("unknown_work", outcome.rejects().get(0).reason(), "no published spec for " + work);
        continue;
      }
      assertTrue(outcome.results().size() >= 0.98 * outcome.raw().size(),
          () -> file + ": " + outcome.results().size() + " of " + outcome.raw().size() + ": " + refusedByReason(outcome));
      read += outcome.raw().size();
      accepted += outcome.results().size();
    }
    // History 11's task 12 is worth 1 point by the export's own header, yet 43 pupils of 19 schools have 2.
    assertTrue(accepted >= 0.995 * read, accepted + " of " + read);
  }

  private static Map<String, Long> refusedByReason(FormOutcome outcome) {
    return outcome.rejects().stream().filter(r -> r.severity().equals(RejectReason.ERROR))
        .collect(Collectors.groupingBy(FormOutcome.RejectRecord::reason, TreeMap::new, Collectors.counting()));
  }
}
