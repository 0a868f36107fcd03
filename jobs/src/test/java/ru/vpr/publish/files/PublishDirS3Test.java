package ru.vpr.publish.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.io.Storage;
import ru.vpr.test.InProcessS3;

/**
 * PublishDir on {@code s3a://}, where a rename is a copy and a delete: an in-process s3proxy, without
 * Spark. The bucket is this test's own, so the cached s3a file system it closes
 * at the end is not one another test uses.
 */
class PublishDirS3Test {
  @TempDir static Path dir;
  private static InProcessS3 s3;
  private static Configuration conf;
  private static Storage storage;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InProcessS3.start(dir, "vpr-publish-test");
    conf = new Configuration();
    s3.hadoopSettings().forEach(conf::set);
    storage = new Storage(conf);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) s3.stop(conf);
  }

  @Test
  void commitsAndAbortsOnS3() throws IOException {
    String year = bucket("publish/2025");
    try (PublishDir publish = PublishDir.open(storage, year, "run-1")) {
      publish.write("risk_classes.csv", PublishDirTest.bytes("old"));
      publish.write("reports/region.html", PublishDirTest.bytes("<html>регион</html>"));
      publish.commit();
    }
    try (PublishDir publish = PublishDir.open(storage, year, "run-2")) {
      publish.write("risk_classes.csv", PublishDirTest.bytes("new"));
      publish.commit();
    }
    try (PublishDir publish = PublishDir.open(storage, year, "run-3")) {
      publish.write("risk_classes.csv", PublishDirTest.bytes("half"));
      // closed without commit
    }

    assertEquals("new", read(Storage.join(year, "risk_classes.csv")));
    assertTrue(read(Storage.join(year, "manifest.json")).contains("\"risk_classes.csv\", \"size\": 3"));
    List<String> keys = storage.listFiles(year).stream().map(f -> f.substring(f.indexOf("/2025/") + 6)).sorted().toList();
    // run-2 no longer wrote the report: the publication is what run-2 wrote, nothing of run-1 stays behind.
    assertEquals(List.of("manifest.json", "risk_classes.csv"), keys);
    assertFalse(keys.stream().anyMatch(k -> k.contains(".staging-") || k.endsWith(".crc")), keys.toString());
  }

  private static String read(String location) throws IOException {
    try (InputStream in = storage.open(location)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String bucket(String key) {
    return s3.uri(key);
  }
}
