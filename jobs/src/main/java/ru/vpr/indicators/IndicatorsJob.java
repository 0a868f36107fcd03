package ru.vpr.indicators;

import static org.apache.spark.sql.functions.col;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import ru.vpr.audit.RunLog;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;

/**
 * Computes the FIS OKO indicators from the ingested results into the gold tables, for every year
 * (or the one year configured). Each table's rows of those years are replaced in one Delta commit
 * (replaceWhere on the year partitions), so a second run on unchanged input leaves the same
 * contents. Dynamics, deficits and the low-results list read their inputs back from the tables just
 * written, so they see earlier years that this run did not touch.
 */
public final class IndicatorsJob {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndicatorsJob.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final IndicatorsConfig settings;
  private final TableCatalog catalog;
  private final DeltaWrites writes;
  private final Map<String, Long> rowsWritten = new LinkedHashMap<>();

  public IndicatorsJob(SparkSession spark, PipelineConfig config, IndicatorsConfig settings) {
    this.spark = spark;
    this.config = config;
    this.settings = settings;
    this.catalog = new TableCatalog(spark, config.database(), config.warehouse());
    this.writes = new DeltaWrites(catalog);
  }

  public IndicatorsSummary run() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("year", String.valueOf(config.year()));
    parameters.put("min_group", String.valueOf(settings.minGroup()));
    parameters.put("min_distribution", String.valueOf(settings.minDistribution()));
    parameters.put("low_results", settings.lowResults().describe());
    RunLog run = new RunLog("indicators", parameters);
    return run.execute(spark, catalog, "VPR indicators", () -> {
      catalog.ensure(Tables.INGEST_TABLES);
      catalog.ensure(Tables.INDICATOR_TABLES);
      catalog.ensureViews(Tables.INDICATOR_VIEWS);
      return compute(run);
    }, IndicatorsSummary::counts);
  }

  private IndicatorsSummary compute(RunLog run) {
    rowsWritten.clear();
    Dataset<Row> allResults = input(run, Tables.RESULTS);
    Dataset<Row> allTaskScores = input(run, Tables.TASK_SCORES);
    Dataset<Row> tasks = input(run, Tables.TASKS);
    Dataset<Row> scales = input(run, Tables.SCALES);
    Dataset<Row> schools = input(run, Tables.SCHOOLS);
    Dataset<Row> subjects = input(run, Tables.SUBJECTS);
    Integer year = run.year(config.year());
    Dataset<Row> inYear = year == null ? allResults : allResults.where(col("year").equalTo(year));
    Dataset<Row> taskScores = year == null ? allTaskScores : allTaskScores.where(col("year").equalTo(year));
    // The years are a handful of numbers: fine on the driver.
    List<Integer> years = new ArrayList<>(inYear.select("year").distinct().as(Encoders.INT()).collectAsList());
    if (year != null && !years.contains(year)) years.add(year);
    years.sort(null);
    if (years.isEmpty()) return new IndicatorsSummary(run.runId(), years, Map.of());
    org.apache.spark.sql.Column inScope = col("year").isin(years.toArray());

    Dataset<Row> results = inYear.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> pupilTasks = TaskCompletion.pupilTasks(results, taskScores, tasks).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(Tables.UNIT_INDICATORS, years, () -> UnitIndicators.compute(results, settings));
      write(Tables.SCORE_HISTOGRAMS, years, () -> ScoreHistograms.compute(results, scales, settings));
      write(Tables.TASK_INDICATORS, years, () -> TaskCompletion.byTask(pupilTasks, settings));
      write(Tables.TASK_MARK_INDICATORS, years, () -> TaskCompletion.byMark(pupilTasks, settings));
    } finally {
      pupilTasks.unpersist();
      results.unpersist();
    }
    // Read back: these need the years before, which this run may not have computed.
    write(Tables.CLASS_DEFICITS, years, () -> ClassDeficits.of(catalog.read(Tables.TASK_INDICATORS).where(inScope)));
    write(Tables.INDICATOR_DYNAMICS, years, () -> Dynamics.of(unitsBack(years, 1)).where(inScope));
    write(Tables.LOW_RESULT_SCHOOLS, years, () -> LowResultSchools.of(
        unitsBack(years, settings.lowResults().consecutiveYears() - 1), schools, subjects, settings.lowResults()).where(inScope));

    return new IndicatorsSummary(run.runId(), years, rowsWritten);
  }

  /** The unit indicators of the years and of the {@code back} years before each. */
  private Dataset<Row> unitsBack(List<Integer> years, int back) {
    java.util.Set<Integer> wanted = new java.util.TreeSet<>();
    for (int year : years) for (int b = 0; b <= back; b++) wanted.add(year - b);
    return catalog.read(Tables.UNIT_INDICATORS).where(col("year").isin(wanted.toArray()));
  }

  private Dataset<Row> input(RunLog run, TableDef table) {
    long version = catalog.version(table);
    run.inputVersion(table.name(), version);
    return catalog.readAt(table, version);
  }

  private void write(TableDef table, List<Integer> years, Supplier<Dataset<Row>> rows) {
    long start = System.nanoTime();
    writes.replaceWhereIn(table, "year", years, rows.get());
    // The commit's own metric: the rows of the years replaced, without scanning the table again.
    rowsWritten.put(table.name(), catalog.lastCommitMetric(table, "numOutputRows"));
    LOG.info("wrote {} in {} ms", table.name(), (System.nanoTime() - start) / 1_000_000);
  }

}
