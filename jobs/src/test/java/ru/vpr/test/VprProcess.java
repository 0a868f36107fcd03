package ru.vpr.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ru.vpr.cli.VprMain;

/**
 * {@code vpr <args>} in a child JVM, as {@code bin/vpr} starts it: the java of this JVM, Spark's
 * {@code --add-opens} flags, the test class path and {@code conf/log4j2.properties}. Its output
 * (stdout and stderr together) goes to a file, so a chatty process never blocks on a full pipe. The
 * child gets this JVM's environment without any {@code VPR_*} variable (a developer's shell must not
 * change what a test runs), plus the ones the test gives.
 */
public final class VprProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private VprProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** A child running {@link VprMain}; {@link Launch#main(Class)} runs another main class of the build. */
  public static Launch vpr(String name, Path logDir, String... args) {
    return new Launch(name, logDir, List.of(args));
  }

  /** What to start; {@link #start()} starts it. */
  public static final class Launch {
    private final String name;
    private final Path logDir;
    private final List<String> args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private String mainClass = VprMain.class.getName();
    private String heap = "1g";

    private Launch(String name, Path logDir, List<String> args) {
      this.name = name;
      this.logDir = logDir;
      this.args = args;
    }

    public Launch env(Map<String, String> variables) {
      env.putAll(variables);
      return this;
    }

    /** A {@code -Dspark.*} option is a setting as spark-submit would give it: it wins over the --conf file's. */
    public Launch jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    public Launch heap(String size) {
      heap = size;
      return this;
    }

    public Launch main(Class<?> main) {
      mainClass = main.getName();
      return this;
    }

    public VprProcess start() throws IOException {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command()
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      for (String opt : System.getProperty("spark.test.jvm.opens", "").split(" ")) {
        if (!opt.isBlank()) command.add(opt);
      }
      command.add("-Xmx" + heap);
      command.add("-Dlog4j.configurationFile=" + new File("../conf/log4j2.properties").getAbsolutePath());
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(mainClass);
      command.addAll(args);
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(k -> k.startsWith("VPR_"));
      // Local mode talks to itself only, as bin/vpr sets it.
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      builder.environment().putAll(env);
      return new VprProcess(name, builder.start(), log);
    }
  }

  /** The exit code; the process is stopped and the caller fails when it runs longer than {@code limit}. */
  public int await(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(name + " did not finish within " + limit + "\n" + tail(60));
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** The last lines of the output, to explain a failure. */
  public String tail(int lines) {
    List<String> all = output().lines().toList();
    return "--- " + name + " (" + log + "), last lines:\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Stops the process (politely first, so Spark's shutdown hooks run) if it still runs. */
  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
