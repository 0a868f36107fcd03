package ru.vpr.table;

import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import ru.vpr.fault.CrashPoint;
import ru.vpr.spark.Columns;

/**
 * The idempotent ways jobs write tables. Each is one Delta commit, so a reader never sees half a
 * replacement, and running a job twice on the same input leaves the same table.
 */
public final class DeltaWrites {
  private static final String OP = "_vpr_op";

  private final TableCatalog catalog;

  public DeltaWrites(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Replaces every row whose {@code scope} columns match one of {@code scopes} by {@code rows}, in a
   * single MERGE: the scopes travel in the source as delete markers, the new rows as inserts. This
   * is "replace exactly this school × work" without a DELETE and an INSERT in two commits.
   */
  public void replaceScopes(TableDef table, List<String> scope, Dataset<Row> scopes, Dataset<Row> rows) {
    String partitions = partitionFilter(table, scope, scopes);
    // Nothing in the scopes' partitions (a first ingest, a new year): nothing to delete, so a plain
    // append is the same commit's content without the MERGE's passes (materialise the source, find
    // the touched files, rewrite), which dominate a first ingest.
    if (nothingIn(table, partitions)) {
      appendRows(table, rows);
      CrashPoint.committed(table.name());
      return;
    }
    Column[] scopeColumns = Columns.cols(scope);
    Dataset<Row> inserts = rows.select(columns(table)).withColumn(OP, lit("insert"));
    Dataset<Row> deletes = scopes.select(scopeColumns).distinct().withColumn(OP, lit("delete"));
    Dataset<Row> source = inserts.unionByName(deletes, true);
    String condition = partitions
        + scope.stream().map(c -> " AND t.`" + c + "` = s.`" + c + "`").collect(Collectors.joining())
        + " AND s." + OP + " = 'delete'";
    catalog.delta(table).as("t")
        .merge(source.as("s"), condition)
        .whenMatched().delete()
        .whenNotMatched("s." + OP + " = 'insert'").insertExpr(sourceColumns(table))
        .execute();
    CrashPoint.committed(table.name());
  }

  /**
   * Replaces every row with {@code column} in {@code values} by {@code rows}, in one overwrite
   * commit (Delta's replaceWhere). Cheaper than {@link #replaceScopes} when the scope is a partition
   * column: old files are dropped from the log without being read, and nothing is joined.
   */
  public void replaceWhereIn(TableDef table, String column, List<?> values, Dataset<Row> rows) {
    if (!table.partitionBy().contains(column)) {
      throw new IllegalArgumentException(table.name() + " is not partitioned by " + column);
    }
    replaceWhere(table, new Column(column).isin(values.toArray()), rows);
  }

  /**
   * Replaces the rows matching {@code condition} by {@code rows} in one overwrite commit. The
   * condition may name data columns (Delta's replaceWhere on data columns); every row written must
   * match it, which Delta checks.
   */
  public void replaceWhere(TableDef table, Column condition, Dataset<Row> rows) {
    try {
      rows.select(columns(table)).writeTo(catalog.name(table)).overwrite(condition);
      CrashPoint.committed(table.name());
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException("table " + catalog.name(table) + " does not exist: ensure it first", e);
    }
  }

  /** Inserts the rows whose keys are not in the table yet; existing keys are left as they are. */
  public void insertNew(TableDef table, Dataset<Row> rows) {
    String condition = keyMatch(table);
    catalog.delta(table).as("t")
        .merge(rows.select(columns(table)).as("s"), condition)
        .whenNotMatched().insertExpr(sourceColumns(table))
        .execute();
    CrashPoint.committed(table.name());
  }

  /**
   * Whether the table has no row where {@code partitions} (a predicate on the alias {@code t}) holds.
   * The predicate names partition columns only, so Delta answers from its log without reading files
   * when the partitions are empty, and reads at most one row otherwise.
   */
  private boolean nothingIn(TableDef table, String partitions) {
    return catalog.read(table).as("t").where(partitions).isEmpty();
  }

  /**
   * Literal bounds on the partition columns the scopes name ({@code t.year IN (2025) AND ...}).
   * Delta prunes a MERGE's target only by literal predicates, not by the source's values; without
   * them a one-file change would scan every partition of the table. The distinct partition values
   * of the scopes are a handful (years × subjects), so they are collected to the driver.
   */
  private static String partitionFilter(TableDef table, List<String> scope, Dataset<Row> scopes) {
    List<String> prunable = table.partitionBy().stream().filter(scope::contains).toList();
    if (prunable.isEmpty()) return "true";
    List<Row> values = scopes.select(Columns.cols(prunable))
        .distinct().collectAsList();
    if (values.isEmpty()) return "false";
    StringBuilder filter = new StringBuilder("true");
    for (int i = 0; i < prunable.size(); i++) {
      final int column = i;
      String literals = values.stream().map(r -> literal(r.get(column))).distinct().sorted()
          .collect(Collectors.joining(", "));
      filter.append(" AND t.`").append(prunable.get(i)).append("` IN (").append(literals).append(")");
    }
    return filter.toString();
  }

  private static String literal(Object value) {
    if (value == null) return "NULL";
    if (value instanceof Number) return value.toString();
    return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Inserts new keys and updates existing ones. */
  public void upsert(TableDef table, Dataset<Row> rows) {
    if (nothingIn(table, "true")) {  // an empty table: every key is new
      append(table, rows);
      return;
    }
    String condition = keyMatch(table);
    catalog.delta(table).as("t")
        .merge(rows.select(columns(table)).as("s"), condition)
        .whenMatched().updateExpr(sourceColumns(table))
        .whenNotMatched().insertExpr(sourceColumns(table))
        .execute();
    CrashPoint.committed(table.name());
  }

  /**
   * Overwrites a small reference table only when its content differs, so that re-running a job on
   * unchanged reference data leaves the Delta version where it was. Both sides are a few thousand
   * rows at most, so they are compared on the driver without a Spark job per side.
   */
  public boolean overwriteIfChanged(TableDef table, List<Row> rows) {
    List<Row> current = catalog.read(table).select(columns(table)).collectAsList();
    if (counts(current).equals(counts(rows))) return false;
    catalog.spark().createDataFrame(rows, table.schema())
        .write().format("delta").mode(SaveMode.Overwrite).insertInto(catalog.name(table));
    CrashPoint.committed(table.name());
    return true;
  }

  private static Map<List<Object>, Integer> counts(List<Row> rows) {
    Map<List<Object>, Integer> counts = new java.util.HashMap<>();
    for (Row row : rows) {
      List<Object> values = new java.util.ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) values.add(row.get(i));
      counts.merge(values, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Appends rows: for logs such as {@code runs}, where every call is a new fact, and for the replace
   * and upsert writes where there is nothing to replace. A partitioned table's rows are first brought
   * together by partition, as Delta's MERGE does before it writes: otherwise every task would write a
   * small file into every partition it holds rows of.
   */
  public void append(TableDef table, Dataset<Row> rows) {
    appendRows(table, rows);
    CrashPoint.committed(table.name());
  }

  private void appendRows(TableDef table, Dataset<Row> rows) {
    Dataset<Row> selected = rows.select(columns(table));
    if (!table.partitionBy().isEmpty()) selected = selected.repartition(Columns.cols(table.partitionBy()));
    selected.write().format("delta").mode(SaveMode.Append).insertInto(catalog.name(table));
  }

  private static String keyMatch(TableDef table) {
    return table.key().stream().map(c -> "t.`" + c + "` <=> s.`" + c + "`").collect(Collectors.joining(" AND "));
  }

  private static Column[] columns(TableDef table) {
    return Columns.cols(table.columns());
  }

  private static Map<String, String> sourceColumns(TableDef table) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String c : table.columns()) map.put("`" + c + "`", "s.`" + c + "`");
    return map;
  }
}
