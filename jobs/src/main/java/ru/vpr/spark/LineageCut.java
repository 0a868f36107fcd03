package ru.vpr.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Computes a dataset once and gives it back without its lineage. Jobs use it where a cache would be
 * recomputed: Spark drops every cached plan that reads a table when that table is written, and a
 * plan that is re-analysed step after step grows with each step.
 *
 * <p>Where the session has a checkpoint folder ({@code spark.checkpoint.dir}, set on clusters) the
 * data goes there and survives the loss of an executor; otherwise it is a local checkpoint in the
 * executors' block stores (memory, then disk), which a lost executor takes with it: the job then
 * fails and is run again, which every job allows.
 */
public final class LineageCut {
  private LineageCut() {}

  public static Dataset<Row> of(Dataset<Row> rows) {
    boolean reliable = rows.sparkSession().sparkContext().getCheckpointDir().isDefined();
    return reliable ? rows.checkpoint(true) : rows.localCheckpoint(true);
  }

  /**
   * Frees a cut's blocks now rather than when the garbage collector finds the dataset unreferenced:
   * for large cuts in a long session (the pipeline, the evaluation of several regions).
   */
  public static void release(Dataset<Row> cut) {
    if (cut.queryExecution().analyzed() instanceof LogicalRDD checkpointed) checkpointed.rdd().unpersist(false);
  }
}
