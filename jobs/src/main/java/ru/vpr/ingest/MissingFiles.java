package ru.vpr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;
import ru.vpr.spark.LineageCut;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.Tables;

/**
 * Files ingested before that are no longer in the landing. Their rows stay in the tables (a file moved
 * away by mistake must not take a school's results with it), but the file is recorded as
 * {@link #MISSING} and the summary says so; {@code --retire-missing} removes what they brought, in one
 * commit per table, and records them as {@link #RETIRED}. A missing file that comes back is read again.
 */
final class MissingFiles {
  static final String MISSING = "missing";
  static final String RETIRED = "retired";
  private static final String MESSAGE = "Файл был загружен раньше, а теперь его нет в папке приёма; его строки остаются"
      + " в таблицах, пока их не снимут (bin/vpr ingest --retire-missing).";

  private MissingFiles() {}

  /**
   * The {@code ingest_files} rows of the files below {@code landing} (and of {@code year}, when one is run)
   * that the listing lacks: those not yet recorded as missing, or, when retiring, every one not yet retired.
   */
  static Dataset<Row> find(Dataset<Row> knownFiles, Dataset<Row> listedPaths, String landing, Integer year, boolean retire) {
    String prefix = landing.endsWith("/") ? landing : landing + "/";
    Dataset<Row> candidates = knownFiles.where(col("path").startsWith(prefix)
        .and(retire ? col("status").notEqual(RETIRED) : col("status").isin(MISSING, RETIRED).unary_$bang()));
    if (year != null) candidates = candidates.where(col("year").equalTo(year));
    return candidates.join(listedPaths.select("path"), Columns.seq("path"), "left_anti");
  }

  /** Their rows as missing, and, when asked, what they brought removed first. */
  static void record(Dataset<Row> missing, boolean retire, String runId, TableCatalog catalog, DeltaWrites writes) {
    if (retire) {
      Dataset<Row> paths = missing.select("path");
      // The school works these files still own: results and task scores are kept per school × work. Cut
      // from its lineage first: it reads results, which the first delete changes.
      Dataset<Row> scopes = LineageCut.of(catalog.read(Tables.RESULTS)
          .join(paths.withColumnRenamed("path", "source_path"), "source_path")
          .select(Columns.cols(WorkOwnership.WORK)).distinct());
      List<String> work = WorkOwnership.WORK;
      try {
        writes.replaceScopes(Tables.RESULTS, work, scopes, catalog.read(Tables.RESULTS).limit(0));
        writes.replaceScopes(Tables.TASK_SCORES, work, scopes, catalog.read(Tables.TASK_SCORES).limit(0));
      } finally {
        LineageCut.release(scopes);
      }
      writes.replaceScopes(Tables.FORMS_RAW, List.of("year", "source_path"),
          missing.select(col("year"), col("path").as("source_path")), catalog.read(Tables.FORMS_RAW).limit(0));
      writes.replaceScopes(Tables.REJECTS, List.of("path"), paths, catalog.read(Tables.REJECTS).limit(0));
    }
    writes.upsert(Tables.INGEST_FILES, missing
        .withColumn("status", lit(retire ? RETIRED : MISSING))
        .withColumn("reason", lit(MISSING))
        .withColumn("message", lit(MESSAGE))
        .withColumn("run_id", lit(runId))
        .withColumn("ingested_at", current_timestamp()));
  }
}
