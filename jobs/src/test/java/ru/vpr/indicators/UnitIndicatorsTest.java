package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.vpr.indicators.Fixtures.unit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.test.SparkTestBase;

/**
 * Marks and journal comparison on nine pupils, every value computed by hand:
 *
 * <pre>
 * m01 edu1 5А  p1 6 (5) j5 confirmed | p2 1 (2) j4 lowered, gap 2 | p3 absent j4 | p4 3 (4) no journal
 * m01 edu1 5Б  p5 2 (3) j2 raised
 * m01 edu2 5А  p6 5 (5) j3 raised, gap 2 | p7 3 (4) j4 confirmed
 * m02 edu3 5А  p8 1 (2) j2 confirmed | p9 1 (2) no journal
 * </pre>
 */
class UnitIndicatorsTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static Dataset<Row> units;

  @BeforeAll
  static void compute() {
    Dataset<Row> results = Fixtures.ninePupils(spark()).results();
    units = UnitIndicators.compute(results, IndicatorsConfig.defaults().withMinimums(3, 5)).cache();
  }

  @Test
  void everyLevelInOneTable() {
    assertEquals(4L, units.where(Levels.isLevel(Levels.CLASS)).count());
    assertEquals(3L, units.where(Levels.isLevel(Levels.SCHOOL)).count());
    assertEquals(2L, units.where(Levels.isLevel(Levels.MUNICIPALITY)).count());
    assertEquals(1L, units.where(Levels.isLevel(Levels.REGION)).count());
    Row school = unit(units, Levels.SCHOOL, "m01", "edu1", null);
    assertNull(school.getAs("class"));
    Row region = unit(units, Levels.REGION, null, null, null);
    assertEquals(2025, (int) region.getAs("year"));
  }

  @Test
  void classMarksMeanAndSpreadLeaveAbsentPupilsOut() {
    Row c = unit(units, Levels.CLASS, "m01", "edu1", "5А");
    assertEquals(4L, (long) c.getAs("participants"));
    assertEquals(1L, (long) c.getAs("absent"));
    assertEquals(3L, (long) c.getAs("written"));
    assertEquals(6, (int) c.getAs("max_score"));
    assertEquals(10.0 / 3, c.getAs("mean_score"), EPS);
    assertEquals(10.0 / 3 / 6 * 100, c.getAs("mean_score_pct"), EPS);
    // scores 6, 1, 3: squared deviations 64/9 + 49/9 + 1/9 = 114/9, over n - 1 = 2
    assertEquals(Math.sqrt(114.0 / 9 / 2), c.getAs("sd_score"), EPS);
    assertEquals(List.of(1L, 0L, 1L, 1L), List.of(c.getAs("marks_2"), c.getAs("marks_3"), c.getAs("marks_4"), c.getAs("marks_5")));
    assertEquals(1.0 / 3, c.getAs("share_2"), EPS);
    assertEquals(0.0, c.getAs("share_3"), EPS);
    assertEquals(2.0 / 3, c.getAs("success_share"), EPS);
    assertEquals(2.0 / 3, c.getAs("quality_share"), EPS);
  }

  @Test
  void journalComparisonIsOverPupilsWhoWroteAndHaveAJournalMark() {
    Row c = unit(units, Levels.CLASS, "m01", "edu1", "5А");
    assertEquals(2L, (long) c.getAs("with_journal"), "p3 is absent, p4 has no journal mark");
    assertEquals(1L, (long) c.getAs("lowered"));
    assertEquals(1L, (long) c.getAs("confirmed"));
    assertEquals(0L, (long) c.getAs("raised"));
    assertEquals(0.5, c.getAs("lowered_share"), EPS);
    assertEquals(1L, (long) c.getAs("journal_gap_2"));

    Row m = unit(units, Levels.MUNICIPALITY, "m01", null, null);
    assertEquals(5L, (long) m.getAs("with_journal"));
    assertEquals(List.of(1L, 2L, 2L, 2L), List.of(m.getAs("lowered"), m.getAs("confirmed"), m.getAs("raised"), m.getAs("journal_gap_2")));
    assertEquals(0.4, m.getAs("raised_share"), EPS);
  }

  @Test
  void schoolMunicipalityAndRegionValues() {
    Row s = unit(units, Levels.SCHOOL, "m01", "edu1", null);
    assertEquals(5L, (long) s.getAs("participants"));
    assertEquals(4L, (long) s.getAs("written"));
    assertEquals(3.0, s.getAs("mean_score"), EPS);
    assertEquals(0.25, s.getAs("share_2"), EPS);
    assertEquals(0.75, s.getAs("success_share"), EPS);
    assertEquals(0.5, s.getAs("quality_share"), EPS);

    Row m2 = unit(units, Levels.MUNICIPALITY, "m02", null, null);
    assertEquals(1.0, m2.getAs("share_2"), EPS);
    assertEquals(0.0, m2.getAs("sd_score"), EPS, "a tie: 1 and 1 have no spread");
    assertEquals(0.0, m2.getAs("success_share"), EPS);

    Row r = unit(units, Levels.REGION, null, null, null);
    assertEquals(9L, (long) r.getAs("participants"));
    assertEquals(8L, (long) r.getAs("written"));
    assertEquals(22.0 / 8, r.getAs("mean_score"), EPS);
    assertEquals(0.375, r.getAs("share_2"), EPS);
    assertEquals(5.0 / 8, r.getAs("success_share"), EPS);
    assertEquals(0.5, r.getAs("quality_share"), EPS);
    assertEquals(6L, (long) r.getAs("with_journal"));
    assertEquals(3L, (long) r.getAs("confirmed"));
  }

  @Test
  void oneWriterHasNoSpreadAndSmallUnitsAreFlaggedNotHidden() {
    Row c = unit(units, Levels.CLASS, "m01", "edu1", "5Б");
    assertEquals(1L, (long) c.getAs("written"));
    assertNull(c.getAs("sd_score"), "the sample deviation of one score is undefined");
    assertEquals(1.0, c.getAs("share_3"), EPS);
    assertTrue((boolean) c.getAs("small_for_groups"), "1 < min-group 3");
    Row school = unit(units, Levels.SCHOOL, "m01", "edu1", null);
    assertFalse((boolean) school.getAs("small_for_groups"), "4 >= 3");
    assertTrue((boolean) school.getAs("small_for_distribution"), "4 < 5");
    assertFalse((boolean) unit(units, Levels.REGION, null, null, null).getAs("small_for_distribution"));
  }

  @Test
  void regionCountsAreTheSumsOverMunicipalitiesSchoolsAndClasses() {
    for (String column : List.of("participants", "absent", "written", "marks_2", "marks_3", "marks_4", "marks_5",
        "with_journal", "lowered", "confirmed", "raised", "journal_gap_2")) {
      long region = units.where(Levels.isLevel(Levels.REGION)).agg(org.apache.spark.sql.functions.sum(column)).head().getLong(0);
      for (String level : List.of(Levels.MUNICIPALITY, Levels.SCHOOL, Levels.CLASS)) {
        long sum = units.where(Levels.isLevel(level)).agg(org.apache.spark.sql.functions.sum(column)).head().getLong(0);
        assertEquals(region, sum, column + " at " + level);
      }
    }
  }

  @Test
  void sharesOfMarksAndOfJournalOutcomesSumToOne() {
    for (Row r : units.collectAsList()) {
      double marks = (double) r.getAs("share_2") + (double) r.getAs("share_3") + (double) r.getAs("share_4") + (double) r.getAs("share_5");
      assertEquals(1.0, marks, EPS);
      assertEquals((double) r.getAs("success_share"), 1 - (double) r.getAs("share_2"), EPS);
      if ((long) r.getAs("with_journal") > 0) {
        assertEquals(1.0, (double) r.getAs("lowered_share") + (double) r.getAs("confirmed_share") + (double) r.getAs("raised_share"), EPS);
      }
    }
  }

  @Test
  void aUnitWithNobodyWritingHasNoSharesRatherThanZero() {
    Dataset<Row> onlyAbsent = new Fixtures(spark()).absent(2025, "ma", "m01", "edu1", "5А", "p1", 3).results();
    Row r = unit(UnitIndicators.compute(onlyAbsent, IndicatorsConfig.defaults()), Levels.CLASS, "m01", "edu1", "5А");
    assertEquals(1L, (long) r.getAs("participants"));
    assertEquals(0L, (long) r.getAs("written"));
    assertNull(r.getAs("share_2"));
    assertNull(r.getAs("mean_score"));
    assertNull(r.getAs("lowered_share"));
  }
}
