package ru.vpr.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.test.SparkTestBase;
import ru.vpr.test.VprProcess;

/**
 * Why the shared metastore exists: the embedded Derby metastore admits one process, and the second
 * one is told so, and what to use instead, in one line. This test JVM's session holds the Derby
 * database of the test warehouse; {@code vpr sql} in a child JVM on the same warehouse collides.
 */
class EmbeddedMetastoreBusyTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void aSecondProcessIsToldToUseASharedMetastore() throws Exception {
    sql("SHOW DATABASES"); // boots this JVM's Derby: the folder is now locked
    // One attempt instead of Hive's ten, two seconds apart: the folder stays locked while this JVM runs.
    try (VprProcess second = VprProcess.vpr("second", dir, "sql", "--warehouse", warehouse().toString(), "SHOW DATABASES")
        .jvmOption("-XX:TieredStopAtLevel=1").jvmOption("-Dspark.hadoop.hive.hmshandler.retry.attempts=1")
        .jvmOption("-Dspark.ui.enabled=false").start()) {
      assertEquals(1, second.await(Duration.ofMinutes(3)), second.tail(40));
      String out = second.output();
      assertTrue(out.contains("error: another process uses the embedded metastore (" + warehouse() + "/metastore_db)"), out);
      assertTrue(out.contains("use a shared metastore: vpr.metastore.kind = jdbc, see conf/postgres.conf"), out);
      // The console log no longer buries that line under the metastore's stack traces.
      assertTrue(out.lines().count() < 20, out);
    }
  }
}
