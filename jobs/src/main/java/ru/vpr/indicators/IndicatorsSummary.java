package ru.vpr.indicators;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an indicators run did: the years it (re)computed and the rows each table holds for them.
 * Immutable; printed at the end of a run and recorded in {@code runs}.
 */
public record IndicatorsSummary(String runId, List<Integer> years, Map<String, Long> rows) {

  public IndicatorsSummary {
    years = List.copyOf(years);
    rows = Map.copyOf(rows);
  }

  public long rows(String table) {
    return rows.getOrDefault(table, 0L);
  }

  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("years", (long) years.size());
    rows.forEach((table, n) -> counts.put("rows." + table, n));
    return counts;
  }

  public String format() {
    StringBuilder s = new StringBuilder();
    s.append("Indicators run ").append(runId).append('\n');
    s.append("  years: ").append(years.isEmpty() ? "none (no results)" : years.toString()).append('\n');
    new TreeMap<>(rows).forEach((t, n) -> s.append(String.format("    %-22s %d rows%n", t + ":", n)));
    return s.toString();
  }
}
