package ru.vpr.bench.verify;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;

/**
 * Proof that the DuckDB baseline computes the pipeline's indicators: each of its tables is joined
 * with the pipeline's table of the same name on the table's key, and every value compared. Counts,
 * flags and texts must be equal; means and shares may differ by summation order only (relative
 * {@code tolerance}).
 */
public final class IndicatorCheck {
  public static final List<TableDef> TABLES = List.of(
      Tables.UNIT_INDICATORS, Tables.SCORE_HISTOGRAMS, Tables.TASK_INDICATORS, Tables.TASK_MARK_INDICATORS);
  private static final int EXAMPLES = 5;

  private final SparkSession spark;
  private final double tolerance;

  public IndicatorCheck(SparkSession spark, double tolerance) {
    this.spark = spark;
    this.tolerance = tolerance;
  }

  /**
   * @param database the pipeline's database folder ({@code <warehouse>/vpr.db}): its Delta tables are
   *     read by path, so no metastore is needed
   * @param duckDbOut the folder of DuckDB's parquet files
   */
  public List<TableDiff> compare(String database, String duckDbOut) {
    List<TableDiff> diffs = new ArrayList<>();
    for (TableDef table : TABLES) {
      Dataset<Row> pipeline = spark.read().format("delta").load(database + "/" + table.name());
      diffs.add(compare(table, pipeline, spark.read().parquet(duckDbOut + "/" + table.name() + ".parquet")));
    }
    return diffs;
  }

  TableDiff compare(TableDef table, Dataset<Row> pipeline, Dataset<Row> duckDb) {
    List<String> keys = table.key();
    List<StructField> values = new ArrayList<>();
    for (StructField f : table.schema().fields()) if (!keys.contains(f.name())) values.add(f);
    Dataset<Row> p = side(pipeline, table, "p_");
    Dataset<Row> d = side(duckDb, table, "d_");
    Column on = lit(true);
    for (String k : keys) on = on.and(col("p_" + k).eqNullSafe(col("d_" + k)));
    Dataset<Row> joined = p.join(d, on, "full_outer").cache();
    try {
      List<Column> counts = new ArrayList<>();
      counts.add(sum(when(col("p_present"), 1).otherwise(0)).as("pipeline_rows"));
      counts.add(sum(when(col("d_present"), 1).otherwise(0)).as("duckdb_rows"));
      counts.add(sum(when(col("d_present").isNull(), 1).otherwise(0)).as("only_pipeline"));
      counts.add(sum(when(col("p_present").isNull(), 1).otherwise(0)).as("only_duckdb"));
      Column both = col("p_present").isNotNull().and(col("d_present").isNotNull());
      Column anyDifference = lit(false);
      for (StructField f : values) {
        Column differs = both.and(differs(f));
        counts.add(sum(when(differs, 1).otherwise(0)).as("diff_" + f.name()));
        anyDifference = anyDifference.or(differs);
      }
      Row totals = joined.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
      Map<String, Long> mismatches = new LinkedHashMap<>();
      for (StructField f : values) mismatches.put(f.name(), totals.<Long>getAs("diff_" + f.name()));
      List<String> examples = new ArrayList<>();
      Column problem = anyDifference.or(col("p_present").isNull()).or(col("d_present").isNull());
      for (Row row : joined.where(problem).limit(EXAMPLES).collectAsList()) examples.add(example(row, table));
      return new TableDiff(table.name(), totals.getAs("pipeline_rows"), totals.getAs("duckdb_rows"),
          totals.getAs("only_pipeline"), totals.getAs("only_duckdb"), mismatches, examples);
    } finally {
      joined.unpersist();
    }
  }

  /** The table's columns in the table's types, prefixed, with a marker that the side has the row. */
  private static Dataset<Row> side(Dataset<Row> rows, TableDef table, String prefix) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : table.schema().fields()) columns.add(col(f.name()).cast(f.dataType()).as(prefix + f.name()));
    columns.add(lit(true).as(prefix + "present"));
    return rows.select(columns.toArray(Column[]::new));
  }

  private Column differs(StructField f) {
    Column p = col("p_" + f.name());
    Column d = col("d_" + f.name());
    if (!f.dataType().equals(DataTypes.DoubleType)) return not(p.eqNullSafe(d));
    Column close = abs(p.minus(d)).leq(greatest(abs(p), lit(1.0)).multiply(tolerance));
    return when(p.isNull().and(d.isNull()), false).when(p.isNull().or(d.isNull()), true).otherwise(not(close));
  }

  private static String example(Row row, TableDef table) {
    StringBuilder s = new StringBuilder();
    for (StructField f : table.schema().fields()) {
      Object p = row.getAs("p_" + f.name());
      Object d = row.getAs("d_" + f.name());
      if (table.key().contains(f.name())) {
        s.append(f.name()).append('=').append(p != null ? p : d).append(' ');
      } else if (p == null ? d != null : !p.equals(d)) {
        s.append(f.name()).append(": pipeline ").append(p).append(", DuckDB ").append(d).append("; ");
      }
    }
    if (row.getAs("p_present") == null) s.append("(only in DuckDB)");
    if (row.getAs("d_present") == null) s.append("(only in the pipeline)");
    return s.toString().trim();
  }
}
