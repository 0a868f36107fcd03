package ru.vpr.audit;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/**
 * One job run as recorded in {@code runs}. Its row is written when the run starts ({@code running})
 * and replaced when it ends, so a run that was killed stays visible as {@code running}. Delta has no
 * multi-table transactions: the next run of the same job finds it, marks it {@code interrupted} and
 * says so in its own parameters ({@code redoes}), and redoes its scope: every job replaces what it
 * writes, so running again over at least the same years leaves the tables as an uninterrupted run
 * would ({@link #year} widens the next run's years when the killed one had others).
 *
 * <p>A second run of the same job while one is still going would take it for a killed one: the
 * jobs are not meant to run concurrently on one catalog (the embedded metastore refuses it).
 */
public final class RunLog {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunLog.class);
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String RUNNING = "running";
  public static final String INTERRUPTED = "interrupted";

  private final String runId = UUID.randomUUID().toString();
  private final Instant startedAt = Instant.now();
  private final String job;
  private final Map<String, String> parameters;
  private final Map<String, Long> inputVersions = new LinkedHashMap<>();
  /** The years of the runs of this job found unfinished at the start; "null" for all years. */
  private final List<String> unfinishedYears = new ArrayList<>();
  /** The ids of those runs. */
  private final List<String> unfinishedRuns = new ArrayList<>();

  public RunLog(String job, Map<String, String> parameters) {
    this.job = job;
    this.parameters = new LinkedHashMap<>(parameters);
  }

  public String runId() {
    return runId;
  }

  public String job() {
    return job;
  }

  /** The killed runs of this job that this run redoes (known once it started): their debris is its to remove. */
  public List<String> redoes() {
    return List.copyOf(unfinishedRuns);
  }

  public void inputVersion(String table, long version) {
    inputVersions.put(table, version);
  }

  /**
   * The year this run covers: the one asked for, unless a killed run of the job covered another (or
   * every year): then every year (null), so nothing the killed run left half-written stays so.
   */
  public Integer year(Integer requested) {
    if (requested == null) return null;
    for (String y : unfinishedYears) if (!String.valueOf(requested).equals(y)) return null;
    return requested;
  }

  /**
   * Runs a job's body as this run: its row written first, its Spark jobs grouped under the run id (so
   * the Spark UI shows which run they belong to), and the row replaced by the outcome whether the body
   * succeeds or fails.
   */
  public <T> T execute(SparkSession spark, TableCatalog catalog, String description, Supplier<T> body,
      Function<T, Map<String, Long>> counts) {
    start(spark, catalog);
    spark.sparkContext().setJobGroup("vpr-" + job + "-" + runId, description, false);
    try {
      T result = body.get();
      finish(spark, catalog, counts.apply(result), null);
      return result;
    } catch (RuntimeException e) {
      finish(spark, catalog, Map.of(), e);
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Marks the job's unfinished runs interrupted and writes this one's row as running, in one commit. */
  void start(SparkSession spark, TableCatalog catalog) {
    catalog.ensure(List.of(Tables.RUNS));
    StructType schema = Tables.RUNS.schema();
    // The unfinished runs of one job: a handful of rows at most.
    List<Row> unfinished = catalog.read(Tables.RUNS)
        .where(col("job").equalTo(job).and(col("outcome").equalTo(RUNNING)))
        .select(Columns.cols(schema.fieldNames())).collectAsList();
    List<Row> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Row u : unfinished) {
      String id = u.getString(schema.fieldIndex("run_id"));
      Map<String, String> theirs = u.getJavaMap(schema.fieldIndex("parameters"));
      String years = theirs == null ? "null" : String.valueOf(theirs.get("year"));
      LOG.warn("run {} of {} started at {} did not finish (killed?); this run redoes its scope (year {})", id, job,
          u.get(schema.fieldIndex("started_at")), years);
      unfinishedYears.add(years);
      ids.add(id);
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) values[i] = u.get(i);
      values[schema.fieldIndex("outcome")] = INTERRUPTED;
      values[schema.fieldIndex("error")] = "did not finish; redone by run " + runId;
      rows.add(RowFactory.create(values));
    }
    unfinishedRuns.addAll(ids);
    if (!ids.isEmpty()) parameters.put("redoes", String.join(",", ids));
    rows.add(row(null, RUNNING, Map.of(), null));
    Dataset<Row> written = spark.createDataFrame(rows, schema);
    DeltaWrites writes = new DeltaWrites(catalog);
    if (ids.isEmpty()) {
      writes.append(Tables.RUNS, written);
    } else {
      ids.add(runId);
      writes.replaceWhere(Tables.RUNS, col("run_id").isin(ids.toArray()), written);
    }
  }

  /** Replaces the run's row by its outcome; {@code error} is null for a run that succeeded. */
  public void finish(SparkSession spark, TableCatalog catalog, Map<String, Long> counts, Throwable error) {
    Row row = row(Instant.now(), error == null ? SUCCEEDED : FAILED, counts,
        error == null ? null : String.valueOf(error.getMessage()));
    catalog.ensure(List.of(Tables.RUNS));
    new DeltaWrites(catalog).replaceWhere(Tables.RUNS, col("run_id").equalTo(runId),
        spark.createDataFrame(List.of(row), Tables.RUNS.schema()));
  }

  private Row row(Instant finishedAt, String outcome, Map<String, Long> counts, String error) {
    return RowFactory.create(runId, job, Timestamp.from(startedAt), finishedAt == null ? null : Timestamp.from(finishedAt),
        finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis(), outcome,
        Columns.map(parameters), Columns.map(inputVersions), Columns.map(counts), error, CodeVersion.current());
  }
}
