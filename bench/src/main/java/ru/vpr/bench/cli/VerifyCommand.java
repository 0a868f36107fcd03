package ru.vpr.bench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.vpr.bench.verify.IndicatorCheck;
import ru.vpr.bench.verify.TableDiff;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Compares the DuckDB baseline's indicator files with the pipeline's tables of the same run, value by",
        "value; exits 1 when any row or value differs. Reads the Delta tables by path (no metastore)."})
final class VerifyCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The pipeline's warehouse.")
  String warehouse;

  @Option(names = "--database", defaultValue = "vpr", description = "Database (default ${DEFAULT-VALUE}).")
  String database;

  @Option(names = "--duckdb", required = true, paramLabel = "DIR", description = "The duckdb command's --out folder.")
  String duckDb;

  @Option(names = "--tolerance", defaultValue = "1e-9",
      description = "Relative tolerance for means and shares (default ${DEFAULT-VALUE}).")
  double tolerance;

  @Override
  public Integer call() {
    SparkSession spark = SparkSession.builder().appName("vpr-bench verify").master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    try {
      String db = new java.io.File(warehouse, database + ".db").getAbsolutePath();
      List<TableDiff> diffs = new IndicatorCheck(spark, tolerance).compare(db, new java.io.File(duckDb).getAbsolutePath());
      diffs.forEach(d -> System.out.print(d.format()));
      boolean same = diffs.stream().allMatch(TableDiff::same);
      System.out.println(same ? "DuckDB computed the pipeline's indicators: every row and value matches."
          : "MISMATCH: DuckDB's indicators differ from the pipeline's (see above).");
      return same ? 0 : 1;
    } finally {
      spark.stop();
    }
  }
}
