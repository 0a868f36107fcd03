package ru.vpr.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import ru.vpr.audit.RunLog;
import ru.vpr.config.PipelineConfig;
import ru.vpr.ingest.read.ReadLimits;
import ru.vpr.io.Storage;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;
import ru.vpr.spark.LineageCut;

/**
 * Ingests a landing zone into the results tables. Incremental and idempotent: a file whose content
 * (SHA-256) was ingested before is skipped; a new or changed file replaces exactly the school × work
 * rows it carries, table by table in single MERGE commits; a run on an unchanged landing commits
 * nothing but its {@code runs} row.
 */
public final class IngestJob {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestJob.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final TableCatalog catalog;
  private final DeltaWrites writes;
  private final Storage storage;
  private boolean force;
  private boolean retireMissing;
  private ReadLimits limits = ReadLimits.DEFAULT;

  public IngestJob(SparkSession spark, PipelineConfig config) {
    this.spark = spark;
    this.config = config;
    this.catalog = new TableCatalog(spark, config.database(), config.warehouse());
    this.writes = new DeltaWrites(catalog);
    this.storage = new Storage(spark.sparkContext().hadoopConfiguration());
  }

  /** Re-read every file, changed or not (after a fix in the reader, say). */
  public IngestJob force(boolean force) {
    this.force = force;
    return this;
  }

  /** Remove the rows of files that are no longer in the landing, instead of only recording them as missing. */
  public IngestJob retireMissing(boolean retireMissing) {
    this.retireMissing = retireMissing;
    return this;
  }

  /** How big a form may be (vpr.ingest.limits). */
  public IngestJob limits(ReadLimits limits) {
    this.limits = limits;
    return this;
  }

  public IngestSummary run() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("landing", config.landing());
    parameters.put("registry", config.registry());
    parameters.put("specs", config.specs());
    parameters.put("year", String.valueOf(config.year()));
    parameters.put("force", String.valueOf(force));
    parameters.put("retire_missing", String.valueOf(retireMissing));
    RunLog run = new RunLog("ingest", parameters);
    return run.execute(spark, catalog, "VPR ingest of " + config.landing(), () -> {
      long start = System.nanoTime();
      catalog.ensure(Tables.INGEST_TABLES);
      LOG.info("catalog ready in {} ms", (System.nanoTime() - start) / 1_000_000);
      return ingest(run);
    }, IngestSummary::counts);
  }

  private IngestSummary ingest(RunLog run) {
    Reference reference = new Reference(
        SpecCatalog.readWithBuiltins(storage, config.specs()), SchoolRegistry.read(storage, config.registry()), limits);
    long start = System.nanoTime();
    List<String> changedReference = new ReferenceTables(storage, writes).write(reference, config);
    LOG.info("reference tables checked in {} ms; changed: {}", (System.nanoTime() - start) / 1_000_000, changedReference);
    // A new registry or spec can turn a refused file good: look at those files again.
    boolean recheckRefused = changedReference.contains(Tables.SCHOOLS.name())
        || changedReference.contains(Tables.TASKS.name()) || changedReference.contains(Tables.SCALES.name());

    if (!storage.exists(config.landing())) throw new IllegalArgumentException("landing folder does not exist: " + config.landing());
    String landing = storage.qualify(config.landing());
    LandingScan scan = scan(landing);

    long filesVersion = catalog.version(Tables.INGEST_FILES);
    long resultsVersion = catalog.version(Tables.RESULTS);
    run.inputVersion(Tables.INGEST_FILES.name(), filesVersion);
    run.inputVersion(Tables.RESULTS.name(), resultsVersion);
    Dataset<Row> knownFiles = catalog.readAt(Tables.INGEST_FILES, filesVersion);
    Dataset<Row> known = knownFiles
        .select(col("path"), col("checksum").as("known_checksum"), col("status").as("known_status"));
    Dataset<Row> changed = scan.files().withColumn("checksum", sha2(col("content"), 256))
        .join(known, "path", "left_outer")
        .where(lit(force).or(col("known_checksum").isNull()).or(col("known_checksum").notEqual(col("checksum")))
            .or(lit(recheckRefused).and(col("known_status").notEqual(lit(FormOutcome.ACCEPTED))))
            // A file that was missing and is back: read again, as any new file.
            .or(col("known_status").isin(MissingFiles.MISSING, MissingFiles.RETIRED)));
    Dataset<Row> missing = LineageCut.of(MissingFiles.find(knownFiles, scan.files(), landing, config.year(), retireMissing));
    long filesMissing = missing.count();
    if (filesMissing > 0) {
      LOG.info("{} files ingested before are no longer in the landing{}", filesMissing, retireMissing ? "; retiring their rows" : "");
      MissingFiles.record(missing, retireMissing, run.runId(), catalog, writes);
    }
    LineageCut.release(missing);

    // Parse every changed file exactly once, here: everything below reads these parsed forms, never
    // the files. A cache would not do: the plan reads ingest_files (which files are known), and a
    // write to a table drops every cached plan that reads it, so the ingest_files write at the end
    // would send the summary back to the landing to parse it all again. A checkpoint has no lineage
    // to drop; its blocks are released when the ingest ends.
    Dataset<Row> outcomes = LineageCut.of(changed.select(Columns.cols(FileParser.inputColumns()))
        .coalesce(parsePartitions())
        .flatMap(new FileParser(JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(reference), landing),
            Encoders.row(OutcomeRows.FILE)));
    try {
      long filesRead = OutcomeTables.files(outcomes).count();
      LOG.info("{} of {} files are new or changed", filesRead, scan.filesSeen());
      IngestSummary summary = filesRead == 0 ? FileAudit.nothingRead(run.runId(), scan.filesSeen())
          : write(run.runId(), outcomes, scan.filesSeen(), resultsVersion);
      return summary.withMissing(filesMissing, retireMissing);
    } finally {
      LineageCut.release(outcomes);  // now, not at the next garbage collection: the pipeline goes on in this session
    }
  }

  /**
   * The files of the run: the whole landing, or the files a year's run is for: those whose place
   * (a {@code year=YYYY} folder, or the name FIS OKO gave them) says that year, and those whose place
   * says no year at all (they are refused, saying why, whichever year runs first).
   */
  private LandingScan scan(String landing) {
    Integer year = config.year();
    if (year == null) return LandingScan.of(spark, landing);
    return LandingScan.of(spark, landing, path -> {
      Integer placed = LandingLayout.place(landing, path).year();
      return placed == null || placed.equals(year);
    });
  }

  /**
   * The binaryFile scan packs about 32 small files into a partition (spark.sql.files.openCostInBytes),
   * so a region's landing of tens of thousands of forms becomes thousands of partitions, and every
   * later pass over the parsed forms (the checkpoint below) would pay a task for each. A few partitions
   * per core keep every core busy through the parse, whose per-file cost varies, without that cost.
   */
  private int parsePartitions() {
    return Math.max(2, spark.sparkContext().defaultParallelism() * 4);
  }

  private IngestSummary write(String runId, Dataset<Row> outcomes, long filesSeen, long resultsVersion) {
    WorkOwnership.Resolved owned = WorkOwnership.resolve(OutcomeTables.parsedResults(outcomes));
    Dataset<Row> results = owned.kept().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rejects = OutcomeTables.rejects(outcomes).unionByName(owned.duplicateRejects())
        .withColumn("run_id", lit(runId))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> fileRows = FileAudit.fileRows(outcomes, results, rejects, runId).persist(StorageLevel.MEMORY_AND_DISK());
    // Cut, not cached, for the same reason as the parsed forms: it reads results, which is written first.
    Dataset<Row> scopes = LineageCut.of(workScopes(results, fileRows, resultsVersion));
    try {
      LOG.info("{} school works to replace", scopes.count());
      Dataset<Row> processedPaths = OutcomeTables.files(outcomes).select("path");
      timed("results", () -> writes.replaceScopes(Tables.RESULTS, WorkOwnership.WORK, scopes,
          OutcomeTables.resultRows(results, runId)));
      timed("task_scores", () -> writes.replaceScopes(Tables.TASK_SCORES, WorkOwnership.WORK, scopes,
          OutcomeTables.taskScores(results, runId)));
      timed("forms_raw", () -> writes.replaceScopes(Tables.FORMS_RAW, List.of("year", "source_path"),
          OutcomeTables.files(outcomes).select(col("year"), col("path").as("source_path")), OutcomeTables.rawRows(outcomes, runId)));
      timed("rejects", () -> writes.replaceScopes(Tables.REJECTS, List.of("path"), processedPaths, rejects));
      // Last: a run that dies before this line leaves the files unrecorded, so the next run redoes them.
      timed("ingest_files", () -> writes.upsert(Tables.INGEST_FILES, fileRows.withColumn("ingested_at", current_timestamp())));
      return FileAudit.summarize(runId, filesSeen, fileRows, rejects);
    } finally {
      LineageCut.release(scopes);
      fileRows.unpersist();
      rejects.unpersist();
      results.unpersist();
    }
  }

  /**
   * The school works this run rewrites: those it brings, and those a re-read file used to bring (a
   * regional export that no longer lists a school). A file refused whole touches nothing.
   */
  private Dataset<Row> workScopes(Dataset<Row> results, Dataset<Row> fileRows, long resultsVersion) {
    Dataset<Row> keptFiles = fileRows.where(col("rows_accepted").gt(0)).select(col("path").as("source_path"));
    Dataset<Row> previouslyBrought = catalog.readAt(Tables.RESULTS, resultsVersion)
        .join(broadcast(keptFiles), "source_path")
        .select(Columns.cols(WorkOwnership.WORK));
    return results.select(Columns.cols(WorkOwnership.WORK)).unionByName(previouslyBrought).distinct();
  }

  private static void timed(String table, Runnable write) {
    long start = System.nanoTime();
    write.run();
    LOG.info("wrote {} in {} ms", table, (System.nanoTime() - start) / 1_000_000);
  }
}
