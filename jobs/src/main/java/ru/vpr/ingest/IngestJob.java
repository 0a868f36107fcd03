package ru.vpr.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import ru.vpr.audit.RunLog;
import ru.vpr.config.PipelineConfig;
import ru.vpr.io.Storage;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.Tables;

/**
 * Ingests a landing zone into the results tables. Incremental and idempotent: a file whose content
 * (SHA-256) was ingested before is skipped; a new or changed file replaces exactly the school × work
 * rows it carries, table by table in single MERGE commits; a run on an unchanged landing commits
 * nothing but its {@code runs} row.
 */
public final class IngestJob {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestJob.class);
  private static final List<String> WORK = List.of("year", "subject", "grade", "login");

  private final SparkSession spark;
  private final PipelineConfig config;
  private final TableCatalog catalog;
  private final DeltaWrites writes;
  private final Storage storage;
  private boolean force;

  public IngestJob(SparkSession spark, PipelineConfig config) {
    this.spark = spark;
    this.config = config;
    this.catalog = new TableCatalog(spark, config.database());
    this.writes = new DeltaWrites(catalog);
    this.storage = new Storage(spark.sparkContext().hadoopConfiguration());
  }

  /** Re-read every file, changed or not (after a fix in the reader, say). */
  public IngestJob force(boolean force) {
    this.force = force;
    return this;
  }

  public IngestSummary run() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("landing", config.landing());
    parameters.put("registry", config.registry());
    parameters.put("specs", config.specs());
    parameters.put("year", String.valueOf(config.year()));
    parameters.put("force", String.valueOf(force));
    RunLog run = new RunLog("ingest", parameters);
    spark.sparkContext().setJobGroup("vpr-ingest-" + run.runId(), "VPR ingest of " + config.landing(), false);
    long start = System.nanoTime();
    catalog.ensure(Tables.INGEST_TABLES);
    LOG.info("catalog ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    try {
      IngestSummary summary = ingest(run);
      run.finish(spark, catalog, summary.counts(), null);
      return summary;
    } catch (RuntimeException e) {
      run.finish(spark, catalog, Map.of(), e);
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private IngestSummary ingest(RunLog run) {
    Reference reference = new Reference(
        SpecCatalog.read(storage, config.specs()), SchoolRegistry.read(storage, config.registry()));
    long start = System.nanoTime();
    List<String> changedReference = new ReferenceTables(storage, writes).write(reference, config);
    LOG.info("reference tables checked in {} ms; changed: {}", (System.nanoTime() - start) / 1_000_000, changedReference);
    // A new registry or spec can turn a refused file good: look at those files again.
    boolean recheckRefused = changedReference.contains(Tables.SCHOOLS.name())
        || changedReference.contains(Tables.TASKS.name()) || changedReference.contains(Tables.SCALES.name());

    String root = config.year() == null ? config.landing() : LandingLayout.yearFolder(config.landing(), config.year());
    if (!storage.exists(root)) throw new IllegalArgumentException("landing folder does not exist: " + root);
    Dataset<Row> scan = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(root);
    // Spark's file scan skips zero-byte files; they are listed all the same and must be refused, not lost.
    // inputFiles() spells paths as URIs (file:///x), the scan as Hadoop paths (file:/x): align them.
    List<String> listed = java.util.Arrays.stream(scan.inputFiles())
        .map(p -> new org.apache.hadoop.fs.Path(java.net.URI.create(p)).toString()).toList();
    Dataset<Row> scanned = scan.select(
        col("path"), col("length").as("size"), col("modificationTime").as("modified_at"), col("content"));
    Dataset<Row> emptyFiles = spark.createDataset(listed, Encoders.STRING()).toDF("path")
        .join(scanned.select("path"), scalaSeq("path"), "left_anti")
        .select(col("path"), lit(0L).as("size"), lit(null).cast("timestamp").as("modified_at"),
            lit(new byte[0]).as("content"));
    Dataset<Row> files = scanned.unionByName(emptyFiles);
    long filesSeen = listed.size();

    long filesVersion = catalog.version(Tables.INGEST_FILES);
    long resultsVersion = catalog.version(Tables.RESULTS);
    run.inputVersion(Tables.INGEST_FILES.name(), filesVersion);
    run.inputVersion(Tables.RESULTS.name(), resultsVersion);
    Dataset<Row> known = catalog.readAt(Tables.INGEST_FILES, filesVersion)
        .select(col("path"), col("checksum").as("known_checksum"), col("status").as("known_status"));
    Dataset<Row> changed = files.withColumn("checksum", sha2(col("content"), 256))
        .join(known, "path", "left_outer")
        .where(lit(force).or(col("known_checksum").isNull()).or(col("known_checksum").notEqual(col("checksum")))
            .or(lit(recheckRefused).and(col("known_status").notEqual(lit(FormOutcome.ACCEPTED)))));

    Dataset<Row> outcomes = changed.select(FileParser.inputColumns().stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
        .map(new FileParser(JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(reference)),
            Encoders.row(OutcomeRows.FILE))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // Parse every changed file exactly once, here: the writes below read this cache, never the files.
      long filesRead = outcomes.count();
      LOG.info("{} of {} files are new or changed", filesRead, filesSeen);
      if (filesRead == 0) return summaryOfNothing(run, filesSeen);
      return write(run, outcomes, filesSeen, resultsVersion);
    } finally {
      outcomes.unpersist();
    }
  }

  private IngestSummary write(RunLog run, Dataset<Row> outcomes, long filesSeen, long resultsVersion) {
    String runId = run.runId();
    Dataset<Row> parsedResults = outcomes
        .select(col("path"), col("year"), col("subject"), col("grade"), col("modified_at"), explode(col("results")).as("r"))
        .select(col("path"), col("year"), col("subject"), col("grade"), col("modified_at"), col("r.*"));

    // One school × work must come from one file; when a run meets two, the newest upload wins and
    // the other's rows are refused, not merged.
    WindowSpec newestFirst = Window.partitionBy(WORK.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
        .orderBy(desc("modified_at"), desc("path"));
    Dataset<Row> sources = parsedResults.select("year", "subject", "grade", "login", "path", "modified_at").distinct()
        .withColumn("winner", first("path").over(newestFirst))
        .withColumn("rank", row_number().over(newestFirst));
    Dataset<Row> losers = sources.where(col("rank").gt(1)).select("year", "subject", "grade", "login", "path", "winner");
    Dataset<Row> results = parsedResults.join(losers, List.of("year", "subject", "grade", "login", "path").toArray(String[]::new), "left_anti")
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> duplicateRejects = parsedResults.join(losers, scalaSeq("year", "subject", "grade", "login", "path"))
        .select(col("path"), col("year"), col("subject"), col("grade"), col("login"), col("row_number"), col("code"),
            lit(RejectReason.DUPLICATE_WORK.code()).as("reason"), lit(RejectReason.ERROR).as("severity"),
            format_string(RejectReason.DUPLICATE_WORK.message("%s", "%s"), col("login"), col("winner")).as("message"),
            lit(null).cast("string").as("raw"));

    Dataset<Row> rejects = outcomes
        .select(col("path"), col("year"), col("subject"), col("grade"), explode(col("rejects")).as("j"))
        .select(col("path"), col("year"), col("subject"), col("grade"), col("j.login"), col("j.row_number"),
            col("j.code"), col("j.reason"), col("j.severity"), col("j.message"), col("j.raw"))
        .unionByName(duplicateRejects)
        .withColumn("run_id", lit(runId))
        .persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> fileStats = fileStats(outcomes, results, rejects, runId).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> processedPaths = outcomes.select("path");
      // The works this run rewrites: those it brings, and those a re-read file used to bring
      // (a regional export that no longer lists a school). A file refused whole touches nothing.
      Dataset<Row> keptFiles = fileStats.where(col("rows_accepted").gt(0)).select("path");
      Dataset<Row> scopes = results.select("year", "subject", "grade", "login")
          .unionByName(catalog.readAt(Tables.RESULTS, resultsVersion).join(broadcast(keptFiles.withColumnRenamed("path", "source_path")), "source_path")
              .select("year", "subject", "grade", "login"))
          .distinct()
          .persist(StorageLevel.MEMORY_AND_DISK());
      LOG.info("{} school works to replace", scopes.count());

      Dataset<Row> resultRows = results
          .withColumn("score_pct", when(col("absent"), lit(null))
              .otherwise(round(col("primary_score").multiply(100.0).divide(col("max_score")), 2)))
          .withColumn("source_path", col("path"))
          .withColumn("run_id", lit(runId));
      timed("results", () -> writes.replaceScopes(Tables.RESULTS, WORK, scopes, resultRows));
      timed("task_scores", () -> writes.replaceScopes(Tables.TASK_SCORES, WORK, scopes, taskScores(results, runId)));
      timed("forms_raw", () -> writes.replaceScopes(Tables.FORMS_RAW, List.of("source_path"),
          processedPaths.withColumnRenamed("path", "source_path"), rawRows(outcomes, runId)));
      timed("rejects", () -> writes.replaceScopes(Tables.REJECTS, List.of("path"), processedPaths, rejects));
      // Last: a run that dies before this line leaves the files unrecorded, so the next run redoes them.
      timed("ingest_files", () -> writes.upsert(Tables.INGEST_FILES, fileStats.withColumn("ingested_at", current_timestamp())));
      scopes.unpersist();
      return summarize(run, filesSeen, fileStats, rejects);
    } finally {
      fileStats.unpersist();
      rejects.unpersist();
      results.unpersist();
    }
  }

  private static void timed(String table, Runnable write) {
    long start = System.nanoTime();
    write.run();
    LOG.info("wrote {} in {} ms", table, (System.nanoTime() - start) / 1_000_000);
  }

  private static Dataset<Row> taskScores(Dataset<Row> results, String runId) {
    return results.where(col("absent").equalTo(false))
        .select(col("year"), col("subject"), col("grade"), col("login"), col("class"), col("code"), col("variant"),
            explode(col("scores")).as("s"))
        .select(col("year"), col("subject"), col("grade"), col("login"), col("class"), col("code"), col("variant"),
            col("s.task"), col("s.task_order"), col("s.score"), col("s.score").isNull().as("not_attempted"), col("s.max"),
            lit(runId).as("run_id"));
  }

  private static Dataset<Row> rawRows(Dataset<Row> outcomes, String runId) {
    return outcomes.select(col("path").as("source_path"), col("year"), col("subject"), col("grade"), explode(col("raw")).as("w"))
        .select(col("year"), col("subject"), col("grade"), col("w.login"), col("source_path"), col("w.row_number"),
            col("w.cells"), lit(runId).as("run_id"));
  }

  /** One audit row per file read: counts from what actually reached the tables. */
  private static Dataset<Row> fileStats(Dataset<Row> outcomes, Dataset<Row> results, Dataset<Row> rejects, String runId) {
    Dataset<Row> accepted = results.groupBy("path").agg(count(lit(1)).as("rows_accepted"));
    Dataset<Row> refused = rejects.where(col("row_number").gt(0).and(col("severity").equalTo(RejectReason.ERROR)))
        .groupBy("path").agg(countDistinct("row_number").as("rows_refused"));
    Dataset<Row> warned = rejects.where(col("severity").equalTo(RejectReason.WARNING))
        .groupBy("path").agg(countDistinct("row_number").as("warnings"));
    // The reason shown for a file: its whole-file reason, else its most frequent row reason.
    WindowSpec byFrequency = Window.partitionBy("path").orderBy(desc("file_level"), desc("n"), col("reason"));
    Dataset<Row> topReason = rejects.where(col("severity").equalTo(RejectReason.ERROR))
        .groupBy("path", "reason").agg(count(lit(1)).as("n"), max(col("row_number").equalTo(0)).as("file_level"),
            first("message").as("first_message"))
        .withColumn("rank", row_number().over(byFrequency)).where(col("rank").equalTo(1))
        .select(col("path"), col("reason").as("top_reason"), col("file_level"), col("first_message"));
    return outcomes.select(col("path"), col("year"), col("subject"), col("grade"), col("kind"), col("size"),
            col("modified_at"), col("checksum"), col("status").as("parsed_status"), size(col("raw")).cast("long").as("rows_read"))
        .join(accepted, scalaSeq("path"), "left_outer")
        .join(refused, scalaSeq("path"), "left_outer")
        .join(warned, scalaSeq("path"), "left_outer")
        .join(topReason, scalaSeq("path"), "left_outer")
        .na().fill(0L, new String[] {"rows_accepted", "rows_refused", "warnings"})
        .withColumn("status",
            when(col("parsed_status").equalTo(FormOutcome.REFUSED).or(col("rows_accepted").equalTo(0).and(col("rows_refused").gt(0))),
                lit(FormOutcome.REFUSED))
                .when(col("rows_refused").gt(0), lit(FormOutcome.PARTIAL))
                .otherwise(lit(FormOutcome.ACCEPTED)))
        .withColumn("reason", when(col("status").equalTo(FormOutcome.ACCEPTED), lit(null)).otherwise(col("top_reason")))
        .withColumn("message", when(col("file_level"), col("first_message")).otherwise(lit(null).cast("string")))
        .withColumn("run_id", lit(runId));
  }

  private IngestSummary summarize(RunLog run, long filesSeen, Dataset<Row> fileStats, Dataset<Row> rejects) {
    Row totals = fileStats.agg(
        count(lit(1)), count(when(col("status").equalTo(FormOutcome.ACCEPTED), 1)),
        count(when(col("status").equalTo(FormOutcome.PARTIAL), 1)), count(when(col("status").equalTo(FormOutcome.REFUSED), 1)),
        org.apache.spark.sql.functions.sum("rows_accepted"), org.apache.spark.sql.functions.sum("rows_refused"),
        org.apache.spark.sql.functions.sum("warnings")).head();
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (Row r : rejects.where(col("row_number").gt(0).and(col("severity").equalTo(RejectReason.ERROR)))
        .groupBy("reason").agg(countDistinct("path", "row_number")).collectAsList()) {
      byReason.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> filesByReason = new LinkedHashMap<>();
    for (Row r : fileStats.where(col("status").equalTo(FormOutcome.REFUSED)).groupBy("reason").count().collectAsList()) {
      filesByReason.put(r.getString(0), r.getLong(1));
    }
    long read = totals.getLong(0);
    return new IngestSummary(run.runId(), filesSeen, filesSeen - read, totals.getLong(1), totals.getLong(2),
        totals.getLong(3), longOrZero(totals, 4), longOrZero(totals, 5), longOrZero(totals, 6), byReason, filesByReason);
  }

  private static IngestSummary summaryOfNothing(RunLog run, long filesSeen) {
    return new IngestSummary(run.runId(), filesSeen, filesSeen, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());
  }

  private static long longOrZero(Row row, int i) {
    return row.isNullAt(i) ? 0L : row.getLong(i);
  }

  private static scala.collection.immutable.Seq<String> scalaSeq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }
}
