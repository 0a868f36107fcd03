package ru.vpr.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One Spark JVM of the test cluster (master, worker or a submit), started as {@code bin/spark-class}
 * would: {@code java} of this JVM's Java home, the {@code --add-opens} list, the distribution's class
 * path and environment. Its output goes to a log file, so a chatty process never blocks on a pipe.
 */
final class SparkProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private SparkProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static SparkProcess start(SparkDistribution spark, String name, String heap, String mainClass, List<String> args,
      Path logDir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SparkDistribution.jvmOpens());
    command.add("-Xmx" + heap);
    command.add(spark.logOption());
    command.add("-cp");
    command.add(spark.classPath());
    command.add(mainClass);
    command.addAll(args);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(logDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // A Spark installation of the machine, if any, must not leak into the test cluster.
    builder.environment().keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("PYSPARK_"));
    builder.environment().putAll(spark.environment());
    return new SparkProcess(name, builder.start(), log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the process to end. It is stopped, and the caller fails, when it runs longer than
   * {@code limit} or when {@code activity} (when it last made progress) stands still for
   * {@code stall}: a hung cluster fails within minutes, while a slow run on a busy machine still gets
   * its time.
   */
  int awaitExit(Duration limit, Duration stall, Supplier<Instant> activity) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!process.waitFor(1, TimeUnit.SECONDS)) {
      Instant now = Instant.now();
      String problem = now.isAfter(deadline) ? "did not finish within " + limit
          : activity.get().plus(stall).isBefore(now) ? "made no progress for " + stall + " (hung?)" : null;
      if (problem != null) {
        close();
        throw new AssertionError(name + " " + problem + "\n" + tail(80));
      }
    }
    return process.exitValue();
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** The last lines of the log, to explain a failure. */
  String tail(int lines) {
    List<String> all = output().lines().toList();
    return "--- " + name + " (" + log + "), last lines:\n"
        + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * Stops the process and everything it started (a worker's executors): politely first, so Spark's
   * shutdown hooks run, then by force.
   */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    // Descendants started while we were stopping (an executor being launched) go too.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }
}
