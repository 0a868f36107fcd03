package ru.vpr.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local side of Storage's writes: checksum-free files and replacing renames. */
class StorageTest {
  private final Storage storage = Storage.local();

  @TempDir Path dir;

  @Test
  void createWritesAChecksumFileAndCreateWithoutChecksumDoesNot() throws IOException {
    write(storage.create(dir.resolve("checked.csv").toString()), "a");
    write(storage.createWithoutChecksum(dir.resolve("plain.csv").toString()), "b");
    write(storage.createWithoutChecksum(dir.resolve("nested/deeper/plain.csv").toUri().toString()), "c");

    assertTrue(Files.exists(dir.resolve(".checked.csv.crc")), "create keeps Hadoop's behaviour");
    assertEquals(List.of(".checked.csv.crc"), crcFiles(), "no checksum beside the plain files");
    assertEquals("c", read(dir.resolve("nested/deeper/plain.csv").toString()));
  }

  @Test
  void renameReplacesTheTargetAndCreatesParents() throws IOException {
    write(storage.createWithoutChecksum(dir.resolve("stage/a.txt").toString()), "new");
    write(storage.createWithoutChecksum(dir.resolve("out/a.txt").toString()), "old");
    write(storage.createWithoutChecksum(dir.resolve("stage/sub/b.txt").toString()), "b");

    storage.rename(dir.resolve("stage/a.txt").toString(), dir.resolve("out/a.txt").toString());
    storage.rename(dir.resolve("stage/sub/b.txt").toUri().toString(), dir.resolve("out/sub/b.txt").toUri().toString());

    assertEquals("new", read(dir.resolve("out/a.txt").toString()));
    assertEquals("b", read(dir.resolve("out/sub/b.txt").toString()));
    assertFalse(Files.exists(dir.resolve("stage/a.txt")));
    assertFalse(Files.exists(dir.resolve("stage/sub/b.txt")));
  }

  @Test
  void renameOverAChecksummedFileRemovesItsStaleChecksum() throws IOException {
    // An older run wrote the target with a checksum; the new plain file must still read back through
    // the checksummed local file system (a stale .crc would fail the read).
    write(storage.create(dir.resolve("out/list.csv").toString()), "old content, longer than the new");
    write(storage.createWithoutChecksum(dir.resolve("stage/list.csv").toString()), "new");

    storage.rename(dir.resolve("stage/list.csv").toString(), dir.resolve("out/list.csv").toString());

    assertEquals("new", read(dir.resolve("out/list.csv").toString()));
    assertEquals(List.of(), crcFiles());
  }

  @Test
  void renameCarriesTheSourcesChecksum() throws IOException {
    write(storage.create(dir.resolve("stage/x.csv").toString()), "x");
    storage.rename(dir.resolve("stage/x.csv").toString(), dir.resolve("out/x.csv").toString());
    assertEquals("x", read(dir.resolve("out/x.csv").toString()));
    assertTrue(Files.exists(dir.resolve("out/.x.csv.crc")));
    assertFalse(Files.exists(dir.resolve("stage/.x.csv.crc")));
  }

  @Test
  void renameOfAMissingFileFails() {
    assertThrows(UncheckedIOException.class,
        () -> storage.rename(dir.resolve("nothing").toString(), dir.resolve("out").toString()));
  }

  private List<String> crcFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".crc")).sorted().toList();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    try (out) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private String read(String location) throws IOException {
    try (InputStream in = storage.open(location)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
