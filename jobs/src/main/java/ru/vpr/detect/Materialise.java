package ru.vpr.detect;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.LineageCut;

/**
 * Cuts the lineage of class-level results. Calibration joins a class table with aggregates of the same
 * table many times; without a cut, each step would carry (and re-analyse) the whole plan above it,
 * and the plans grow exponentially. Class-level tables are small (one row per class × work), so a
 * checkpoint ({@link LineageCut}) is cheap.
 */
final class Materialise {
  private Materialise() {}

  static Dataset<Row> classLevel(Dataset<Row> rows) {
    return LineageCut.of(rows);
  }
}
