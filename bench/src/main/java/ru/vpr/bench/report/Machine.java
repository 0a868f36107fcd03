package ru.vpr.bench.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine and software the figures were taken with. Library versions are read from the names of
 * the jars on this process's class path (the class path bench/run gives the harness, which is the
 * pipeline's own), so they are what ran, not what a file claims.
 */
public record Machine(int cores, long memoryKb, String cpu, String os, String java, String spark, String delta,
    String duckdb) {

  public static Machine describe() {
    return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryKb(), cpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
        System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
        jarVersion("spark-core_"), jarVersion("delta-spark_"), jarVersion("duckdb_jdbc-"));
  }

  public String memory() {
    return memoryKb <= 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryKb / 1024.0 / 1024.0);
  }

  private static long totalMemoryKb() {
    for (String line : lines("/proc/meminfo")) {
      if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return -1;
  }

  private static String cpuModel() {
    for (String line : lines("/proc/cpuinfo")) {
      if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
    }
    return System.getProperty("os.arch");
  }

  /** The version in the name of the first class-path jar whose name starts with {@code prefix}. */
  static String jarVersion(String prefix) {
    return jarVersion(prefix, List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
  }

  static String jarVersion(String prefix, List<String> classPath) {
    for (String entry : classPath) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith(prefix) && name.endsWith(".jar")) {
        String stem = name.substring(0, name.length() - 4);
        return stem.substring(stem.lastIndexOf('-') + 1);
      }
    }
    return "unknown";
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
