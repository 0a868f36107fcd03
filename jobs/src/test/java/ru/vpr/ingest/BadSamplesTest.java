package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import ru.vpr.io.Storage;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.WorkKey;

/**
 * Runs every file of {@code data-samples/bad} through {@link FormProcessor} and checks it against the
 * table in that folder's README, so the README cannot drift from what the code does.
 */
class BadSamplesTest {
  /** Maven runs tests in the module folder ({@code jobs}); the samples are at the repository root. */
  static final Path BAD = Path.of("..", "data-samples", "bad");
  private static final Path LANDING = BAD.resolve("landing");
  /** A README table row: | `file` | status | reasons | ... */
  private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*(\\w+)\\s*\\|([^|]*)\\|");

  private static Reference reference;

  @BeforeAll
  static void loadReference() {
    Storage storage = Storage.local();
    reference = new Reference(
        SpecCatalog.read(storage, BAD.resolve("specs").toAbsolutePath().toString()),
        SchoolRegistry.read(storage, BAD.resolve("schools.csv").toAbsolutePath().toString()));
  }

  record Expected(String status, TreeSet<String> reasons) {}

  static Map<String, Expected> readmeTable() throws IOException {
    Map<String, Expected> table = new TreeMap<>();
    for (String line : Files.readAllLines(BAD.resolve("README.md"))) {
      Matcher m = TABLE_ROW.matcher(line);
      if (!m.find()) continue;
      TreeSet<String> reasons = new TreeSet<>();
      for (String r : m.group(3).split(",")) {
        String reason = r.replace("`", "").trim();
        if (!reason.isEmpty() && !reason.equals("—")) reasons.add(reason);
      }
      table.put(m.group(1), new Expected(m.group(2), reasons));
    }
    return table;
  }

  private static List<String> landingFiles() throws IOException {
    try (Stream<Path> files = Files.walk(LANDING)) {
      return files.filter(Files::isRegularFile)
          .map(p -> LANDING.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @Test
  void readmeListsEveryFileAndNoOther() throws IOException {
    assertEquals(landingFiles(), new ArrayList<>(readmeTable().keySet()));
  }

  @Test
  void everyReasonHasASample() throws IOException {
    TreeSet<String> covered = new TreeSet<>();
    readmeTable().values().forEach(e -> covered.addAll(e.reasons()));
    TreeSet<String> expected = new TreeSet<>();
    for (RejectReason reason : RejectReason.values()) {
      // Two files for one school × work can only be seen across files: the Spark job decides that. A link
      // and a file too large are made by HostileFilesTest as it runs: a zip bomb or a link leading out of
      // the folder has no place in a repository that people check out.
      if (reason != RejectReason.DUPLICATE_WORK && reason != RejectReason.FILE_TOO_LARGE
          && reason != RejectReason.LINK_NOT_FOLLOWED) {
        expected.add(reason.code());
      }
    }
    assertEquals(expected, covered);
  }

  @TestFactory
  Stream<DynamicTest> eachFileGetsTheReasonsTheReadmeSays() throws IOException {
    Map<String, Expected> table = readmeTable();
    return table.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
      String relative = entry.getKey();
      String root = "file:" + LANDING.toAbsolutePath().normalize();
      String path = "file:" + LANDING.resolve(relative).toAbsolutePath().normalize();
      LandingLayout.Placement placement = LandingLayout.place(root, path);
      FormFile file = new FormFile(path, placement.work(), placement.login(), Files.readAllBytes(LANDING.resolve(relative)));
      FormOutcome outcome = FormProcessor.process(file, reference);
      TreeSet<String> reasons = outcome.rejects().stream().map(FormOutcome.RejectRecord::reason)
          .collect(Collectors.toCollection(TreeSet::new));
      String actual = outcome.status() + " " + reasons + " " + outcome.rejects();
      assertEquals(entry.getValue().status(), outcome.status(), actual);
      assertEquals(entry.getValue().reasons(), reasons, actual);
      if (!outcome.status().equals(FormOutcome.REFUSED)) {
        assertFalse(outcome.results().isEmpty(), "every readable bad sample also has accepted rows");
      }
    }));
  }
}
