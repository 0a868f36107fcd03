package ru.vpr.table;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * A table's name, schema and partitioning: declared once in {@link Tables}, used by every job that
 * writes or reads it.
 *
 * @param key the columns that identify a row (used by replace-style writes and documented for analysts)
 */
public record TableDef(String name, StructType schema, List<String> partitionBy, List<String> key, String comment) {

  public TableDef {
    partitionBy = List.copyOf(partitionBy);
    key = List.copyOf(key);
    for (String column : partitionBy) requireColumn(schema, column, name);
    for (String column : key) requireColumn(schema, column, name);
  }

  public String[] columns() {
    return schema.fieldNames();
  }

  /** The schema less some columns (rows built before a job adds its run_id). */
  public StructType schemaWithout(String... dropped) {
    List<String> gone = List.of(dropped);
    StructType out = new StructType();
    for (var f : schema.fields()) if (!gone.contains(f.name())) out = out.add(f);
    return out;
  }

  private static void requireColumn(StructType schema, String column, String table) {
    if (!List.of(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("table " + table + " has no column " + column);
    }
  }
}
