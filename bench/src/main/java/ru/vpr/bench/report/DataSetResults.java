package ru.vpr.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything measured on one generated region.
 *
 * @param name the data set as bench/run names it: a preset, or {@code preset@schools}
 * @param properties what bench/run recorded about it: preset, schools, roles, generator line, counts
 * @param steps each step's runs
 */
public record DataSetResults(String name, Map<String, String> properties, Map<String, List<StepRun>> steps) {

  public DataSetResults {
    properties = Map.copyOf(properties);
    steps = Map.copyOf(new TreeMap<>(steps));
  }

  public Optional<StepSummary> summary(String step) {
    List<StepRun> runs = steps.get(step);
    return runs == null || runs.isEmpty() ? Optional.empty() : Optional.of(StepSummary.of(step, runs));
  }

  /** Pupil × work rows, as the DuckDB baseline counted them (the ingest's count is beside it). */
  public long works() {
    return count("works");
  }

  /** Pupil × task rows of the works written. */
  public long taskScores() {
    return count("task_scores");
  }

  /** Landing files. */
  public long files() {
    return count("files");
  }

  /** Rows the pipeline's ingest accepted, or -1 when it did not run. */
  public long ingestRows() {
    return summary(Steps.INGEST).filter(s -> s.has("rows_accepted")).map(s -> (long) s.metric("rows_accepted")).orElse(-1L);
  }

  private long count(String key) {
    return summary(Steps.DUCKDB).filter(s -> s.has(key)).map(s -> (long) s.metric(key)).orElse(-1L);
  }

  public boolean hasRole(String role) {
    return List.of(properties.getOrDefault("roles", "").split(",")).contains(role);
  }

  /** {@code region-l, 900 schools} for {@code region-l@900}. */
  public String label() {
    int at = name.indexOf('@');
    return at < 0 ? name : name.substring(0, at) + ", " + name.substring(at + 1) + " schools";
  }
}
