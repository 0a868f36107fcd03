package ru.vpr.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlySqlTest {
  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1", "  select * from vpr.runs", "-- a note\nSELECT 1", "/* x */ (SELECT 1)", "SHOW TABLES IN vpr",
      "DESCRIBE vpr.results", "EXPLAIN SELECT 1", "WITH t AS (SELECT 1 AS x) SELECT * FROM t",
      "SELECT 'DROP TABLE x' AS text", "WITH t AS (SELECT 'insert' AS w) SELECT w FROM t",
      "DECLARE OR REPLACE VARIABLE p_year INT DEFAULT 2025", "SET VAR p_year = 2024", "set variable p_login = 'edu1'"})
  void readingStatementsRun(String statement) {
    assertNull(ReadOnlySql.refusal(statement));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DROP TABLE vpr.runs", "delete from vpr.results", "INSERT INTO vpr.runs SELECT * FROM vpr.runs",
      "-- SELECT\nDROP DATABASE vpr CASCADE", "CREATE TABLE t AS SELECT 1", "WITH t AS (SELECT 1) INSERT INTO vpr.x SELECT * FROM t",
      "MERGE INTO vpr.runs USING s ON true WHEN MATCHED THEN DELETE", "SET spark.sql.shuffle.partitions = 1",
      "SET variables_are_not_this = 1"})
  void writingStatementsAreRefused(String statement) {
    assertNotNull(ReadOnlySql.refusal(statement));
  }
}
