package ru.vpr.table;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The pipeline's tables in the session's catalog: created on first use as managed Delta tables in
 * one database, so that every later process (jobs, {@code vpr sql}, notebooks) reads them by name.
 */
public final class TableCatalog {
  /**
   * Tables known to have every column of their definition in this JVM: those it created and those it
   * checked. Checking costs a read of the table's Delta log, which every job would otherwise pay for
   * every table it ensures, each time it runs.
   */
  private static final java.util.Set<String> CURRENT = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final SparkSession spark;
  private final String database;
  private final String warehouse;

  /** The database in the session's warehouse ({@code spark.sql.warehouse.dir}). */
  public TableCatalog(SparkSession spark, String database) {
    this(spark, database, null);
  }

  /**
   * The database in {@code warehouse}: a new database is created at {@code <warehouse>/<database>.db},
   * wherever the session's own warehouse is. A job's tables thus go where its configuration says
   * (a bucket, say) while the catalog that names them can live elsewhere (a local metastore).
   */
  public TableCatalog(SparkSession spark, String database, String warehouse) {
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("database name must be an identifier: " + database);
    }
    this.spark = spark;
    this.database = database;
    this.warehouse = warehouse;
  }

  public SparkSession spark() {
    return spark;
  }

  public String database() {
    return database;
  }

  public String name(TableDef table) {
    return database + "." + table.name();
  }

  /** Creates the database and the tables that do not exist yet; existing ones are left alone. */
  public void ensure(List<TableDef> tables) {
    String location = warehouse == null ? ""
        : " LOCATION '" + (warehouse.endsWith("/") ? warehouse : warehouse + "/").replace("'", "\\'") + database + ".db'";
    spark.sql("CREATE DATABASE IF NOT EXISTS " + database + location);
    for (TableDef table : tables) {
      if (spark.catalog().tableExists(name(table))) {
        if (CURRENT.add(name(table))) addMissingColumns(table);
        continue;
      }
      StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name(table))
          .append(" (").append(table.schema().toDDL()).append(") USING delta");
      if (!table.partitionBy().isEmpty()) {
        ddl.append(" PARTITIONED BY (").append(String.join(", ", table.partitionBy())).append(")");
      }
      ddl.append(" COMMENT '").append(table.comment().replace("'", "\\'")).append("'");
      spark.sql(ddl.toString());
      CURRENT.add(name(table));
    }
  }

  /**
   * A table made by an earlier version lacks the columns added since: they are added (empty for the old
   * rows), so that a warehouse carries over to a new release without being rebuilt. Columns are never
   * dropped or retyped here.
   */
  private void addMissingColumns(TableDef table) {
    java.util.Set<String> existing = new java.util.HashSet<>();
    for (org.apache.spark.sql.types.StructField f : spark.table(name(table)).schema().fields()) {
      existing.add(f.name().toLowerCase(java.util.Locale.ROOT));
    }
    List<String> missing = new java.util.ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : table.schema().fields()) {
      if (existing.contains(f.name().toLowerCase(java.util.Locale.ROOT))) continue;
      String comment = f.getComment().isDefined() ? " COMMENT '" + f.getComment().get().replace("'", "\\'") + "'" : "";
      missing.add("`" + f.name() + "` " + f.dataType().sql() + comment);
    }
    if (!missing.isEmpty()) spark.sql("ALTER TABLE " + name(table) + " ADD COLUMNS (" + String.join(", ", missing) + ")");
  }

  public String name(ViewDef view) {
    return database + "." + view.name();
  }

  /**
   * Creates or replaces the views. The view text names the source table with its database, so a
   * later process with any current database resolves it.
   */
  public void ensureViews(List<ViewDef> views) {
    for (ViewDef view : views) {
      String columns = view.columns().stream().map(c -> "`" + c + "`").collect(java.util.stream.Collectors.joining(", "));
      spark.sql("CREATE OR REPLACE VIEW " + name(view) + " COMMENT '" + view.comment().replace("'", "\\'") + "' AS SELECT "
          + columns + " FROM " + name(view.source()) + " WHERE " + view.where());
    }
  }

  public Dataset<Row> read(TableDef table) {
    return spark.table(name(table));
  }

  /**
   * The table as of one version. Jobs read their inputs this way so that a plan evaluated again
   * after the job's own writes still sees the input it started from.
   */
  public Dataset<Row> readAt(TableDef table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).table(name(table));
  }

  public DeltaTable delta(TableDef table) {
    return DeltaTable.forName(spark, name(table));
  }

  /** A metric of the table's last commit (Delta's operationMetrics, such as numTargetRowsInserted); 0 when absent. */
  public long lastCommitMetric(TableDef table, String metric) {
    Row last = delta(table).history(1).select("operationMetrics").head();
    if (last.isNullAt(0)) return 0L;
    scala.collection.Map<String, String> metrics = last.getMap(0);
    scala.Option<String> value = metrics.get(metric);
    return value.isDefined() ? Long.parseLong(value.get()) : 0L;
  }

  /** The table's current Delta version: recorded by runs so results can be traced to their inputs. */
  public long version(TableDef table) {
    return delta(table).history(1).select("version").head().getLong(0);
  }
}
