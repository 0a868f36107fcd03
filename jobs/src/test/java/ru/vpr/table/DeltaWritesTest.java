package ru.vpr.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/**
 * The replace-style writes on a real Delta table: what each leaves in the table and which Delta
 * operation committed it (an append where nothing is replaced, a MERGE otherwise).
 */
class DeltaWritesTest extends SparkTestBase {
  private static final String DB = databaseFor(DeltaWritesTest.class);
  private static final StructType SCHEMA = new StructType()
      .add("year", DataTypes.IntegerType).add("school", DataTypes.StringType).add("score", DataTypes.IntegerType);
  private static final TableDef SCORES = new TableDef("scores", SCHEMA, List.of("year"), List.of("year", "school"), "test");
  private static final List<String> SCOPE = List.of("year", "school");

  private static TableCatalog catalog;
  private static DeltaWrites writes;

  @BeforeAll
  static void catalog() {
    catalog = new TableCatalog(spark(), DB, warehouse().toString());
    writes = new DeltaWrites(catalog);
  }

  @AfterAll
  static void drop() {
    dropDatabase(DB);
  }

  @BeforeEach
  void emptyTable() {
    spark().sql("DROP TABLE IF EXISTS " + catalog.name(SCORES));
    catalog.ensure(List.of(SCORES));
  }

  @Test
  void intoAnEmptyTableTheRowsAreAppended() {
    writes.replaceScopes(SCORES, SCOPE, scopes(row(2024, "a")), rows(row(2024, "a", 1), row(2024, "a", 2)));
    assertEquals(List.of("2024 a 1", "2024 a 2"), contents());
    assertEquals("WRITE", lastOperation());
  }

  @Test
  void anAppendWritesOneFilePerPartitionWhateverTheTasks() {
    Dataset<Row> spread = rows(row(2024, "a", 1), row(2024, "b", 2), row(2024, "c", 3), row(2025, "a", 4),
        row(2025, "b", 5), row(2025, "c", 6)).repartition(6);
    writes.replaceScopes(SCORES, SCOPE, spread.select("year", "school"), spread);
    assertEquals(6, contents().size());
    assertEquals(2, catalog.read(SCORES).inputFiles().length, "one file for 2024, one for 2025");
  }

  @Test
  void aScopeInANewPartitionIsAppendedAndTheOtherPartitionsKept() {
    writes.replaceScopes(SCORES, SCOPE, scopes(row(2024, "a")), rows(row(2024, "a", 1)));
    writes.replaceScopes(SCORES, SCOPE, scopes(row(2025, "a")), rows(row(2025, "a", 5)));
    assertEquals(List.of("2024 a 1", "2025 a 5"), contents());
    assertEquals("WRITE", lastOperation());
  }

  @Test
  void aScopeWithRowsIsReplacedExactlyByAMerge() {
    writes.replaceScopes(SCORES, SCOPE, scopes(row(2024, "a"), row(2024, "b")),
        rows(row(2024, "a", 1), row(2024, "a", 2), row(2024, "b", 3)));
    // School a brings new rows, school c is new; school b is not in the scopes and stays.
    writes.replaceScopes(SCORES, SCOPE, scopes(row(2024, "a"), row(2024, "c")), rows(row(2024, "a", 9), row(2024, "c", 4)));
    assertEquals(List.of("2024 a 9", "2024 b 3", "2024 c 4"), contents());
    assertEquals("MERGE", lastOperation());
  }

  @Test
  void aScopeWithoutNewRowsEmptiesIt() {
    writes.replaceScopes(SCORES, SCOPE, scopes(row(2024, "a"), row(2024, "b")), rows(row(2024, "a", 1), row(2024, "b", 3)));
    writes.replaceScopes(SCORES, SCOPE, scopes(row(2024, "a")), rows());
    assertEquals(List.of("2024 b 3"), contents());
  }

  @Test
  void upsertAppendsIntoAnEmptyTableAndMergesAfterwards() {
    writes.upsert(SCORES, rows(row(2024, "a", 1)));
    assertEquals("WRITE", lastOperation());
    writes.upsert(SCORES, rows(row(2024, "a", 2), row(2024, "b", 3)));
    assertEquals("MERGE", lastOperation());
    assertEquals(List.of("2024 a 2", "2024 b 3"), contents());
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static Dataset<Row> rows(Row... rows) {
    return spark().createDataFrame(List.of(rows), SCHEMA);
  }

  private static Dataset<Row> scopes(Row... keys) {
    return spark().createDataFrame(List.of(keys), new StructType()
        .add("year", DataTypes.IntegerType).add("school", DataTypes.StringType));
  }

  private static List<String> contents() {
    return catalog.read(SCORES).orderBy("year", "school", "score").collectAsList().stream()
        .map(r -> r.getInt(0) + " " + r.getString(1) + " " + r.getInt(2)).toList();
  }

  private static String lastOperation() {
    return catalog.delta(SCORES).history(1).select("operation").head().getString(0);
  }
}
