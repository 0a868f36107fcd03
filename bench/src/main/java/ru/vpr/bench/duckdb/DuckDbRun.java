package ru.vpr.bench.duckdb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a DuckDB baseline run did, phase by phase.
 *
 * @param readMs reference files and every form read, work folder by work folder, into pupil rows and task
 *     cells (csv sniffing and parsing)
 * @param normaliseMs results and task scores built from them (the rest of what an analyst redoes of the ingest)
 * @param indicatorsMs the four indicator tables computed and written to parquet
 * @param files forms read
 * @param works pupil × work rows ({@code results})
 * @param taskScores pupil × task rows of the works written ({@code task_scores})
 * @param threads DuckDB's worker threads
 */
public record DuckDbRun(long readMs, long normaliseMs, long indicatorsMs, long files, long works, long taskScores,
    int threads) {

  public long totalMs() {
    return readMs + normaliseMs + indicatorsMs;
  }

  /** As {@code key=value} lines: the file bench/run's report reads. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("read_ms", String.valueOf(readMs));
    p.put("normalise_ms", String.valueOf(normaliseMs));
    p.put("indicators_ms", String.valueOf(indicatorsMs));
    p.put("files", String.valueOf(files));
    p.put("works", String.valueOf(works));
    p.put("task_scores", String.valueOf(taskScores));
    p.put("threads", String.valueOf(threads));
    return p;
  }

  public String format() {
    return String.format(java.util.Locale.ROOT,
        "DuckDB baseline: %d files, %d works, %d task scores, %d threads%n"
            + "  read %.1f s, normalise %.1f s, indicators %.1f s, total %.1f s%n",
        files, works, taskScores, threads, readMs / 1e3, normaliseMs / 1e3, indicatorsMs / 1e3, totalMs() / 1e3);
  }
}
