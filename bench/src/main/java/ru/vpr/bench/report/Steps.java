package ru.vpr.bench.report;

import java.util.List;

/** The timed steps: the pipeline's jobs, the baselines, and the start-up of a job process. */
public final class Steps {
  public static final String INGEST = "ingest";
  public static final String INDICATORS = "indicators";
  public static final String DETECT = "detect";
  public static final String PUBLISH = "publish";
  public static final String DUCKDB = "duckdb";
  public static final String PARSE = "parse";
  /** {@code bin/vpr sql "SELECT 1"}: JVM, Spark session and catalog, no work. */
  public static final String STARTUP = "startup";

  public static final List<String> JOBS = List.of(INGEST, INDICATORS, DETECT, PUBLISH);
  public static final List<String> BASELINES = List.of(DUCKDB, PARSE);
  /** The indicators job's tables that the DuckDB baseline computes too. */
  public static final List<String> SHARED_TABLES = List.of("unit_indicators", "score_histograms", "task_indicators",
      "task_mark_indicators");

  private Steps() {}
}
