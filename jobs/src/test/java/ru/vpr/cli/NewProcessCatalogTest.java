package ru.vpr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.test.LandingFixture;
import ru.vpr.test.VprProcess;

/**
 * The catalog survives the process: {@code ingest} runs in one JVM, {@code sql} in a NEW one finds
 * the tables by name. Both are real {@code VprMain} processes, as {@code bin/vpr} starts them.
 */
class NewProcessCatalogTest {
  @TempDir Path dir;

  @Test
  void aNewProcessQueriesTheTablesByName() throws Exception {
    LandingFixture fixture = new LandingFixture(dir);
    fixture.form("edu100001.csv", LandingFixture.SPEC_HEADER, "10001;1;1;2;1;2;5А;5", "10002;2;0;1;X;0;5Б;3");
    String warehouse = dir.resolve("warehouse").toString();
    List<String> locations = List.of("--landing", dir.resolve("landing").toString(),
        "--registry", dir.resolve("schools.csv").toString(), "--specs", dir.resolve("specs").toString(),
        "--warehouse", warehouse);

    Result ingest = vpr(concat(List.of("ingest"), locations));
    assertEquals(0, ingest.exitCode, ingest.output);
    assertTrue(ingest.output.contains("rows: 2 accepted"), ingest.output);

    Result query = vpr(List.of("sql", "--warehouse", warehouse, "--csv",
        "SELECT login, count(*) AS pupils, sum(primary_score) AS points FROM vpr.results GROUP BY login"));
    assertEquals(0, query.exitCode, query.output);
    assertTrue(query.output.contains("login,pupils,points\nedu100001,2,7\n"), query.output);

    Result bad = vpr(List.of("sql", "--warehouse", warehouse, "SELECT * FROM vpr.no_such_table"));
    assertEquals(1, bad.exitCode, bad.output);
    assertTrue(bad.output.contains("error:"), bad.output);
  }

  record Result(int exitCode, String output) {}

  private int runs;

  /** One {@code VprMain} child process, as bin/vpr starts it; its log goes to the test's folder. */
  private Result vpr(List<String> args) throws IOException, InterruptedException {
    try (VprProcess process = VprProcess.vpr("vpr-" + ++runs, dir.resolve("logs"), args.toArray(String[]::new)).start()) {
      int exitCode = process.await(Duration.ofMinutes(5));
      return new Result(exitCode, process.output());
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
