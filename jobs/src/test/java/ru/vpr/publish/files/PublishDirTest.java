package ru.vpr.publish.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.io.Storage;

class PublishDirTest {
  private final Storage storage = Storage.local();

  @TempDir Path root;

  @Test
  void aKilledRunsStagingFolderIsRemovedWhenTheNextPublicationStarts() throws Exception {
    Path year = root.resolve("publish/2025");
    Files.createDirectories(year.resolve(".staging-killed-run"));
    Files.write(year.resolve(".staging-killed-run/risk_classes.csv"), new byte[0]);
    Files.writeString(year.resolve("notes.txt"), "a person's file");
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "run-2")) {
      publish.write("risk_classes.csv", bytes("year\r\n"));
      publish.commit();
    }
    assertEquals(List.of("manifest.json", "notes.txt", "risk_classes.csv"), files(year), "no staging folder is left");
  }

  @Test
  void filesThePreviousPublicationWroteAndThisOneDoesNotAreRemoved() throws Exception {
    Path year = root.resolve("publish/2025");
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "run-1")) {
      publish.write("risk_classes.csv", bytes("1"));
      publish.write("reports/municipality_01.html", bytes("01"));
      publish.write("reports/municipality_02.html", bytes("02"));
      publish.commit();
    }
    Files.writeString(year.resolve("reports/notes.txt"), "a person's file");
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "run-2")) {
      publish.write("risk_classes.csv", bytes("2"));
      publish.write("reports/municipality_01.html", bytes("01"));
      publish.commit();
    }
    assertEquals(List.of("manifest.json", "reports/municipality_01.html", "reports/notes.txt", "risk_classes.csv"), files(year),
        "municipality 02's report is gone with it; a file the publication never wrote stays");
  }

  @Test
  void commitMovesEveryFileIntoPlaceAndWritesTheManifest() throws Exception {
    Path year = root.resolve("publish/2025");
    List<StagedFile> published;
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "run-1")) {
      publish.write("risk_classes.csv", bytes("year,login\r\n2025,edu100001\r\n"));
      try (OutputStream out = publish.create("reports/region.html")) {
        out.write(bytes("<html>отчёт</html>"));
      }
      publish.write("reports/m/01.html", bytes("<html>01</html>"));
      assertTrue(Files.isDirectory(year.resolve(".staging-run-1")), "files are staged inside the year's folder");
      assertFalse(Files.exists(year.resolve("risk_classes.csv")), "nothing is in place before the commit");
      assertEquals(sha256(bytes("<html>отчёт</html>")), publish.sha256("reports/region.html"));
      published = publish.commit();
    }

    assertEquals("year,login\r\n2025,edu100001\r\n", read(year.resolve("risk_classes.csv")));
    assertEquals("<html>отчёт</html>", read(year.resolve("reports/region.html")));
    assertEquals("<html>01</html>", read(year.resolve("reports/m/01.html")));
    assertEquals(List.of("manifest.json", "reports/m/01.html", "reports/region.html", "risk_classes.csv"), files(year));
    assertEquals(List.of(), crcFiles(), "no Hadoop checksum files anywhere");

    assertEquals(List.of("manifest.json", "reports/m/01.html", "reports/region.html", "risk_classes.csv"),
        published.stream().map(StagedFile::name).toList());
    String manifest = read(year.resolve("manifest.json"));
    byte[] html = bytes("<html>отчёт</html>");
    assertTrue(manifest.contains("{\"name\": \"reports/region.html\", \"size\": " + html.length
        + ", \"sha256\": \"" + sha256(html) + "\"}"), manifest);
    assertFalse(manifest.contains("manifest.json"), "the manifest does not list itself");
    assertTrue(manifest.indexOf("reports/m/01.html") < manifest.indexOf("risk_classes.csv"), "sorted by name");
    StagedFile manifestFile = published.get(0);
    assertEquals(Files.size(year.resolve("manifest.json")), manifestFile.size());
    assertEquals(sha256(Files.readAllBytes(year.resolve("manifest.json"))), manifestFile.sha256());
  }

  @Test
  void commitReplacesOlderVersionsAndSameFilesGiveTheSameManifest() throws Exception {
    Path year = root.resolve("2025");
    String firstId;
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "a")) {
      publish.write("risk_zone.xlsx", bytes("old"));
      publish.write("only_in_old.csv", bytes("x"));
      firstId = publish.contentId();
      publish.commit();
    }
    byte[] firstManifest = Files.readAllBytes(year.resolve("manifest.json"));
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "b")) {
      publish.write("risk_zone.xlsx", bytes("new"));
      assertNotEquals(firstId, publish.contentId());
      publish.commit();
    }
    assertEquals("new", read(year.resolve("risk_zone.xlsx")));
    assertFalse(Files.exists(year.resolve("only_in_old.csv")), "a file the previous publication wrote and this one does not is gone");
    assertFalse(read(year.resolve("manifest.json")).contains("only_in_old.csv"));

    // The same files again, under another run id: identical manifest and content id.
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "c")) {
      publish.write("risk_zone.xlsx", bytes("old"));
      publish.write("only_in_old.csv", bytes("x"));
      assertEquals(firstId, publish.contentId());
      publish.commit();
    }
    assertEquals(new String(firstManifest, StandardCharsets.UTF_8), read(year.resolve("manifest.json")));
  }

  @Test
  void abortLeavesThePreviousFilesUntouched() throws Exception {
    Path year = root.resolve("2025");
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "good")) {
      publish.write("risk_classes.csv", bytes("previous"));
      publish.write("reports/region.html", bytes("previous report"));
      publish.commit();
    }
    String manifest = read(year.resolve("manifest.json"));

    try (PublishDir publish = PublishDir.open(storage, year.toString(), "failing")) {
      publish.write("risk_classes.csv", bytes("half"));
      OutputStream half = publish.create("reports/region.html");
      half.write(bytes("half-writ"));
      publish.abort();
      half.close();
      assertThrows(IllegalStateException.class, publish::commit);
    }
    assertUntouched(year, manifest);

    // A failure inside try-with-resources: close() without commit aborts.
    assertThrows(IllegalStateException.class, () -> {
      try (PublishDir publish = PublishDir.open(storage, year.toString(), "crashing")) {
        publish.write("risk_classes.csv", bytes("half"));
        throw new IllegalStateException("the job failed");
      }
    });
    assertUntouched(year, manifest);
  }

  @Test
  void openClearsAStaleStagingFolderOfTheSameRun() throws Exception {
    Path year = root.resolve("2025");
    Files.createDirectories(year.resolve(".staging-r1"));
    Files.writeString(year.resolve(".staging-r1/leftover.csv"), "stale");
    try (PublishDir publish = PublishDir.open(storage, year.toUri().toString(), "r1")) {
      publish.write("a.csv", bytes("a"));
      publish.commit();
    }
    assertEquals(List.of("a.csv", "manifest.json"), files(year));
  }

  @Test
  void refusesBadNamesAndOpenStreamsAtCommit() throws IOException {
    try (PublishDir publish = PublishDir.open(storage, root.resolve("2025").toString(), "r")) {
      for (String bad : List.of("", "/abs.csv", "a/../b.csv", "a//b.csv", "dir/", "a\\b.csv", "manifest.json",
          ".staging-x/a.csv", "c:file")) {
        assertThrows(IllegalArgumentException.class, () -> publish.create(bad), bad);
      }
      publish.write("a.csv", bytes("a"));
      assertThrows(IllegalStateException.class, () -> publish.create("a.csv"), "staged twice");
      OutputStream open = publish.create("b.csv");
      assertThrows(IllegalStateException.class, publish::commit);
      open.close();
      assertEquals(List.of("a.csv", "b.csv"), publish.staged().stream().map(StagedFile::name).toList());
      publish.commit();
      assertThrows(IllegalStateException.class, () -> publish.create("c.csv"));
    }
    assertThrows(IllegalArgumentException.class, () -> PublishDir.open(storage, root.toString(), "../x"));
  }

  @Test
  void anEmptyPublicationStillHasAManifest() throws IOException {
    Path year = root.resolve("2025");
    try (PublishDir publish = PublishDir.open(storage, year.toString(), "r")) {
      publish.commit();
    }
    assertEquals("{\n  \"manifest_version\": 1,\n  \"files\": []\n}\n", read(year.resolve("manifest.json")));
  }

  private void assertUntouched(Path year, String manifest) throws IOException {
    assertEquals("previous", read(year.resolve("risk_classes.csv")));
    assertEquals("previous report", read(year.resolve("reports/region.html")));
    assertEquals(manifest, read(year.resolve("manifest.json")));
    assertEquals(List.of("manifest.json", "reports/region.html", "risk_classes.csv"), files(year),
        "no staging folder left behind");
    try (Stream<Path> all = Files.list(year)) {
      assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith(".staging-")));
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Every file below the folder, relative, sorted (hidden ones included). */
  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private List<String> crcFiles() throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".crc")).toList();
    }
  }
}
