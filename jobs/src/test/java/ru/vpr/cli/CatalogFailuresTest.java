package ru.vpr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.hadoop.hive.metastore.api.MetaException;
import org.junit.jupiter.api.Test;
import ru.vpr.config.Metastore;
import ru.vpr.config.PipelineConfig;

/**
 * The one-line explanations of catalog failures, on exception chains shaped like those Spark throws
 * (seen in real runs: a Derby folder booted by another JVM, PostgreSQL down, a wrong password).
 */
class CatalogFailuresTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5433/meta?password=inurl";

  @Test
  void aBusyDerbyPointsAtTheSharedMetastore() {
    SQLException derby = new SQLException("Failed to start database '/w/metastore_db', see the next exception for details.",
        "XJ040", new SQLException("Another instance of Derby may have already booted the database /w/metastore_db.", "XSDB6"));
    String message = explain(spark(metaException("Failed to start database '/w/metastore_db'", derby)), Metastore.embedded())
        .orElseThrow();
    assertTrue(message.startsWith("another process uses the embedded metastore (/w/metastore_db)"), message);
    assertTrue(message.contains("vpr.metastore.kind = jdbc, see conf/postgres.conf"), message);
  }

  @Test
  void theBusyDerbyIsAlsoFoundAsANextException() {
    SQLException top = new SQLException("Failed to start database", "XJ040");
    top.setNextException(new SQLException("Another instance of Derby may have already booted the database /w/metastore_db."));
    assertTrue(explain(spark(top), Metastore.embedded()).orElseThrow().startsWith("another process uses"));
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5433 refused.", "08001", new ConnectException("Connection refused"));
    String message = explain(spark(metaException("Connection to 127.0.0.1:5433 refused.", refused)), jdbc()).orElseThrow();
    assertEquals("cannot reach the metastore database jdbc:postgresql://127.0.0.1:5433/meta?password=*** "
        + "(vpr.metastore.url, VPR_METASTORE_URL): Connection to 127.0.0.1:5433 refused.", message);
    assertFalse(message.contains("inurl") || message.contains("s3cret"), message);
  }

  @Test
  void aRefusedLoginNamesTheUser() {
    SQLException login = new SQLException("FATAL: password authentication failed for user \"vpr\"", "28P01");
    String message = explain(spark(metaException("password authentication failed", login)), jdbc()).orElseThrow();
    assertTrue(message.contains("refused the login of 'vpr'") && message.contains("VPR_METASTORE_PASSWORD"), message);
    assertFalse(message.contains("s3cret"), message);
  }

  @Test
  void otherFailuresKeepTheirOwnMessage() {
    assertEquals(Optional.empty(), explain(new IllegalArgumentException("[TABLE_OR_VIEW_NOT_FOUND] vpr.x"), jdbc()));
    assertEquals(Optional.empty(), explain(spark(new ConnectException("refused")), Metastore.embedded()));
  }

  @Test
  void errorMessagesNeverShowAPasswordInAUrl() {
    assertEquals("failed on jdbc:postgresql://db/meta?user=vpr&password=***",
        VprMain.withoutSecrets("failed on jdbc:postgresql://db/meta?user=vpr&password=pw"));
  }

  private static Optional<String> explain(Throwable failure, Metastore metastore) {
    return CatalogFailures.explain(failure, PipelineConfig.load(Optional.empty()).withWarehouse("/w").withMetastore(metastore));
  }

  private static Metastore jdbc() {
    return new Metastore(Metastore.Kind.JDBC, "", URL, "vpr", "s3cret");
  }

  private static Exception metaException(String message, Throwable cause) {
    MetaException e = new MetaException(message);
    e.initCause(cause);
    return e;
  }

  /** How Spark wraps it: "Unable to instantiate ...SessionHiveMetaStoreClient" a few levels up. */
  private static Exception spark(Throwable cause) {
    return new RuntimeException("org.apache.hadoop.hive.ql.metadata.HiveException: java.lang.RuntimeException: "
        + "Unable to instantiate org.apache.hadoop.hive.ql.metadata.SessionHiveMetaStoreClient",
        new RuntimeException("Unable to instantiate org.apache.hadoop.hive.ql.metadata.SessionHiveMetaStoreClient", cause));
  }
}
