package ru.vpr.bench.report;

import java.util.List;

/**
 * One timed process, as GNU {@code /usr/bin/time -v} reports it.
 *
 * @param wallSeconds elapsed real time
 * @param userSeconds, systemSeconds CPU time of the process and its children
 * @param maxRssKb peak resident set size of the largest process, in KiB (GNU time says kbytes)
 * @param exitStatus the command's exit status
 */
public record ProcessTime(double wallSeconds, double userSeconds, double systemSeconds, long maxRssKb, int exitStatus) {

  public double cpuSeconds() {
    return userSeconds + systemSeconds;
  }

  /** Reads the report {@code /usr/bin/time -v -o FILE} wrote. */
  public static ProcessTime parse(List<String> lines) {
    Double wall = null, user = null, system = null;
    Long rss = null;
    int exit = 0;
    for (String raw : lines) {
      String line = raw.trim();
      int colon = line.lastIndexOf(": ");
      if (colon < 0) continue;
      String value = line.substring(colon + 2).trim();
      if (line.startsWith("Elapsed (wall clock) time")) wall = clock(value);
      else if (line.startsWith("User time (seconds)")) user = Double.parseDouble(value);
      else if (line.startsWith("System time (seconds)")) system = Double.parseDouble(value);
      else if (line.startsWith("Maximum resident set size (kbytes)")) rss = Long.parseLong(value);
      else if (line.startsWith("Exit status")) exit = Integer.parseInt(value);
    }
    if (wall == null || user == null || system == null || rss == null) {
      throw new IllegalArgumentException("not a /usr/bin/time -v report: " + lines);
    }
    return new ProcessTime(wall, user, system, rss, exit);
  }

  /** {@code 1:56.55} (m:ss) or {@code 1:02:03.40} (h:mm:ss) in seconds. */
  static double clock(String text) {
    String[] parts = text.split(":");
    double seconds = 0;
    for (String p : parts) seconds = seconds * 60 + Double.parseDouble(p);
    return seconds;
  }
}
