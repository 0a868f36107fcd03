package ru.vpr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import ru.vpr.spark.Columns;

/**
 * The {@code ingest_files} row of every file a run read, counted from what actually reached the
 * tables, and the run's summary. A file is {@code refused} when none of its rows got in,
 * {@code partial} when some were refused, {@code accepted} otherwise (warnings allowed).
 */
final class FileAudit {
  private FileAudit() {}

  static Dataset<Row> fileRows(Dataset<Row> outcomes, Dataset<Row> results, Dataset<Row> rejects, String runId) {
    Column error = col("severity").equalTo(RejectReason.ERROR);
    Dataset<Row> accepted = results.groupBy("path").agg(count(lit(1)).as("rows_accepted"));
    Dataset<Row> refused = rejects.where(col("row_number").gt(0).and(error))
        .groupBy("path").agg(countDistinct("row_number").as("rows_refused"));
    Dataset<Row> warned = rejects.where(col("severity").equalTo(RejectReason.WARNING))
        .groupBy("path").agg(countDistinct("row_number").as("warnings"));
    // The reason shown for a file: its whole-file reason, else its most frequent row reason.
    WindowSpec byFrequency = Window.partitionBy("path").orderBy(desc("file_level"), desc("n"), col("reason"));
    Dataset<Row> topReason = rejects.where(error)
        .groupBy("path", "reason").agg(count(lit(1)).as("n"), max(col("row_number").equalTo(0)).as("file_level"),
            first("message").as("first_message"))
        .withColumn("rank", row_number().over(byFrequency)).where(col("rank").equalTo(1))
        .select(col("path"), col("reason").as("top_reason"), col("file_level"), col("first_message"));
    Column refusedWhole = col("parsed_status").equalTo(FormOutcome.REFUSED)
        .or(col("rows_accepted").equalTo(0).and(col("rows_refused").gt(0)));
    return perFile(outcomes)
        .join(accepted, Columns.seq("path"), "left_outer")
        .join(refused, Columns.seq("path"), "left_outer")
        .join(warned, Columns.seq("path"), "left_outer")
        .join(topReason, Columns.seq("path"), "left_outer")
        .na().fill(0L, new String[] {"rows_accepted", "rows_refused", "warnings"})
        .withColumn("status", when(refusedWhole, lit(FormOutcome.REFUSED))
            .when(col("rows_refused").gt(0), lit(FormOutcome.PARTIAL))
            .otherwise(lit(FormOutcome.ACCEPTED)))
        .withColumn("reason", when(col("status").equalTo(FormOutcome.ACCEPTED), lit(null)).otherwise(col("top_reason")))
        .withColumn("message", when(col("file_level"), col("first_message")).otherwise(lit(null).cast("string")))
        .withColumn("run_id", lit(runId));
  }

  /**
   * One row per file from its chunks: what chunk 0 says of the file, the rows read in all of them, and
   * whether any refused the file (a refusal after earlier chunks voids them too, see OutcomeTables).
   */
  static Dataset<Row> perFile(Dataset<Row> outcomes) {
    Dataset<Row> chunks = outcomes.groupBy("path").agg(
        sum(size(col("raw"))).cast("long").as("rows_read"),
        max(col("status").equalTo(FormOutcome.REFUSED)).as("any_refused"));
    return OutcomeTables.files(outcomes)
        .select(col("path"), col("year"), col("subject"), col("grade"), col("kind"), col("size"), col("modified_at"),
            col("checksum"))
        .join(chunks, Columns.seq("path"))
        .withColumn("parsed_status", when(col("any_refused"), lit(FormOutcome.REFUSED)).otherwise(lit(FormOutcome.ACCEPTED)))
        .drop("any_refused");
  }

  static IngestSummary summarize(String runId, long filesSeen, Dataset<Row> fileRows, Dataset<Row> rejects) {
    Row totals = fileRows.agg(
        count(lit(1)), count(when(col("status").equalTo(FormOutcome.ACCEPTED), 1)),
        count(when(col("status").equalTo(FormOutcome.PARTIAL), 1)), count(when(col("status").equalTo(FormOutcome.REFUSED), 1)),
        sum("rows_accepted"), sum("rows_refused"), sum("warnings")).head();
    // Refused rows and warnings by reason in one pass over the rejects (file-level refusals have row 0).
    Map<String, Long> byReason = new LinkedHashMap<>();
    Map<String, Long> warningsByReason = new LinkedHashMap<>();
    Column isWarning = col("severity").equalTo(RejectReason.WARNING);
    for (Row r : rejects.where(col("row_number").gt(0).or(isWarning))
        .groupBy(isWarning.as("warning"), col("reason")).agg(countDistinct("path", "row_number")).collectAsList()) {
      (r.getBoolean(0) ? warningsByReason : byReason).put(r.getString(1), r.getLong(2));
    }
    java.util.List<String> named = new java.util.ArrayList<>();
    for (Row r : fileRows.where(col("status").equalTo(FormOutcome.REFUSED)).select("reason", "path")
        .orderBy("reason", "path").limit(IngestSummary.NAMED).collectAsList()) {
      named.add(r.getString(0) + ": " + r.getString(1));
    }
    Map<String, Long> filesByReason = new LinkedHashMap<>();
    for (Row r : fileRows.where(col("status").equalTo(FormOutcome.REFUSED)).groupBy("reason").count().collectAsList()) {
      filesByReason.put(r.getString(0), r.getLong(1));
    }
    return new IngestSummary(runId, filesSeen, filesSeen - totals.getLong(0), totals.getLong(1), totals.getLong(2),
        totals.getLong(3), longOrZero(totals, 4), longOrZero(totals, 5), longOrZero(totals, 6), byReason, filesByReason,
        warningsByReason, named);
  }

  static IngestSummary nothingRead(String runId, long filesSeen) {
    return new IngestSummary(runId, filesSeen, filesSeen, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), java.util.List.of());
  }

  private static long longOrZero(Row row, int i) {
    return row.isNullAt(i) ? 0L : row.getLong(i);
  }
}
