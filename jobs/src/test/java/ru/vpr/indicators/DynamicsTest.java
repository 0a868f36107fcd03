package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.test.SparkTestBase;

/**
 * Two years of maths grade 5: edu1 5А goes from 2 of 10 pupils with mark 2 to 3 of 10 (+10 points,
 * negative); edu2 5А from 2 of 10 to 2 of 7 (+8.6 points, not); edu3 writes only in 2025.
 */
class DynamicsTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static Dataset<Row> dynamics;

  @BeforeAll
  static void compute() {
    Dataset<Row> results = new Fixtures(spark())
        .marks(2024, "ma", "m01", "edu1", "5А", 2, 2, 3, 3, 3, 4, 4, 4, 5, 5)
        .marks(2025, "ma", "m01", "edu1", "5А", 2, 2, 2, 3, 3, 4, 4, 4, 5, 5)
        .marks(2024, "ma", "m01", "edu2", "5А", 2, 2, 3, 3, 3, 3, 4, 4, 4, 5)
        .marks(2025, "ma", "m01", "edu2", "5А", 2, 2, 3, 3, 4, 4, 5)
        .marks(2025, "ma", "m02", "edu3", "5А", 3, 4)
        .results();
    dynamics = Dynamics.of(UnitIndicators.compute(results, IndicatorsConfig.defaults())).cache();
  }

  private static Row row(String level, String login, String cls, String indicator) {
    return Fixtures.unit(dynamics.where(dynamics.col("indicator").equalTo(indicator)), level,
        level.equals(Levels.REGION) ? null : "m01", login, cls);
  }

  @Test
  void shareOfTwoUpTenPointsIsNegative() {
    Row r = row(Levels.CLASS, "edu1", "5А", "share_2");
    assertEquals(2025, (int) r.getAs("year"));
    assertEquals(0.3, r.getAs("value"), EPS);
    assertEquals(0.2, r.getAs("previous_value"), EPS);
    assertEquals(0.1, r.getAs("change"), EPS);
    assertTrue((boolean) r.getAs("negative"), "0.3 - 0.2 is 10 points even where the double says 0.0999...");

    Row edu2 = row(Levels.CLASS, "edu2", "5А", "share_2");
    assertEquals(2.0 / 7 - 0.2, edu2.getAs("change"), EPS);
    assertFalse((boolean) edu2.getAs("negative"));
  }

  @Test
  void everyIndicatorOfEveryUnitThatExistedTheYearBefore() {
    assertEquals(0L, dynamics.where("login = 'edu3' OR municipality_code = 'm02'").count(), "no previous year");
    assertEquals(0L, dynamics.where("year = 2024").count());
    // units with a previous year: 2 classes, 2 schools, m01, region
    assertEquals(6L * Dynamics.INDICATORS.size(), dynamics.count());
    Row written = row(Levels.SCHOOL, "edu2", null, "written");
    assertEquals(-3.0, written.getAs("change"), EPS);
    assertFalse((boolean) written.getAs("negative"), "only share_2 is judged");
    Row region = row(Levels.REGION, null, null, "written");
    assertEquals(19.0, region.getAs("value"), EPS, "10 + 7 + 2 in 2025");
    assertEquals(20.0, region.getAs("previous_value"), EPS);
    List<Row> negatives = dynamics.where("negative").collectAsList();
    assertEquals(2, negatives.size(), "edu1's class and school (the same pupils)");
  }
}
