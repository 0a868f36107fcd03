package ru.vpr.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Renders bench/RESULTS.md: every number on it comes from the results folder of one bench/run. */
public final class ResultsPage {
  private final Map<String, String> run;
  private final List<String> commands;
  private final Machine machine;
  private final Analysis analysis;

  public ResultsPage(Map<String, String> run, List<String> commands, Machine machine, Analysis analysis) {
    this.run = run;
    this.commands = commands;
    this.machine = machine;
    this.analysis = analysis;
  }

  public String render() {
    StringBuilder s = new StringBuilder("# Benchmark results\n\n");
    banners(s);
    s.append(String.format(Locale.ROOT,
        "Written by `bench/run` (`%s`) from %s to %s, at commit `%s`%s. Every figure is the median of %s run(s) "
            + "per data set; each step is its own process, timed with `/usr/bin/time -v`. "
            + "[README.md](README.md) says what each figure means; earlier hand-recorded measurements are in "
            + "[HISTORY.md](HISTORY.md); the hot spots found by profiling, with their before and after, in "
            + "[PROFILING.md](PROFILING.md).%n%n",
        run.getOrDefault("command", "bench/run"), run.getOrDefault("started", "?"), run.getOrDefault("finished", "?"),
        run.getOrDefault("commit", "?"), "true".equals(run.get("dirty")) ? " with uncommitted changes" : "",
        run.getOrDefault("runs", "?")));
    targets(s);
    machine(s);
    dataSets(s);
    jobs(s);
    baselines(s);
    growth(s);
    commands(s);
    return s.toString();
  }

  private void banners(StringBuilder s) {
    if ("quick".equals(run.get("mode"))) {
      s.append("> **Smoke run** (`bench/run --quick`): small regions, one run each. It shows that the harness works end\n"
          + "> to end; at this size the times are mostly process start-up, so the figures say nothing about the pipeline\n"
          + "> at region scale and the targets below are judged on the wrong data. The full run (`bench/run`) is pending.\n\n");
    }
    double load = number(run.get("load_start"));
    if (!Double.isNaN(load) && load > 0.5 * machine.cores()) {
      s.append(String.format(Locale.ROOT,
          "> **Busy machine**: load average %.1f on %d cores just before the run. Other work shared the CPUs, so these%n"
              + "> timings are noisy and slower than on an idle machine.%n%n", load, machine.cores()));
    }
    if (run.containsKey("note") && !run.get("note").isBlank()) s.append("> Note: ").append(run.get("note")).append("\n\n");
    if ("true".equals(run.get("profile"))) {
      s.append("> Profiled (`--profile`): every job also wrote Spark's event log, which costs a little time.\n\n");
    }
  }

  private void targets(StringBuilder s) {
    s.append("## Targets\n\n| target | judged on | measured | limit | verdict |\n|---|---|---|---|---|\n");
    for (Target t : analysis.targets()) {
      s.append("| ").append(t.what()).append(" | ").append(t.scope()).append(" | ").append(t.measuredText())
          .append(" | ").append(t.limitText()).append(" | ").append(t.verdict()).append(" |\n");
    }
    s.append('\n');
    // Why a target is missed: what the two measured things do differently, which no run changes.
    Set<String> explained = new LinkedHashSet<>();
    for (Target t : analysis.targets()) {
      if (t.met() || Double.isNaN(t.measured())) continue;
      String why = WHY_MISSED.get(t.what());
      if (why != null && explained.add(t.what())) s.append("*Why the ").append(t.what()).append(" target is not met*: ").append(why).append("\n\n");
    }
  }

  private static final Map<String, String> WHY_MISSED = Map.of(
      Analysis.INGEST_TARGET,
      "the plain parse only reads the records of every form. The ingest also starts Spark and its catalog, "
          + "creates its tables in a fresh warehouse, checks the reference tables, hashes every file (SHA-256, to skip "
          + "known files on the next run), validates every row against the registry and the specs, keeps the raw rows "
          + "(`forms_raw`) and the refusals, and commits four Delta tables, `task_scores` among them with one row per pupil "
          + "and task (27 million at 1.5 million works). The floor it is set against does none of that; "
          + "[PROFILING.md](PROFILING.md) shows where the ingest's time goes.",
      Analysis.INDICATORS_TARGET,
      "at small sizes the job's fixed cost (JVM and Spark start-up, reading the Delta logs, seven Delta commits, each "
          + "with a few seconds of its own) outweighs the work, while DuckDB's time is mostly reading the csv files and "
          + "grows with them; the ratio falls as the region grows (see Against the baselines).");

  private void machine(StringBuilder s) {
    s.append("## Machine\n\n| | |\n|---|---|\n");
    row(s, "cores", String.valueOf(machine.cores()));
    row(s, "memory", machine.memory());
    row(s, "CPU", machine.cpu());
    row(s, "OS", machine.os());
    row(s, "Java", machine.java());
    row(s, "Spark", machine.spark() + ", `local[*]`");
    row(s, "Delta Lake", machine.delta());
    row(s, "DuckDB", machine.duckdb() + " (JDBC, in-process, default settings: all cores)");
    row(s, "job driver heap", "`-Xmx" + run.getOrDefault("driver_memory", "?") + "` (`VPR_DRIVER_MEMORY`)");
    s.append('\n');
  }

  private void dataSets(StringBuilder s) {
    s.append("## Data sets\n\nGenerated with `bin/vpr generate ... --csv-only`: every form a UTF-8 csv, so DuckDB reads the same\n"
        + "files as the pipeline (see README.md). *Works* are pupil × work rows, *task scores* pupil × task rows.\n\n"
        + "| data set | generator options | files | works | task scores | rows the ingest accepted | DuckDB's tables = pipeline's |\n"
        + "|---|---|---|---|---|---|---|\n");
    for (DataSetResults d : analysis.dataSets()) {
      long ingest = d.ingestRows();
      String check = ingest < 0 ? "–" : ingest == d.works() ? count(ingest) : count(ingest) + " (**differs**)";
      s.append("| ").append(d.label()).append(" | `").append(d.properties().getOrDefault("generate", "")).append("` | ")
          .append(count(d.files())).append(" | ").append(count(d.works())).append(" | ").append(count(d.taskScores()))
          .append(" | ").append(check).append(" | ").append(verified(d)).append(" |\n");
    }
    s.append('\n');
  }

  private static String verified(DataSetResults d) {
    String v = d.properties().getOrDefault("verified", "");
    return switch (v) {
      case "yes" -> "yes: every row and value of the four tables";
      case "no" -> "**NO: values differ** (see verify.out)";
      default -> "not checked";
    };
  }

  private void jobs(StringBuilder s) {
    s.append("## Jobs\n\nMedians over the runs. CPU is user + system time of the process; above the wall time means\n"
        + "several cores worked. Peak RSS is the median and the largest over the runs.\n\n"
        + "| data set | step | wall (s) | CPU (s) | peak RSS (GiB) | works/s | task scores/s |\n|---|---|---|---|---|---|---|\n");
    for (DataSetResults d : analysis.dataSets()) {
      for (String job : Steps.JOBS) {
        Optional<StepSummary> sum = d.summary(job);
        if (sum.isEmpty()) continue;
        StepSummary j = sum.get();
        s.append("| ").append(d.label()).append(" | ").append(job).append(j.allSucceeded() ? "" : " (**failed**)")
            .append(" | ").append(seconds(j.wallSeconds())).append(" | ").append(seconds(j.cpuSeconds())).append(" | ")
            .append(gib(j.medianRssKb())).append(" / ").append(gib(j.maxRssKb())).append(" | ")
            .append(rate(d.works(), j.wallSeconds())).append(" | ").append(rate(d.taskScores(), j.wallSeconds())).append(" |\n");
      }
      OptionalDouble total = analysis.wall(d, Analysis.PIPELINE);
      if (total.isPresent()) {
        s.append("| ").append(d.label()).append(" | **whole pipeline** (sum) | ").append(seconds(total.getAsDouble()))
            .append(" | | | ").append(rate(d.works(), total.getAsDouble())).append(" | ")
            .append(rate(d.taskScores(), total.getAsDouble())).append(" |\n");
      }
    }
    analysis.startup().ifPresent(st -> s.append(String.format(Locale.ROOT,
        "%nStart-up of a job process (`bin/vpr sql \"SELECT 1\"`: JVM, Spark session, catalog; median of %d): %.1f s wall,"
            + " %.1f s CPU. Every job above pays it once.%n", st.runs(), st.wallSeconds(), st.cpuSeconds())));
    s.append('\n');
  }

  private void baselines(StringBuilder s) {
    s.append("## Against the baselines\n\n"
        + "*DuckDB*: the same class, school, municipality and region indicators (the job's four pupil-level tables)\n"
        + "computed by DuckDB from the landing csv files, in one process: read (each work folder's forms through one `read_csv`),\n"
        + "normalise (pupil and task rows), indicators (four parquet files). *Plain parse*: one thread reads every\n"
        + "landing file with the ingest's own form readers and nothing else. The second indicators ratio sets the\n"
        + "job's own write times of those four tables against DuckDB's indicators phase: both without start-up and\n"
        + "input reading, and without the three derived tables (dynamics, deficits, low results) only the job writes.\n\n"
        + "| data set | indicators job (s) | DuckDB (s) | DuckDB read / normalise / indicators (s) | indicators ÷ DuckDB | four tables ÷ DuckDB indicators phase | ingest (s) | plain parse (s) | ingest ÷ parse |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (DataSetResults d : analysis.dataSets()) {
      Optional<StepSummary> duck = d.summary(Steps.DUCKDB);
      String phases = duck.filter(x -> x.has("read_ms")).map(x -> String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
          x.metric("read_ms") / 1e3, x.metric("normalise_ms") / 1e3, x.metric("indicators_ms") / 1e3)).orElse("–");
      s.append("| ").append(d.label()).append(" | ").append(seconds(analysis.wall(d, Steps.INDICATORS))).append(" | ")
          .append(seconds(analysis.wall(d, Steps.DUCKDB))).append(" | ").append(phases).append(" | ")
          .append(times(analysis.indicatorsVsDuckDb(d))).append(" | ").append(times(analysis.sharedTablesVsDuckDbIndicators(d)))
          .append(" | ").append(seconds(analysis.wall(d, Steps.INGEST))).append(" | ").append(seconds(analysis.wall(d, Steps.PARSE)))
          .append(" | ").append(times(analysis.ingestVsParse(d))).append(" |\n");
    }
    s.append('\n');
  }

  private void growth(StringBuilder s) {
    List<DataSetResults> series = analysis.series();
    s.append("## Growth with size\n\n");
    if (series.size() < 2) {
      s.append("Fewer than two sizes were measured in this run: no fit.\n\n");
      return;
    }
    List<String> steps = new ArrayList<>(List.of(Analysis.PIPELINE));
    steps.addAll(Steps.JOBS);
    steps.add(Steps.DUCKDB);
    s.append("Median wall time (s) of each size of the series (one preset, more schools):\n\n| data set | works |");
    for (String step : steps) s.append(' ').append(step).append(" |");
    s.append("\n|---|---|").append("---|".repeat(steps.size())).append('\n');
    for (DataSetResults d : series) {
      s.append("| ").append(d.label()).append(" | ").append(count(d.works())).append(" |");
      for (String step : steps) s.append(' ').append(seconds(analysis.wall(d, step))).append(" |");
      s.append('\n');
    }
    s.append("\nLeast squares line through (ln works, ln time): time ∝ works^exponent. The start-up of a job process\n"
        + "is fixed, so at small sizes it pulls the raw exponent below 1; the second fit takes it off first.\n\n"
        + "| step | exponent | R² | exponent less start-up | R² |\n|---|---|---|---|---|\n");
    for (String step : steps) {
      Optional<PowerFit> raw = analysis.fit(step, false);
      Optional<PowerFit> net = step.equals(Steps.DUCKDB) ? Optional.empty() : analysis.fit(step, true);
      s.append("| ").append(step).append(" | ").append(raw.map(f -> fixed(f.exponent(), 2)).orElse("–")).append(" | ")
          .append(raw.map(f -> fixed(f.r2(), 3)).orElse("–")).append(" | ")
          .append(net.map(f -> fixed(f.exponent(), 2)).orElse("–")).append(" | ")
          .append(net.map(f -> fixed(f.r2(), 3)).orElse("–")).append(" |\n");
    }
    s.append('\n');
  }

  private void commands(StringBuilder s) {
    if (commands.isEmpty()) return;
    s.append("## Commands\n\nAs bench/run ran them for the first data set (the others differ only in their folders):\n\n```\n");
    commands.forEach(c -> s.append(c).append('\n'));
    s.append("```\n");
  }

  private static void row(StringBuilder s, String name, String value) {
    s.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String seconds(double v) {
    return fixed(v, 1);
  }

  private static String seconds(OptionalDouble v) {
    return v.isPresent() ? seconds(v.getAsDouble()) : "–";
  }

  private static String times(OptionalDouble v) {
    return v.isPresent() ? fixed(v.getAsDouble(), 2) + "×" : "–";
  }

  private static String gib(double kb) {
    return fixed(kb / 1024 / 1024, 2);
  }

  private static String rate(long count, double seconds) {
    return count < 0 || seconds <= 0 ? "–" : count(Math.round(count / seconds));
  }

  private static String count(long n) {
    return n < 0 ? "–" : String.format(Locale.ROOT, "%,d", n);
  }

  private static String fixed(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  private static double number(String text) {
    try {
      return text == null ? Double.NaN : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
