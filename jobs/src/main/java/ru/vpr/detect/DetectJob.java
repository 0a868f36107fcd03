package ru.vpr.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import ru.vpr.audit.RunLog;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.io.Storage;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;

/**
 * Scores every class × work of the year (or of every year) and writes class_signals, peer_groups,
 * risk_classes, risk_schools, risk_school_totals, pupil_evidence, bunching and bunching_curves, each
 * year's rows replaced in one
 * Delta commit.
 * The fitted peer-group and isolation-forest models are saved under
 * {@code <warehouse>/models/detect/<run_id>/}, and the run's parameters and input versions go to
 * {@code runs}, so that a published list can be reproduced.
 */
public final class DetectJob {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DetectJob.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final DetectConfig settings;
  private final TableCatalog catalog;

  public DetectJob(SparkSession spark, PipelineConfig config, DetectConfig settings) {
    this.spark = spark;
    this.config = config;
    this.settings = settings;
    this.catalog = new TableCatalog(spark, config.database(), config.warehouse());
  }

  public DetectSummary run() {
    Map<String, String> parameters = new LinkedHashMap<>(settings.describe());
    parameters.put("year", String.valueOf(config.year()));
    RunLog run = new RunLog("detect", parameters);
    return run.execute(spark, catalog, "VPR detection", () -> {
      catalog.ensure(Tables.INGEST_TABLES);
      catalog.ensure(Tables.DETECT_TABLES);
      return detect(run);
    }, DetectSummary::counts);
  }

  private DetectSummary detect(RunLog run) {
    Detection.Inputs inputs = new Detection.Inputs(input(run, Tables.RESULTS), input(run, Tables.TASK_SCORES),
        input(run, Tables.TASKS), input(run, Tables.SCALES), input(run, Tables.CONTROL), input(run, Tables.SCHOOLS));
    List<Integer> years = years(inputs.results(), run.year(config.year()));
    if (years.isEmpty()) return new DetectSummary(run.runId(), years, Map.of(), null);
    Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
    // A killed run saved its models but never finished: nothing refers to them any more.
    for (String killed : run.redoes()) storage.deleteRecursively(modelsOf(killed));
    Detection.Outcome outcome = Detection.run(inputs, years, settings);
    String models = modelsOf(run.runId());
    try {
      save(outcome, models);
      DeltaWrites writes = new DeltaWrites(catalog);
      write(writes, Tables.PEER_GROUPS, years, outcome.peerGroups(), run);
      write(writes, Tables.CLASS_SIGNALS, years, outcome.classSignals(), run);
      write(writes, Tables.RISK_CLASSES, years, outcome.riskClasses(), run);
      write(writes, Tables.RISK_SCHOOLS, years, outcome.riskSchools(), run);
      write(writes, Tables.RISK_SCHOOL_TOTALS, years, outcome.schoolTotals(), run);
      write(writes, Tables.PUPIL_EVIDENCE, years, outcome.pupilEvidence(), run);
      write(writes, Tables.BUNCHING, years, outcome.bunching(), run);
      write(writes, Tables.BUNCHING_CURVES, years, outcome.bunchingCurves(), run);
      return new DetectSummary(run.runId(), years, counts(outcome), models);
    } catch (RuntimeException e) {
      storage.deleteRecursively(models);  // a failed run's models describe no published list
      throw e;
    } finally {
      outcome.release();
    }
  }

  private String modelsOf(String runId) {
    return Storage.join(Storage.join(Storage.join(config.warehouse(), "models"), "detect"), runId);
  }

  private void save(Detection.Outcome outcome, String path) {
    try {
      outcome.peerModel().write().overwrite().save(Storage.join(path, "peer_groups"));
      outcome.forest().model().write().overwrite().save(Storage.join(path, "isolation_forest"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the detection models under " + path, e);
    }
    LOG.info("models saved under {}", path);
  }

  private static Map<String, Long> counts(Detection.Outcome o) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("classes", o.riskClasses().count());
    counts.put("classes_scored", o.riskClasses().where(col("scored")).count());
    counts.put("classes_flagged", o.riskClasses().where(col("flagged")).count());
    counts.put("school_works_flagged", o.riskSchools().where(col("flagged")).count());
    counts.put("schools_flagged", o.schoolTotals().where(col("flagged")).count());
    return counts;
  }

  private List<Integer> years(Dataset<Row> results, Integer year) {
    if (year != null) return List.of(year);
    // A handful of numbers: fine on the driver.
    List<Integer> years = new ArrayList<>(results.select("year").distinct().as(Encoders.INT()).collectAsList());
    years.sort(null);
    return years;
  }

  private void write(DeltaWrites writes, TableDef table, List<Integer> years, Dataset<Row> rows, RunLog run) {
    // DeltaWrites selects the table's columns; the rows only lack the run id.
    writes.replaceWhereIn(table, "year", years, rows.withColumn("run_id", lit(run.runId())));
  }

  private Dataset<Row> input(RunLog run, TableDef table) {
    long version = catalog.version(table);
    run.inputVersion(table.name(), version);
    return catalog.readAt(table, version);
  }
}
