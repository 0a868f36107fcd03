package ru.vpr.bench.verify;

import java.util.List;
import java.util.Map;

/**
 * How one of DuckDB's indicator tables differs from the pipeline's.
 *
 * @param onlyPipeline rows whose key DuckDB lacks
 * @param onlyDuckDb rows whose key the pipeline lacks
 * @param mismatches per value column, rows present on both sides whose values differ
 * @param examples a few differing rows, as text
 */
public record TableDiff(String table, long pipelineRows, long duckDbRows, long onlyPipeline, long onlyDuckDb,
    Map<String, Long> mismatches, List<String> examples) {

  public TableDiff {
    mismatches = Map.copyOf(mismatches);
    examples = List.copyOf(examples);
  }

  public boolean same() {
    return onlyPipeline == 0 && onlyDuckDb == 0 && mismatches.values().stream().allMatch(n -> n == 0);
  }

  public String format() {
    StringBuilder s = new StringBuilder(String.format("%-22s %s: pipeline %d rows, DuckDB %d rows",
        table, same() ? "same" : "DIFFERENT", pipelineRows, duckDbRows));
    if (!same()) {
      s.append(String.format("; only in the pipeline %d, only in DuckDB %d", onlyPipeline, onlyDuckDb));
      new java.util.TreeMap<>(mismatches).forEach((c, n) -> { if (n > 0) s.append("; ").append(c).append(" differs in ").append(n); });
      for (String e : examples) s.append("\n    ").append(e);
    }
    return s.append('\n').toString();
  }
}
