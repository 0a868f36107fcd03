package ru.vpr.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
        "Runs one SQL statement against the catalog and prints the result as a table (or CSV). Only statements",
        "that read (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run unless --write is given: the catalog may be shared.",
        "",
        "Examples:",
        "  bin/vpr sql \"SELECT subject, grade, count(*) FROM vpr.results GROUP BY 1, 2 ORDER BY 1, 2\"",
        "  bin/vpr sql --csv \"SELECT * FROM vpr.rejects\" > rejects.csv",
        "  bin/vpr sql --csv --safe \"SELECT * FROM vpr.rejects\" > rejects-for-excel.csv"})
public final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "STATEMENT", description = "The SQL statement.")
  String statement;

  @Option(names = "--csv", description = "Print RFC 4180 CSV with a header row instead of a table. Values are printed "
      + "as they are (raw): text from the forms may start like a spreadsheet formula; give --safe for a file people open in Excel.")
  boolean csv;

  @Option(names = "--safe", description = "With --csv: text that starts like a formula (=, +, -, @) gets a leading ', "
      + "as in the published files, so a spreadsheet shows it instead of running it.")
  boolean safe;

  @Option(names = "--write", description = "Also run statements that change the catalog (INSERT, DELETE, DROP, CREATE, ...).")
  boolean write;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
      description = "Print at most N rows (default ${DEFAULT-VALUE}); 0 for all.")
  int limit;

  @Override
  public Integer call() throws Exception {
    String refused = write ? null : ReadOnlySql.refusal(statement);
    if (refused != null) {
      System.err.println("error: " + refused);
      return 1;
    }
    return JobLauncher.launch(options, "sql", options.config(), this::query);
  }

  private void query(SparkSession spark) {
    Dataset<Row> result = spark.sql(statement);
    Dataset<Row> shown = limit > 0 ? result.limit(limit + 1) : result;
    List<Row> rows = shown.collectAsList();
    boolean truncated = limit > 0 && rows.size() > limit;
    if (truncated) rows = rows.subList(0, limit);
    ResultPrinter printer = new ResultPrinter(result.schema().fieldNames(), rows);
    System.out.print(csv ? printer.csv(safe) : printer.table());
    if (truncated) System.err.println("(only the first " + limit + " rows; use --limit 0 for all)");
  }
}
