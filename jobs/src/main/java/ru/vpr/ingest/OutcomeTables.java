package ru.vpr.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/** The table rows hidden in the parsed files' nested outcome rows: each an explode of them. */
final class OutcomeTables {
  private OutcomeTables() {}

  /**
   * One row per accepted participant, with the file it came from. A file refused in one of its chunks
   * (a fault half-way through the second reading) brings no rows at all: it is refused whole.
   */
  static Dataset<Row> parsedResults(Dataset<Row> outcomes) {
    Dataset<Row> refused = outcomes.where(col("status").equalTo(FormOutcome.REFUSED)).select("path").distinct();
    return outcomes.join(broadcast(refused), Columns.seq("path"), "left_anti")
        .select(col("path"), col("year"), col("subject"), col("grade"), col("modified_at"), explode(col("results")).as("r"))
        .select(col("path"), col("year"), col("subject"), col("grade"), col("modified_at"), col("r.*"));
  }

  /** The {@code results} table's rows. */
  static Dataset<Row> resultRows(Dataset<Row> results, String runId) {
    return results
        .withColumn("score_pct", when(col("absent"), lit(null))
            .otherwise(round(col("primary_score").multiply(100.0).divide(col("max_score")), 2)))
        .withColumn("source_path", col("path"))
        .withColumn("run_id", lit(runId));
  }

  /** The {@code task_scores} rows: one per task of every written work; X stays null and flagged. */
  static Dataset<Row> taskScores(Dataset<Row> results, String runId) {
    return results.where(col("absent").equalTo(false))
        .select(col("year"), col("subject"), col("grade"), col("login"), col("class"), col("code"), col("variant"),
            explode(col("scores")).as("s"))
        .select(col("year"), col("subject"), col("grade"), col("login"), col("class"), col("code"), col("variant"),
            col("s.task"), col("s.task_order"), col("s.score"), col("s.score").isNull().as("not_attempted"), col("s.max"),
            lit(runId).as("run_id"));
  }

  /** The {@code rejects} rows the files themselves produced. */
  static Dataset<Row> rejects(Dataset<Row> outcomes) {
    return outcomes
        .select(col("path"), col("year"), col("subject"), col("grade"), explode(col("rejects")).as("j"))
        .select(col("path"), col("year"), col("subject"), col("grade"), col("j.login"), col("j.row_number"),
            col("j.code"), col("j.reason"), col("j.severity"), col("j.message"), col("j.raw"));
  }

  /** Each file read, once: the first of its chunks. */
  static Dataset<Row> files(Dataset<Row> outcomes) {
    return outcomes.where(col("chunk").equalTo(0));
  }

  /** The {@code forms_raw} rows: every data row of a readable file, as read. */
  static Dataset<Row> rawRows(Dataset<Row> outcomes, String runId) {
    return outcomes.select(col("path").as("source_path"), col("year"), col("subject"), col("grade"), explode(col("raw")).as("w"))
        .select(col("year"), col("subject"), col("grade"), col("w.login"), col("source_path"), col("w.row_number"),
            col("w.cells"), lit(runId).as("run_id"));
  }
}
