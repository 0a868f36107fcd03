package ru.vpr.bench.duckdb;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for the SQL this package writes: identifiers come from form headers, paths from the user. */
final class Sql {
  private Sql() {}

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String identifiers(List<String> names) {
    return names.stream().map(Sql::identifier).collect(Collectors.joining(", "));
  }

  /** {@code coalesce} of the trimmed non-empty cells of the columns (several spellings of one column). */
  static String firstCell(List<String> columns) {
    String cells = columns.stream().map(c -> "nullif(trim(" + identifier(c) + "), '')").collect(Collectors.joining(", "));
    return columns.size() == 1 ? cells : "coalesce(" + cells + ")";
  }
}
