package ru.vpr.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/** One job run as recorded in {@code runs}: started when created, written once when it ends. */
public final class RunLog {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  private final String runId = UUID.randomUUID().toString();
  private final Instant startedAt = Instant.now();
  private final String job;
  private final Map<String, String> parameters;
  private final Map<String, Long> inputVersions = new LinkedHashMap<>();

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

  public void inputVersion(String table, long version) {
    inputVersions.put(table, version);
  }

  /**
   * Runs a job's body as this run: its Spark jobs grouped under the run id (so the Spark UI shows
   * which run they belong to), and the run recorded in {@code runs} whether the body succeeds or fails.
   */
  public <T> T execute(SparkSession spark, TableCatalog catalog, String description, Supplier<T> body,
      Function<T, Map<String, Long>> counts) {
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

  /** Appends the run's row; {@code error} is null for a run that succeeded. */
  public void finish(SparkSession spark, TableCatalog catalog, Map<String, Long> counts, Throwable error) {
    Instant finishedAt = Instant.now();
    Row row = RowFactory.create(runId, job, Timestamp.from(startedAt), Timestamp.from(finishedAt),
        Duration.between(startedAt, finishedAt).toMillis(), error == null ? SUCCEEDED : FAILED,
        Columns.map(parameters), Columns.map(inputVersions), Columns.map(counts),
        error == null ? null : String.valueOf(error.getMessage()), CodeVersion.current());
    catalog.ensure(List.of(Tables.RUNS));
    new DeltaWrites(catalog).append(Tables.RUNS, spark.createDataFrame(List.of(row), Tables.RUNS.schema()));
  }
}
