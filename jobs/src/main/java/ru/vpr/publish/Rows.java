package ru.vpr.publish;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/** Typed reads of nullable fields of collected rows, by column name. */
final class Rows {
  private Rows() {}

  static String text(Row row, String column) {
    Object v = row.getAs(column);
    return v == null ? null : v.toString();
  }

  static int integer(Row row, String column) {
    Object v = row.getAs(column);
    return v == null ? 0 : ((Number) v).intValue();
  }

  static long whole(Row row, String column) {
    Object v = row.getAs(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  static double decimal(Row row, String column) {
    Object v = row.getAs(column);
    return v == null ? 0.0 : ((Number) v).doubleValue();
  }

  static Double nullableDecimal(Row row, String column) {
    Object v = row.getAs(column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  static boolean flag(Row row, String column) {
    Object v = row.getAs(column);
    return v != null && (Boolean) v;
  }

  /** A {@code |}-joined list of codes; empty for null or blank. */
  static List<String> codes(Row row, String column) {
    String v = text(row, column);
    return v == null || v.isBlank() ? List.of() : Arrays.asList(v.split("\\|"));
  }
}
