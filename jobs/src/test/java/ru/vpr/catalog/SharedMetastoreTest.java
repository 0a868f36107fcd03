package ru.vpr.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.test.SampleRegion;
import ru.vpr.test.VprProcess;

/**
 * A catalog many people share: while {@code ingest} writes the sample region in one JVM, two other
 * JVMs query its tables again and again ({@link RepeatedQuery}), all three on one metastore in
 * PostgreSQL ({@code vpr.metastore.kind = jdbc} through {@code conf/postgres.conf}, credentials from
 * the environment as in production). With the embedded Derby metastore the readers could not even
 * open the catalog while the writer runs.
 *
 * <p>Needs the test database {@code .ci/run} prepares (role {@code vpr_test}, database
 * {@code vpr_metastore_test} on 127.0.0.1:5432, or {@code VPR_TEST_METASTORE_URL}); skipped when it
 * cannot be reached, saying why. Its schema is dropped and made anew first, so every run starts from an empty
 * metastore.
 *
 * <p>The readers start together with the writer but send their first query only once the writer has
 * created the metastore's tables and the database {@code vpr}: processes that open an empty metastore
 * at the same moment each try to create its tables, and the losers log errors (harmless, but not
 * what this test is about; the README says to open a new metastore once first). Their early queries
 * may find a table not created yet: such a round is counted, not failed. Every other failure fails.
 */
class SharedMetastoreTest {
  private static final String URL = Optional.ofNullable(System.getenv("VPR_TEST_METASTORE_URL"))
      .orElse("jdbc:postgresql://127.0.0.1:5432/vpr_metastore_test");
  private static final String USER = "vpr_test";
  // The throwaway password .ci/run gives the test role; a test database, not a secret.
  private static final String PASSWORD = "vpr-test-only-pw";
  private static final String QUERY =
      "SELECT (SELECT count(*) FROM vpr.results) AS results, (SELECT count(*) FROM vpr.ingest_files) AS files";
  private static final Duration LIMIT = Duration.ofMinutes(10);
  // Three JVMs share two cores for a minute or two: the optimising compiler's threads would mostly
  // compete with the work, not pay off.
  private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
  private static final Pattern ROUND = Pattern.compile(Pattern.quote(RepeatedQuery.ROUND) + "(\\d+) (\\d+)( final)?\\n"
      + "(.*?)" + Pattern.quote(RepeatedQuery.EXIT) + "(\\d+) (\\d+)", Pattern.DOTALL);
  private static final Pattern NOT_CREATED_YET = Pattern.compile("TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND");

  // Kept when a test fails: the three processes' logs are in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path dir;
  private static final List<VprProcess> processes = new ArrayList<>();
  private static String unavailable;
  private static VprProcess writer;
  private static int writerExit;
  private static long catalogOpened;
  private static long writerEnded;
  private static final List<List<Round>> readerRounds = new ArrayList<>();

  /** One query of a reader: when it ran, its exit code and what it printed. */
  record Round(int number, long started, long ended, boolean last, int exit, String output) {
    boolean tableNotCreatedYet() {
      return exit == 1 && NOT_CREATED_YET.matcher(output).find();
    }
  }

  @BeforeAll
  static void writeWhileTwoOthersRead() throws Exception {
    unavailable = resetMetastoreDatabase();
    if (unavailable != null) return;
    Map<String, String> env = Map.of("VPR_METASTORE_URL", URL, "VPR_METASTORE_USER", USER,
        "VPR_METASTORE_PASSWORD", PASSWORD);
    String conf = new File("../conf/postgres.conf").getAbsolutePath();
    String warehouse = dir.resolve("warehouse").toString();
    Path start = dir.resolve("start");
    Path stop = dir.resolve("stop");
    Path sample = SampleRegion.ROOT.toAbsolutePath().normalize();
    // Two works of one year: the writer's time goes mostly to Spark and the catalog, not the rows.
    Path landing = dir.resolve("landing");
    SampleRegion.copyWorks(landing, List.of(2025), List.of("subject=ma/grade=5", "subject=ru/grade=5"));

    long began = System.nanoTime();
    writer = started(VprProcess.vpr("writer", dir, "ingest", "--conf", conf, "--warehouse", warehouse,
            "--landing", landing.toString(), "--registry", sample.resolve("schools.csv").toString(),
            "--specs", sample.resolve("specs").toString(), "--control", sample.resolve("control.csv").toString(),
            "--recheck", sample.resolve("recheck").toString())
        .env(env).heap("1536m").jvmOption(QUICK_JIT).jvmOption("-Dspark.master=local[2]").jvmOption("-Dspark.sql.shuffle.partitions=2")
        .jvmOption("-Dspark.ui.enabled=false").jvmOption("-Dspark.databricks.delta.snapshotPartitions=1"));
    List<VprProcess> readers = new ArrayList<>();
    for (String name : List.of("reader-1", "reader-2")) {
      readers.add(started(VprProcess.vpr(name, dir, start.toString(), stop.toString(),
              "sql", "--conf", conf, "--warehouse", warehouse, "--csv", QUERY)
          .main(RepeatedQuery.class).env(env).heap("768m").jvmOption(QUICK_JIT).jvmOption("-Dspark.master=local[1]")
          .jvmOption("-Dspark.sql.shuffle.partitions=1").jvmOption("-Dspark.ui.enabled=false")));
    }

    awaitTheVprDatabase(writer);
    catalogOpened = System.currentTimeMillis();
    Files.createFile(start);
    writerExit = writer.await(LIMIT);
    writerEnded = System.currentTimeMillis();
    Files.createFile(stop);
    for (VprProcess reader : readers) {
      int exit = reader.await(LIMIT);
      assertEquals(0, exit, reader.tail(40));
      readerRounds.add(rounds(reader.output()));
    }
    long now = System.currentTimeMillis();
    long beganMillis = now - (System.nanoTime() - began) / 1_000_000;
    System.out.printf("SharedMetastoreTest: database vpr after %d s, writer done after %d s, readers after %d s%n",
        (catalogOpened - beganMillis) / 1000, (writerEnded - beganMillis) / 1000, (now - beganMillis) / 1000);
    for (List<Round> rounds : readerRounds) {
      System.out.printf("  reader: %d rounds, %d answered while the writer ran, %d found a table not created yet%n",
          rounds.size(), rounds.stream().filter(r -> r.exit() == 0 && r.ended() <= writerEnded).count(),
          rounds.stream().filter(Round::tableNotCreatedYet).count());
    }
  }

  /** Each test, not the class, is skipped: Surefire would report a class skipped in @BeforeAll as no test at all. */
  @BeforeEach
  void needsTheTestDatabase() {
    Assumptions.assumeTrue(unavailable == null, unavailable);
  }

  @AfterAll
  static void stopEverything() {
    processes.forEach(VprProcess::close);
  }

  @Test
  void theWriterIngestedTheSampleRegion() {
    assertEquals(0, writerExit, writer.tail(60));
    assertTrue(writer.output().contains("Ingest run"), writer.tail(60));
  }

  @Test
  void everyQueryEitherAnsweredOrFoundTheTableNotCreatedYet() {
    for (List<Round> rounds : readerRounds) {
      for (Round r : rounds) {
        if (r.exit() != 0 && !r.tableNotCreatedYet()) fail("round " + r.number() + " failed:\n" + r.output());
      }
    }
  }

  @Test
  void bothReadersQueriedWhileTheWriterWrote() {
    for (List<Round> rounds : readerRounds) {
      long during = rounds.stream().filter(r -> r.exit() == 0 && r.started() >= catalogOpened && r.ended() <= writerEnded)
          .count();
      assertTrue(during > 0, "no query answered while the writer ran: " + describe(rounds));
    }
  }

  @Test
  void bothReadersSeeTheFinalRowCounts() {
    Matcher summary = Pattern.compile("files: (\\d+) seen.*?rows: (\\d+) accepted", Pattern.DOTALL).matcher(writer.output());
    assertTrue(summary.find(), writer.tail(20));
    String expected = "results,files\n" + summary.group(2) + "," + summary.group(1) + "\n";
    for (List<Round> rounds : readerRounds) {
      Round last = rounds.get(rounds.size() - 1);
      assertTrue(last.last() && last.exit() == 0, describe(rounds));
      assertTrue(last.output().contains(expected), "expected " + expected + " in\n" + last.output());
    }
  }

  @Test
  void noProcessShowsThePassword() {
    for (VprProcess p : processes) assertFalse(p.output().contains(PASSWORD), p.tail(20));
  }

  private static VprProcess started(VprProcess.Launch launch) throws IOException {
    VprProcess p = launch.start();
    processes.add(p);
    return p;
  }

  /**
   * Drops the metastore's tables of an earlier run: a new schema, owned by the test role. Returns
   * why the test database cannot be used, or null.
   */
  private static String resetMetastoreDatabase() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
      return null;
    } catch (SQLException e) {
      return "no PostgreSQL test database at " + URL + " (" + e.getMessage() + "); .ci/run prepares it";
    }
  }

  /** Waits until the writer has created the metastore's tables and the database vpr in them. */
  private static void awaitTheVprDatabase(VprProcess writer) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!writer.isAlive()) fail("the writer ended before it created the database vpr\n" + writer.tail(60));
      try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT count(*) FROM \"DBS\" WHERE \"NAME\" = 'vpr'")) {
        if (rs.next() && rs.getInt(1) > 0) return;
      } catch (SQLException tablesNotCreatedYet) {
        // "DBS" does not exist until the writer's metastore client has created its tables.
      }
      Thread.sleep(250);
    }
    fail("the writer did not create the database vpr within " + LIMIT + "\n" + writer.tail(60));
  }

  private static List<Round> rounds(String output) {
    List<Round> rounds = new ArrayList<>();
    Matcher m = ROUND.matcher(output);
    while (m.find()) {
      rounds.add(new Round(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(6)),
          m.group(3) != null, Integer.parseInt(m.group(5)), m.group(4)));
    }
    assertFalse(rounds.isEmpty(), "no round in\n" + output);
    return rounds;
  }

  private static String describe(List<Round> rounds) {
    StringBuilder s = new StringBuilder("catalog opened " + catalogOpened + ", writer ended " + writerEnded + "\n");
    for (Round r : rounds) {
      s.append(String.format("round %d %d..%d exit %d%s: %s%n", r.number(), r.started(), r.ended(), r.exit(),
          r.last() ? " (final)" : "", r.output().strip().replace('\n', ' ')));
    }
    return s.toString();
  }
}
