package ru.vpr.spark;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Java side of the Dataset API wants Scala sequences, maps and column arrays: one place turns
 * Java names and collections into them, so no job keeps its own copy of the conversions.
 */
public final class Columns {
  private Columns() {}

  /** Columns by name, quoted so that names such as {@code class} or {@code max} stay names. */
  public static List<Column> list(List<String> names) {
    return names.stream().map(n -> col("`" + n + "`")).toList();
  }

  public static Column[] cols(List<String> names) {
    return list(names).toArray(Column[]::new);
  }

  public static Column[] cols(String... names) {
    return cols(List.of(names));
  }

  /** Names for a {@code join(..., usingColumns, ...)}. */
  public static scala.collection.immutable.Seq<String> seq(String... names) {
    return seq(List.of(names));
  }

  public static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
    return CollectionConverters.asScala(values).toList();
  }

  /** A map value for a {@code MapType} column of a {@code Row}. */
  public static <K, V> scala.collection.Map<K, V> map(Map<K, V> map) {
    return scala.collection.immutable.Map.from(CollectionConverters.asScala(map));
  }
}
