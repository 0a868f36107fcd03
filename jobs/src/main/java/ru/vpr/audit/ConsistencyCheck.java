package ru.vpr.audit;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;

/**
 * Cross-table consistency of a catalog, for {@code bin/vpr check}: what a run killed between two
 * table commits would leave out of step (Delta commits table by table). Each finding counts rows;
 * nothing is changed. A table not created yet has nothing to be out of step with.
 */
public final class ConsistencyCheck {
  private final TableCatalog catalog;

  public ConsistencyCheck(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** One check: what it looks for and how many rows break it (0 = in step); skipped when a table is absent. */
  public record Finding(String what, long broken, boolean skipped) {
    public String line() {
      if (skipped) return "skip  " + what + " (a table is not there yet)";
      return (broken == 0 ? "ok    " : "FAIL  ") + what + (broken == 0 ? "" : String.format(Locale.ROOT, ": %d", broken));
    }
  }

  public List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    List<String> key = List.of("year", "subject", "grade", "login", "code");
    out.add(check("results rows of pupils who wrote without their task scores", List.of(Tables.RESULTS, Tables.TASK_SCORES),
        () -> antiJoin(read(Tables.RESULTS).where(col("absent").equalTo(false)), read(Tables.TASK_SCORES), key)));
    out.add(check("task scores without their results row", List.of(Tables.RESULTS, Tables.TASK_SCORES),
        () -> antiJoin(read(Tables.TASK_SCORES).select(Columns.cols(key)).distinct(), read(Tables.RESULTS), key)));
    out.add(check("landing files with results but no ingest_files row", List.of(Tables.RESULTS, Tables.INGEST_FILES),
        () -> antiJoin(read(Tables.RESULTS).select("source_path").distinct(),
            read(Tables.INGEST_FILES).select(col("path").as("source_path")), List.of("source_path"))));
    out.add(check("runs that did not finish (outcome running)", List.of(Tables.RUNS),
        () -> read(Tables.RUNS).where(col("outcome").equalTo(RunLog.RUNNING)).count()));
    out.add(check("risk_classes rows whose detect run did not succeed", List.of(Tables.RISK_CLASSES, Tables.RUNS),
        () -> antiJoin(read(Tables.RISK_CLASSES).select("run_id").distinct(), succeeded("detect"), List.of("run_id"))));
    out.add(check("publications whose publish run did not succeed", List.of(Tables.PUBLICATIONS, Tables.RUNS),
        () -> antiJoin(read(Tables.PUBLICATIONS).select("run_id").distinct(), succeeded("publish"), List.of("run_id"))));
    return out;
  }

  private Dataset<Row> succeeded(String job) {
    return read(Tables.RUNS).where(col("job").equalTo(job).and(col("outcome").equalTo(RunLog.SUCCEEDED))).select("run_id");
  }

  private Finding check(String what, List<TableDef> tables, LongSupplier broken) {
    for (TableDef t : tables) {
      if (!catalog.spark().catalog().tableExists(catalog.name(t))) return new Finding(what, 0, true);
    }
    return new Finding(what, broken.getAsLong(), false);
  }

  private Dataset<Row> read(TableDef table) {
    return catalog.read(table);
  }

  private static long antiJoin(Dataset<Row> rows, Dataset<Row> other, List<String> key) {
    return rows.join(other.select(Columns.cols(key)).distinct(), Columns.seq(key), "left_anti").count();
  }
}
