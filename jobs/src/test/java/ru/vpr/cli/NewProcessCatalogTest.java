package ru.vpr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.test.LandingFixture;

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

  private static Result vpr(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("spark.test.jvm.opens", "").split(" ")).stream()
        .filter(s -> !s.isBlank()).toList());
    command.add("-Xmx1g");
    command.add("-Dlog4j.configurationFile=" + new File("../conf/log4j2.properties").getAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(VprMain.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("vpr " + args + " did not finish");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
