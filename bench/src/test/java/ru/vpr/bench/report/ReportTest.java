package ru.vpr.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results folder as bench/run leaves it, with made-up times whose figures are known. */
class ReportTest {
  @TempDir Path dir;
  Analysis analysis;

  @BeforeEach
  void results() throws IOException {
    write("run.properties", "mode=full\nruns=3\nload_start=0.1\nload_end=0.2\ncommand=bench/run\n");
    write("startup/dataset.properties", "name=startup\nroles=startup\norder=0\n");
    for (int run = 1; run <= 3; run++) time("startup", "startup", run, 10 + run - 2, 0);
    // Works 100k and 1M: each job takes 10 s start-up plus 1 s per 10k works (net linear).
    dataSet("region-l@90", "series", 1, 100_000, 20);
    dataSet("region-l", "main,series", 2, 1_000_000, 110);
    ResultsDir dir = new ResultsDir(this.dir);
    analysis = new Analysis(dir.dataSets());
  }

  private void dataSet(String name, String roles, int order, long works, double jobSeconds) throws IOException {
    String folder = name.replace('@', '-');
    write(folder + "/dataset.properties", "name=" + name + "\nroles=" + roles + "\norder=" + order + "\nverified=yes\n");
    for (int run = 1; run <= 3; run++) {
      double jitter = run == 2 ? 5 : 0; // one slow run: the median ignores it
      for (String job : Steps.JOBS) time(folder, job, run, jobSeconds + jitter, 2_000_000 * (works / 100_000));
      write(folder + "/ingest-" + run + ".out", "  rows: " + works + " accepted, 0 refused, 0 kept with a warning\n");
      write(folder + "/indicators-" + run + ".err", "12:00:00 INFO IndicatorsJob: wrote unit_indicators in 1000 ms\n"
          + "12:00:01 INFO IndicatorsJob: wrote score_histograms in 1000 ms\n"
          + "12:00:02 INFO IndicatorsJob: wrote task_indicators in 2000 ms\n"
          + "12:00:03 INFO IndicatorsJob: wrote task_mark_indicators in 2000 ms\n");
      time(folder, "duckdb", run, jobSeconds / 2, 500_000);
      write(folder + "/duckdb-" + run + ".properties", "read_ms=1000\nnormalise_ms=500\nindicators_ms=3000\nfiles=10\nworks="
          + works + "\ntask_scores=" + works * 15 + "\nthreads=2\n");
      time(folder, "parse", run, jobSeconds / 4, 100_000);
      write(folder + "/parse-" + run + ".out", "parse.rows=" + works + "\n");
    }
  }

  private void time(String folder, String step, int run, double wall, long rssKb) throws IOException {
    int minutes = (int) (wall / 60);
    String elapsed = minutes + ":" + String.format(java.util.Locale.ROOT, "%05.2f", wall - 60 * minutes);
    Files.createDirectories(dir.resolve(folder));
    Files.write(dir.resolve(folder + "/" + step + "-" + run + ".time"), ProcessTimeTest.report(elapsed, wall, 1.0, rssKb, 0));
  }

  private void write(String file, String text) throws IOException {
    Files.createDirectories(dir.resolve(file).getParent());
    Files.writeString(dir.resolve(file), text);
  }

  @Test
  void mediansRatiosAndCounts() {
    DataSetResults big = analysis.dataSets().get(1);
    assertEquals("region-l", big.name());
    assertEquals(1_000_000, big.works());
    assertEquals(1_000_000, big.ingestRows());
    assertEquals(110, analysis.wall(big, Steps.INGEST).getAsDouble(), 1e-9);
    assertEquals(440, analysis.wall(big, Analysis.PIPELINE).getAsDouble(), 1e-9);
    assertEquals(2.0, analysis.indicatorsVsDuckDb(big).getAsDouble(), 1e-9);
    assertEquals(2.0, analysis.sharedTablesVsDuckDbIndicators(big).getAsDouble(), 1e-9, "6 s of writes over 3 s");
    assertEquals(4.0, analysis.ingestVsParse(big).getAsDouble(), 1e-9);
    assertEquals(10.0, analysis.startup().orElseThrow().wallSeconds(), 1e-9);
  }

  @Test
  void growthIsFittedOnTheSeriesRawAndLessStartup() {
    assertEquals(List.of("region-l@90", "region-l"), analysis.series().stream().map(DataSetResults::name).toList());
    assertEquals(Math.log(110.0 / 20) / Math.log(10), analysis.fit(Steps.INGEST, false).orElseThrow().exponent(), 1e-9);
    assertEquals(1.0, analysis.fit(Steps.INGEST, true).orElseThrow().exponent(), 1e-9);
    assertEquals(1.0, analysis.fit(Analysis.PIPELINE, true).orElseThrow().exponent(), 1e-9);
  }

  @Test
  void targetsAreJudgedWithTheirMargin() {
    Map<String, Target> byWhat = new java.util.HashMap<>();
    for (Target t : analysis.targets()) byWhat.put(t.what().split(" ")[0], t);
    assertTrue(byWhat.get("indicators").met(), "2.0× meets ≤ 2×");
    assertEquals("met, 0% under the limit", byWhat.get("indicators").verdict());
    assertFalse(byWhat.get("ingest").met());
    assertEquals("**not met**, 33% over the limit", byWhat.get("ingest").verdict());
    assertTrue(byWhat.get("time").met());
    assertEquals(20_000_000 / 1024.0 / 1024.0, byWhat.get("region-l").measured(), 1e-9);
  }

  @Test
  void theMemoryTargetIsJudgedOnTheLargestRegionLSet() throws IOException {
    assertEquals("region-l, 1,000,000 works (peak RSS of the largest job)", memoryTarget(analysis).scope());
    List<DataSetResults> withoutFullPreset = new ResultsDir(dir).dataSets().stream()
        .filter(d -> !d.name().equals("region-l")).toList();
    Target memory = memoryTarget(new Analysis(withoutFullPreset));
    assertEquals("region-l, 90 schools, 100,000 works (peak RSS of the largest job)", memory.scope());
    assertFalse(Double.isNaN(memory.measured()));
  }

  @Test
  void aStepStillRunningIsNamed() throws IOException {
    write("region-l/publish-3.time", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ResultsDir(dir).dataSets());
    assertTrue(e.getMessage().contains("publish-3.time is empty: that step is still running"), e.getMessage());
  }

  private static Target memoryTarget(Analysis analysis) {
    return analysis.targets().stream().filter(t -> t.what().startsWith("region-l")).findFirst().orElseThrow();
  }

  @Test
  void thePageHasEverySection() {
    String page = new ResultsPage(Map.of("mode", "quick", "runs", "1", "load_start", "4.0", "note", "CI was running", "profile", "true"), List.of("bin/vpr ingest"),
        new Machine(2, 24_000_000, "AMD EPYC", "Linux", "Java 17", "4.1.0", "4.4.0", "1.4.1.0"), analysis).render();
    for (String heading : List.of("## Targets", "## Machine", "## Data sets", "## Jobs", "## Against the baselines",
        "## Growth with size", "## Commands", "**Smoke run**", "**Busy machine**", "> Note: CI was running",
        "Profiled (`--profile`)", "*Why the ingest no slower than 3× the plain single-threaded parse target is not met*")) {
      assertTrue(page.contains(heading), heading + " in\n" + page);
    }
    assertTrue(page.contains("| region-l | ingest | 110.0 |"), page);
    assertFalse(page.contains("*Why the indicators"), "the indicators target is met in these results");
    assertTrue(page.contains("| region-l, 90 schools |"), page);
  }

  @Test
  void versionsComeFromJarNames() {
    assertEquals("4.4.0", Machine.jarVersion("delta-spark_", List.of("/x/vpr-jobs.jar", "/m2/delta-spark_4.1_2.13-4.4.0.jar")));
    assertEquals("unknown", Machine.jarVersion("duckdb_jdbc-", List.of("/x/vpr-jobs.jar")));
  }
}
