package ru.vpr.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import ru.vpr.config.PublishConfig;
import ru.vpr.test.SparkTestBase;

/**
 * Re-check outcomes with known answers. Scale: mark 3 from 5 points, 4 from 10, 5 from 15.
 * S1 (flagged): work a1 loses 3 points and its mark (12 -> 9: 4 -> 3), a2 is confirmed: 1 of 2
 * objective, inflated. S2 (control sample): both works confirmed. S3 (neither): one point removed,
 * mark kept (11 -> 10): objective under tolerance 1. S4 (neither, municipality 02): two points removed
 * on a 5 (16 -> 14): the mark drops, inflated. S5 (neither, municipality 02): the commission adds
 * three points (8 -> 11): the mark rises, off target the other way: deflated, not inflated.
 */
class RecheckOutcomesTest extends SparkTestBase {
  private static final PublishConfig.Outcomes SETTINGS = new PublishConfig.Outcomes(1, 0.9);

  @Test
  void judgesWorksSchoolsAndPrecisionPerGroup() {
    Frames recheck = Frames.of("year INT, subject STRING, grade INT, login STRING, code STRING, task STRING, "
        + "original INT, rechecked INT");
    Frames results = Frames.of("year INT, subject STRING, grade INT, login STRING, code STRING, primary_score INT");
    work(recheck, results, "S1", "a1", new int[] {6, 6}, new int[] {3, 6});
    work(recheck, results, "S1", "a2", new int[] {4, 4}, new int[] {4, 4});
    work(recheck, results, "S2", "b1", new int[] {8, 8}, new int[] {8, 8});
    work(recheck, results, "S2", "b2", new int[] {2, 2}, new int[] {2, 2});
    work(recheck, results, "S3", "c1", new int[] {5, 6}, new int[] {5, 5});
    work(recheck, results, "S4", "d1", new int[] {8, 8}, new int[] {7, 7});
    work(recheck, results, "S5", "e1", new int[] {4, 4}, new int[] {6, 5});
    Dataset<Row> scales = Frames.of("year INT, subject STRING, grade INT, min3 INT, min4 INT, min5 INT")
        .row(2025, "ma", 5, 5, 10, 15).frame(spark());
    Dataset<Row> riskSchools = Frames.of("year INT, subject STRING, grade INT, login STRING, flagged BOOLEAN")
        .row(2025, "ma", 5, "S1", true).row(2025, "ma", 5, "S2", false).frame(spark());
    Dataset<Row> control = Frames.of("year INT, subject STRING, grade INT, login STRING, code STRING")
        .row(2025, "ma", 5, "S2", "b1").frame(spark());
    Dataset<Row> schools = Frames.of("login STRING, name STRING, municipality_code STRING")
        .row("S1", "Школа 1", "01").row("S2", "Школа 2", "01").row("S3", "Школа 3", "01").row("S4", "Школа 4", "02").row("S5", "Школа 5", "02")
        .frame(spark());

    Dataset<Row> outcomes = new RecheckOutcomes(SETTINGS).perSchoolWork(recheck.frame(spark()), results.frame(spark()),
        scales, riskSchools, control, schools);
    assertEquals(RecheckOutcomes.OUTCOME_COLUMNS, List.of(outcomes.columns()));
    Map<String, Row> byLogin = outcomes.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("login"), r -> r));
    Row s1 = byLogin.get("S1");
    assertEquals("flagged", s1.getAs("selected_as"));
    assertEquals(2L, (long) s1.getAs("works"));
    assertEquals(1L, (long) s1.getAs("objective_works"));
    assertEquals(0.5, s1.<Double>getAs("objective_share"), 1e-12);
    assertEquals(3L, (long) s1.getAs("points_removed"));
    assertEquals(0L, (long) s1.getAs("points_added"));
    assertTrue(s1.<Boolean>getAs("inflated"));
    assertEquals("Школа 1", s1.getAs("school_name"));
    Row s2 = byLogin.get("S2");
    assertEquals("control", s2.getAs("selected_as"));
    assertFalse(s2.<Boolean>getAs("inflated"));
    Row s3 = byLogin.get("S3");
    assertEquals("other", s3.getAs("selected_as"));
    assertEquals(1L, (long) s3.getAs("objective_works"), "one point off, mark kept: objective");
    assertFalse(s3.<Boolean>getAs("inflated"));
    assertTrue(byLogin.get("S4").<Boolean>getAs("inflated"), "a lost mark is never objective");
    assertEquals("inflated", byLogin.get("S4").getAs("verdict"));
    assertEquals("objective", s3.getAs("verdict"));
    Row s5 = byLogin.get("S5");
    assertEquals("deflated", s5.getAs("verdict"), "points only added: marked too strictly");
    assertFalse(s5.<Boolean>getAs("inflated"));
    assertEquals(3L, (long) s5.getAs("points_added"));

    Map<String, Row> precision = RecheckOutcomes.precision(outcomes).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("municipality_code") + "/" + r.getAs("selected_as"), r -> r));
    assertEquals(1.0, precision.get("null/flagged").<Double>getAs("share"), 1e-12, "the flagged school inflated");
    assertEquals(0.0, precision.get("null/control").<Double>getAs("share"), 1e-12, "the control school did not");
    Row otherRegion = precision.get("null/other");
    assertEquals(3L, (long) otherRegion.getAs("schools"));
    assertEquals(1L, (long) otherRegion.getAs("inflated"));
    assertEquals(1L, (long) precision.get("02/other").getAs("inflated"), "S4 inflated, S5 did not");
    assertEquals(2L, (long) precision.get("02/other").getAs("schools"));
    assertEquals(1L, (long) precision.get("01/other").getAs("schools"));
    assertNull(precision.get("02/flagged"));
  }

  private static void work(Frames recheck, Frames results, String login, String code, int[] original, int[] rechecked) {
    int total = 0;
    for (int t = 0; t < original.length; t++) {
      recheck.row(2025, "ma", 5, login, code, String.valueOf(t + 1), original[t], rechecked[t]);
      total += original[t];
    }
    results.row(2025, "ma", 5, login, code, total);
  }
}
