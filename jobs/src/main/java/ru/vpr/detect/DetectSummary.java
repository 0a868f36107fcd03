package ru.vpr.detect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a detect run did, printed at its end and recorded in {@code runs}. */
public record DetectSummary(String runId, List<Integer> years, Map<String, Long> counts, String modelPath) {

  public DetectSummary {
    years = List.copyOf(years);
    counts = Map.copyOf(counts);
  }

  /** For the runs table. */
  public Map<String, Long> counts() {
    return counts;
  }

  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  public String format() {
    StringBuilder s = new StringBuilder();
    s.append("Detect run ").append(runId).append('\n');
    s.append("  years: ").append(years.isEmpty() ? "none (no results)" : years.toString()).append('\n');
    new TreeMap<>(counts).forEach((k, n) -> s.append(String.format("    %-28s %d%n", k + ":", n)));
    if (modelPath != null) s.append("  models saved in ").append(modelPath).append('\n');
    return s.toString();
  }
}
