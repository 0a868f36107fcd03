package ru.vpr.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/**
 * The risk zone over three years. Municipality 01: A flagged 2023-2025, B flagged 2023 only, C
 * flagged 2024 only, D never (not scored in 2025). Municipality 02: E flagged 2025.
 * Flagged counts of 01: 2, 2, 1 (slope over 2023-2025: -0.5); of the region: 2, 2, 2.
 */
class RiskDynamicsTest extends SparkTestBase {
  @Test
  void countsFlaggedAgainLeftEnteredAndTheTrend() {
    Frames totals = Frames.of("year INT, municipality_code STRING, login STRING, scored BOOLEAN, flagged BOOLEAN");
    for (int year = 2023; year <= 2025; year++) {
      totals.row(year, "01", "A", true, true);
      totals.row(year, "01", "B", true, year == 2023);
      totals.row(year, "01", "C", true, year == 2024);
      totals.row(year, "01", "D", year != 2025, false);
      totals.row(year, "02", "E", true, year == 2025);
    }
    Dataset<Row> dynamics = RiskDynamics.of(totals.frame(spark()));
    assertEquals(RiskDynamics.COLUMNS, List.of(dynamics.columns()));
    Map<String, Row> rows = dynamics.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("municipality_code") + "/" + r.getAs("year"), r -> r));
    Row m2024 = rows.get("01/2024");
    assertEquals(4L, (long) m2024.getAs("schools_scored"));
    assertEquals(2L, (long) m2024.getAs("flagged"));
    assertEquals(1L, (long) m2024.getAs("flagged_again"), "A");
    assertEquals(1L, (long) m2024.getAs("left"), "B");
    assertEquals(1L, (long) m2024.getAs("entered"), "C");
    Row m2025 = rows.get("01/2025");
    assertEquals(3L, (long) m2025.getAs("schools_scored"));
    assertEquals(1L, (long) m2025.getAs("flagged"));
    assertEquals(1L, (long) m2025.getAs("left"), "C");
    assertEquals(0L, (long) m2025.getAs("entered"));
    assertEquals(-0.5, m2025.<Double>getAs("slope"), 1e-12);
    assertNull(rows.get("01/2023").getAs("slope"), "one year has no trend");
    Row region2025 = rows.get("null/2025");
    assertEquals(2L, (long) region2025.getAs("flagged"));
    assertEquals(1L, (long) region2025.getAs("entered"), "E");
    assertEquals(0.0, region2025.<Double>getAs("slope"), 1e-12);
  }
}
