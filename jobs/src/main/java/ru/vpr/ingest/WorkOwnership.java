package ru.vpr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import ru.vpr.spark.Columns;

/**
 * One school × work comes from one file. When a run meets the same work in two files (a school
 * form and a regional export, say), the most recently modified file wins and the other's rows for
 * that work are refused with {@code duplicate_work}, never merged.
 */
final class WorkOwnership {
  static final List<String> WORK = List.of("year", "subject", "grade", "login");

  private WorkOwnership() {}

  /** The rows kept, and a reject for every row of a losing file. */
  record Resolved(Dataset<Row> kept, Dataset<Row> duplicateRejects) {}

  /** {@code results}: parsed result rows with path, modified_at and the work columns. */
  static Resolved resolve(Dataset<Row> results) {
    List<String> workAndFile = new ArrayList<>(WORK);
    workAndFile.add("path");
    WindowSpec newestFirst = Window.partitionBy(Columns.cols(WORK)).orderBy(desc("modified_at"), desc("path"));
    List<String> sourceColumns = new ArrayList<>(workAndFile);
    sourceColumns.add("modified_at");
    Dataset<Row> losers = results.select(Columns.cols(sourceColumns)).distinct()
        .withColumn("winner", first("path").over(newestFirst))
        .withColumn("rank", row_number().over(newestFirst))
        .where(col("rank").gt(1))
        .drop("rank", "modified_at");
    Dataset<Row> kept = results.join(losers, Columns.seq(workAndFile), "left_anti");
    Dataset<Row> rejects = results.join(losers, Columns.seq(workAndFile))
        .select(col("path"), col("year"), col("subject"), col("grade"), col("login"), col("row_number"), col("code"),
            lit(RejectReason.DUPLICATE_WORK.code()).as("reason"), lit(RejectReason.ERROR).as("severity"),
            format_string(RejectReason.DUPLICATE_WORK.message("%s", "%s"), col("login"), col("winner")).as("message"),
            lit(null).cast("string").as("raw"));
    return new Resolved(kept, rejects);
  }
}
