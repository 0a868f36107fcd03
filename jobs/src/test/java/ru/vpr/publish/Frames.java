package ru.vpr.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Small hand-written data frames for the publish tests: a DDL schema and rows of values. */
final class Frames {
  private final StructType schema;
  private final List<Row> rows = new ArrayList<>();

  private Frames(String ddl) {
    this.schema = StructType.fromDDL(ddl);
  }

  static Frames of(String ddl) {
    return new Frames(ddl);
  }

  Frames row(Object... values) {
    if (values.length != schema.size()) throw new IllegalArgumentException("expected " + schema.size() + " values");
    rows.add(RowFactory.create(values));
    return this;
  }

  Dataset<Row> frame(SparkSession spark) {
    return spark.createDataFrame(rows, schema);
  }
}
