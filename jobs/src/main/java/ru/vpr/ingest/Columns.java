package ru.vpr.ingest;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Small helpers for the Java side of the Dataset API, which wants Scala sequences and arrays. */
final class Columns {
  private Columns() {}

  static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  static scala.collection.immutable.Seq<String> seq(List<String> names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(names).toList();
  }

  static Column[] cols(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }
}
