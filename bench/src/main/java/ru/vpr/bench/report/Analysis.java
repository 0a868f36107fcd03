package ru.vpr.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures the report derives from the medians: the whole pipeline's time, the ratios to the
 * baselines, the growth with size, and the issue's targets judged.
 */
public final class Analysis {
  /** The whole pipeline: the sum of its four jobs' medians. */
  public static final String PIPELINE = "pipeline";
  public static final String MAIN = "main";
  public static final String SERIES = "series";
  public static final String STARTUP_ROLE = "startup";

  static final String INDICATORS_TARGET = "indicators step no slower than 2× DuckDB";
  static final String INGEST_TARGET = "ingest no slower than 3× the plain single-threaded parse";
  static final double INDICATORS_LIMIT = 2.0;
  static final double INGEST_LIMIT = 3.0;
  static final double EXPONENT_LIMIT = 1.1;
  static final double MEMORY_LIMIT_GIB = 24;
  /** The preset whose largest measured set (the preset itself or PRESET@N) the memory target is judged on. */
  static final String MEMORY_PRESET = "region-l";

  private final List<DataSetResults> dataSets = new ArrayList<>();
  private final Optional<StepSummary> startup;

  public Analysis(List<DataSetResults> all) {
    Optional<StepSummary> s = Optional.empty();
    for (DataSetResults d : all) {
      if (d.hasRole(STARTUP_ROLE)) s = d.summary(Steps.STARTUP);
      else dataSets.add(d);
    }
    this.startup = s;
  }

  public List<DataSetResults> dataSets() {
    return List.copyOf(dataSets);
  }

  public Optional<StepSummary> startup() {
    return startup;
  }

  /** Median wall time of a step, {@link #PIPELINE} for the four jobs together. */
  public OptionalDouble wall(DataSetResults d, String step) {
    if (!step.equals(PIPELINE)) {
      return d.summary(step).map(s -> OptionalDouble.of(s.wallSeconds())).orElse(OptionalDouble.empty());
    }
    double total = 0;
    for (String job : Steps.JOBS) {
      OptionalDouble w = wall(d, job);
      if (w.isEmpty()) return OptionalDouble.empty();
      total += w.getAsDouble();
    }
    return OptionalDouble.of(total);
  }

  /** The wall time less the start-up of the processes it took (a job process each; DuckDB's is negligible). */
  public OptionalDouble wallLessStartup(DataSetResults d, String step) {
    OptionalDouble w = wall(d, step);
    if (w.isEmpty() || startup.isEmpty()) return OptionalDouble.empty();
    int processes = step.equals(PIPELINE) ? Steps.JOBS.size() : Steps.JOBS.contains(step) ? 1 : 0;
    double net = w.getAsDouble() - processes * startup.get().wallSeconds();
    return net > 0 ? OptionalDouble.of(net) : OptionalDouble.empty();
  }

  /** Indicators job's wall time over the DuckDB baseline's (the issue's ratio). */
  public OptionalDouble indicatorsVsDuckDb(DataSetResults d) {
    return ratio(wall(d, Steps.INDICATORS), wall(d, Steps.DUCKDB));
  }

  /**
   * The four tables both compute: the job's own write times for them over DuckDB's indicators phase
   * (its pupil tables already in memory). Leaves out both sides' start-up and reading of the input.
   */
  public OptionalDouble sharedTablesVsDuckDbIndicators(DataSetResults d) {
    Optional<StepSummary> job = d.summary(Steps.INDICATORS);
    Optional<StepSummary> duck = d.summary(Steps.DUCKDB);
    if (job.isEmpty() || duck.isEmpty() || !duck.get().has("indicators_ms")) return OptionalDouble.empty();
    double ms = 0;
    for (String table : Steps.SHARED_TABLES) {
      String key = "wrote." + table + "_ms";
      if (!job.get().has(key)) return OptionalDouble.empty();
      ms += job.get().metric(key);
    }
    return ratio(OptionalDouble.of(ms), OptionalDouble.of(duck.get().metric("indicators_ms")));
  }

  public OptionalDouble ingestVsParse(DataSetResults d) {
    return ratio(wall(d, Steps.INGEST), wall(d, Steps.PARSE));
  }

  /** The scaling series, smallest first: data sets with the role {@code series} and a known size. */
  public List<DataSetResults> series() {
    return dataSets.stream().filter(d -> d.hasRole(SERIES) && d.works() > 0)
        .sorted(Comparator.comparingLong(DataSetResults::works)).toList();
  }

  /** Time against works over the series, raw or less start-up; empty below two points. */
  public Optional<PowerFit> fit(String step, boolean lessStartup) {
    List<Double> sizes = new ArrayList<>(), times = new ArrayList<>();
    for (DataSetResults d : series()) {
      OptionalDouble t = lessStartup ? wallLessStartup(d, step) : wall(d, step);
      if (t.isEmpty()) return Optional.empty();
      sizes.add((double) d.works());
      times.add(t.getAsDouble());
    }
    if (new java.util.HashSet<>(sizes).size() < 2) return Optional.empty();
    return Optional.of(PowerFit.of(sizes.stream().mapToDouble(x -> x).toArray(), times.stream().mapToDouble(x -> x).toArray()));
  }

  public List<Target> targets() {
    List<Target> out = new ArrayList<>();
    List<DataSetResults> main = dataSets.stream().filter(d -> d.hasRole(MAIN)).toList();
    for (DataSetResults d : main) {
      out.add(new Target(INDICATORS_TARGET, d.label(),
          indicatorsVsDuckDb(d).orElse(Double.NaN), INDICATORS_LIMIT, "×"));
    }
    for (DataSetResults d : main) {
      out.add(new Target(INGEST_TARGET, d.label(),
          ingestVsParse(d).orElse(Double.NaN), INGEST_LIMIT, "×"));
    }
    Optional<PowerFit> net = fit(PIPELINE, true);
    Optional<PowerFit> raw = fit(PIPELINE, false);
    String scope = series().size() < 2 ? "no series in this run"
        : series().size() + " sizes, whole pipeline" + (net.isPresent() ? " less start-up" : "");
    out.add(new Target("time grows no faster than linearly (log-log exponent ≤ 1.1)", scope,
        net.or(() -> raw).map(PowerFit::exponent).orElse(Double.NaN), EXPONENT_LIMIT, ""));
    Optional<DataSetResults> large = largestOf(MEMORY_PRESET);
    out.add(new Target("region-l completes the whole pipeline within 24 GB",
        large.map(d -> d.label() + String.format(Locale.ROOT, ", %,d works", d.works())).orElse(MEMORY_PRESET)
            + " (peak RSS of the largest job)",
        large.map(d -> peakJobMemoryGib(d.name())).orElse(Double.NaN), MEMORY_LIMIT_GIB, "GiB"));
    return out;
  }

  /** The measured set of the preset ({@code region-l} or {@code region-l@N}) with the most works. */
  Optional<DataSetResults> largestOf(String preset) {
    return dataSets.stream().filter(d -> d.name().equals(preset) || d.name().startsWith(preset + "@"))
        .max(Comparator.comparingLong(DataSetResults::works));
  }

  /** The largest peak RSS of any job on the data set, if every run of every job succeeded; NaN otherwise. */
  double peakJobMemoryGib(String name) {
    for (DataSetResults d : dataSets) {
      if (!d.name().equals(name)) continue;
      long peak = 0;
      for (String job : Steps.JOBS) {
        Optional<StepSummary> s = d.summary(job);
        if (s.isEmpty() || !s.get().allSucceeded()) return Double.NaN;
        peak = Math.max(peak, s.get().maxRssKb());
      }
      return peak / 1024.0 / 1024.0;
    }
    return Double.NaN;
  }

  private static OptionalDouble ratio(OptionalDouble a, OptionalDouble b) {
    if (a.isEmpty() || b.isEmpty() || b.getAsDouble() <= 0) return OptionalDouble.empty();
    return OptionalDouble.of(a.getAsDouble() / b.getAsDouble());
  }
}
