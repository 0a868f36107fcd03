package ru.vpr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.vpr.config.PipelineConfig;
import ru.vpr.spark.SparkSessions;

/**
 * The Airflow DAG ({@code dags/vpr_monthly.py}) against the real command line. Runs the DAG's own
 * tests ({@code python3 -m pytest dags/tests}, with a stand-in for the airflow package), which write
 * every task's rendered spark-submit arguments; then gives each task's arguments, with
 * {@code --dry-run}, to {@link VprMain} in a fresh JVM, which must accept them all without starting
 * Spark. Skipped (with the reason) where python3, pytest or jinja2 is missing.
 */
class AirflowDagTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  record Task(String scenario, String taskId, String javaClass, Map<String, String> conf, List<String> args) {}

  record Result(int exitCode, String output) {}

  @Test
  void everyTaskOfTheDagIsACommandLineTheJarAccepts() throws Exception {
    assumeTrue(succeeds(List.of("python3", "-c", "import pytest")),
        "python3 with pytest is not installed: the Airflow DAG tests (dags/tests) did not run");
    Path argsFile = dir.resolve("dag-args.json");
    Result pytest = run(List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "dags/tests"), REPO,
        Map.of("VPR_DAG_ARGS_OUT", argsFile.toString(), "PYTHONDONTWRITEBYTECODE", "1"));
    assertEquals(0, pytest.exitCode(), pytest.output());
    assumeTrue(Files.isRegularFile(argsFile),
        "pytest rendered no task arguments (is jinja2 installed?), so they were not checked against the jar:\n" + pytest.output());

    List<Task> tasks = read(argsFile);
    assertFalse(tasks.isEmpty());
    Map<String, String> sparkSettings = SparkSessions.settings(PipelineConfig.load(Optional.of(REPO.resolve("conf/cluster.conf").toFile())));
    CommandLine cli = VprMain.commandLine();
    for (Task task : tasks) {
      assertEquals(VprMain.class.getName(), task.javaClass(), task.taskId());
      assertTrue(cli.getSubcommands().containsKey(task.taskId()), task.taskId() + " is not a command of the jar");
      assertEquals(task.taskId(), task.args().get(0), "a task runs the job it is named after");
      // What the DAG gives spark-submit must be what the jobs would set themselves.
      task.conf().forEach((key, value) -> assertEquals(sparkSettings.get(key), value, key));
    }

    List<String> lines = new ArrayList<>();
    for (Task task : tasks) lines.add(String.join("\t", dryRun(task.args())));
    Path probeInput = Files.write(dir.resolve("command-lines.tsv"), lines, StandardCharsets.UTF_8);
    Result probe = run(javaCommand(DryRunProbe.class.getName(), probeInput.toString()), REPO.resolve("jobs"), Map.of());
    assertEquals(0, probe.exitCode(), probe.output());
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      String out = section(probe.output(), i);
      String what = task.scenario() + " / " + task.taskId() + ": " + String.join(" ", task.args()) + "\n" + out;
      assertTrue(out.endsWith(DryRunProbe.EXIT + 0), what);
      assertTrue(out.contains("dry run: " + task.taskId() + " would run; no Spark session started"), what);
    }
    assertTrue(probe.output().contains(DryRunProbe.SESSION + "false"), probe.output());

    // The parser is really checking: the same arguments with a year that is not one fail as usage errors.
    List<String> bad = new ArrayList<>(tasks.get(0).args());
    bad.set(bad.indexOf("--year") + 1, "notanumber");
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute(dryRun(bad).toArray(String[]::new)), err.toString());
    assertTrue(err.toString().contains("'notanumber' is not a year"), err.toString());
  }

  private static List<String> dryRun(List<String> args) {
    List<String> withFlag = new ArrayList<>(args);
    withFlag.add("--dry-run");
    return withFlag;
  }

  private static String section(String output, int index) {
    int start = output.indexOf(DryRunProbe.TASK + index + "\n");
    assertTrue(start >= 0, "no output for task " + index + ":\n" + output);
    int end = output.indexOf(DryRunProbe.EXIT, start);
    assertTrue(end >= 0, output);
    return output.substring(start, output.indexOf('\n', end)).strip();
  }

  private static List<Task> read(Path json) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Task> tasks = new ArrayList<>();
    for (JsonNode node : mapper.readTree(json.toFile())) {
      List<String> args = new ArrayList<>();
      node.get("args").forEach(a -> args.add(a.asText()));
      @SuppressWarnings("unchecked")
      Map<String, String> conf = mapper.convertValue(node.get("conf"), Map.class);
      tasks.add(new Task(node.get("scenario").asText(), node.get("task_id").asText(), node.get("java_class").asText(), conf, args));
    }
    return tasks;
  }

  /** A fresh JVM on the test class path, with the flags surefire gives this one. */
  private static List<String> javaCommand(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : System.getProperty("spark.test.jvm.opens", "").split(" ")) {
      if (!flag.isBlank()) command.add(flag);
    }
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  private static boolean succeeds(List<String> command) {
    try {
      return run(command, REPO, Map.of()).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Result run(List<String> command, Path workDir, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
