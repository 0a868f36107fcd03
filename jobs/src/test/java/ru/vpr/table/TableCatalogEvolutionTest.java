package ru.vpr.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/** A warehouse made by an earlier release carries over: a table lacking a column of its definition gets it. */
class TableCatalogEvolutionTest extends SparkTestBase {
  private static final String DB = databaseFor(TableCatalogEvolutionTest.class);

  @AfterAll
  static void tearDown() {
    dropDatabase(DB);
  }

  @Test
  void aTableOfAnEarlierReleaseGetsTheColumnsAddedSince() {
    dropDatabase(DB);
    sql("CREATE DATABASE " + DB);
    // The registry as the previous release made it: no "inferred" column.
    sql("CREATE TABLE " + DB + ".schools (login STRING, name STRING, municipality_code STRING, municipality_name STRING,"
        + " locality STRING, kind STRING) USING delta");
    sql("INSERT INTO " + DB + ".schools VALUES ('edu100001', 'Школа', 'm01', 'Район', 'город', 'СОШ')");

    new TableCatalog(spark(), DB).ensure(List.of(Tables.SCHOOLS));

    List<String> columns = List.of(table(DB + ".schools").schema().fieldNames());
    assertEquals(List.of(Tables.SCHOOLS.schema().fieldNames()), columns);
    Row old = sql("SELECT login, inferred FROM " + DB + ".schools").get(0);
    assertEquals("edu100001", old.getString(0));
    assertTrue(old.isNullAt(1), "the old rows keep their values; the new column is empty for them");
  }
}
