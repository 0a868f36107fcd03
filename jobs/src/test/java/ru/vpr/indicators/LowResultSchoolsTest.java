package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.IndicatorsConfig.LowResults;
import ru.vpr.test.SparkTestBase;

/**
 * Maths grade 5 in three years, share of mark 2 per school (criteria: above 0.25, or at/above the
 * region's 90th percentile of schools and above 0; at least 2 pupils; 2 years running):
 *
 * <pre>
 *        2023  2024  2025
 * edu1   -     0.50  0.50   low both years: listed in 2025
 * edu2   -     0     0.50   low in 2025 only
 * edu3   0.5   0     0      (also bi: 1.0 both years, a subject not judged)
 * edu4   -     0.20  0.20   below 0.25 and below the region's p90 (0.41 in 2024, 0.50 in 2025)
 * edu5   -     1 pupil with 2, both years: too few to judge
 * ru: edu4 0.5 in 2023 and 2025, 0 in 2024: not running
 * </pre>
 */
class LowResultSchoolsTest extends SparkTestBase {
  private static Dataset<Row> units;
  private static Fixtures fixtures;
  private static final LowResults CRITERIA = new LowResults(List.of("ru", "ma"), 0.25, 0.9, 2, 2);

  @BeforeAll
  static void compute() {
    fixtures = new Fixtures(spark())
        .marks(2024, "ma", "m01", "edu1", "5А", 2, 2, 3, 4)
        .marks(2025, "ma", "m01", "edu1", "5А", 2, 2, 4, 5)
        .marks(2024, "ma", "m01", "edu2", "5А", 3, 4, 4, 5)
        .marks(2025, "ma", "m01", "edu2", "5А", 2, 3, 2, 5)
        .marks(2023, "ma", "m02", "edu3", "5А", 2, 3)
        .marks(2024, "ma", "m02", "edu3", "5А", 3, 3, 4, 5)
        .marks(2025, "ma", "m02", "edu3", "5А", 3, 3, 4, 5)
        .marks(2024, "bi", "m02", "edu3", "5А", 2, 2)
        .marks(2025, "bi", "m02", "edu3", "5А", 2, 2)
        .marks(2024, "ma", "m02", "edu4", "5А", 2, 3, 4, 5, 5)
        .marks(2025, "ma", "m02", "edu4", "5А", 2, 3, 4, 5, 5)
        .marks(2023, "ru", "m02", "edu4", "5А", 2, 3)
        .marks(2024, "ru", "m02", "edu4", "5А", 3, 3)
        .marks(2025, "ru", "m02", "edu4", "5А", 2, 3)
        .marks(2024, "ma", "m02", "edu5", "5А", 2)
        .marks(2025, "ma", "m02", "edu5", "5А", 2);
    units = UnitIndicators.compute(fixtures.results(), IndicatorsConfig.defaults()).cache();
  }

  private static List<Row> list(LowResults criteria) {
    return LowResultSchools.of(units, fixtures.schools(), fixtures.subjects(), criteria).orderBy("year", "login").collectAsList();
  }

  @Test
  void onlyASchoolLowTwoYearsRunningIsListedWithItsReasons() {
    List<Row> listed = list(CRITERIA);
    assertEquals(1, listed.size(), listed.toString());
    Row edu1 = listed.get(0);
    assertEquals(2025, (int) edu1.getAs("year"));
    assertEquals("edu1", edu1.getAs("login"));
    assertEquals("Школа 1", edu1.getAs("school_name"));
    assertEquals("m01", edu1.getAs("municipality_code"));
    assertEquals("ma", edu1.getAs("subjects"));
    assertEquals(1L, (long) edu1.getAs("works"));
    assertEquals(0.5, edu1.getAs("max_share_2"), 1e-9);
    assertEquals("ma5:share2_above_threshold|ma5:share2_top_decile", edu1.getAs("reasons"));
    String text = edu1.getAs("reasons_text");
    assertEquals("Математика, 5 класс: доля отметок «2» 50.0% — выше порога 25%, в верхних 10% школ региона "
        + "(граница 50.0%). Низкие результаты 2 года подряд", text);
    assertTrue(((String) edu1.getAs("criteria")).contains("share of mark 2 > 0.25"));
  }

  @Test
  void theCriteriaComeFromConfiguration() {
    List<Row> thresholdOnly = list(new LowResults(List.of("ru", "ma"), 0.25, 0, 2, 2));
    assertEquals(1, thresholdOnly.size());
    assertEquals("ma5:share2_above_threshold", thresholdOnly.get(0).getAs("reasons"));

    List<Row> oneYear = list(new LowResults(List.of("ru", "ma"), 0.25, 0.9, 1, 2));
    assertEquals(List.of("2023 edu3", "2023 edu4", "2024 edu1", "2025 edu1", "2025 edu2", "2025 edu4"), keys(oneYear),
        "one year is enough: every low work is listed");
    List<Row> withBiology = list(new LowResults(List.of("bi"), 0.25, 0.9, 2, 1));
    assertEquals(List.of("2025 edu3"), keys(withBiology));
    List<Row> countingOnePupil = list(new LowResults(List.of("ma"), 0.25, 0, 2, 1));
    assertEquals(List.of("2025 edu1", "2025 edu5"), keys(countingOnePupil));
  }

  private static List<String> keys(List<Row> rows) {
    return rows.stream().map(r -> r.getAs("year") + " " + r.getAs("login")).toList();
  }
}
