package ru.vpr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import ru.vpr.config.DetectConfig;
import ru.vpr.test.SparkTestBase;

/**
 * The statistics as the detection job runs them, on small tables with hand-computed answers: the
 * Spark side of each estimator (sums per work, then the one implementation in {@code detect.stats}).
 */
class StatisticsInProductionTest extends SparkTestBase {

  /** Benjamini and Hochberg (1995), section 4: at q = 0.05 the four smallest of these fifteen are rejected. */
  private static final double[] PAPER = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
      0.4262, 0.5719, 0.6528, 0.7590, 1.000};
  private static final double[] PAPER_Q = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286,
      0.06385714285714286, 0.0645, 0.0765, 0.486, 0.5811818181818182, 0.714875, 0.7532307692307694, 0.8132142857142857, 1};

  private Dataset<Row> units() {
    List<String> rows = new ArrayList<>();
    // Listed in reverse so that the ranks cannot come from the input order.
    for (int i = PAPER.length - 1; i >= 0; i--) {
      rows.add(String.format(Locale.ROOT, "(2025, 'l%02d', true, %s)", i, Double.toString(PAPER[i])));
    }
    rows.add("(2025, 'l99', false, null)");
    // Another year with a tie: equal p-values rank by the key and share their q-value.
    rows.add("(2024, 'b', true, 0.01)");
    rows.add("(2024, 'a', true, 0.01)");
    rows.add("(2024, 'c', true, 0.5)");
    return spark().sql("SELECT * FROM VALUES " + String.join(", ", rows) + " AS t(year, login, scored, combined_p)");
  }

  private static Map<String, Row> byUnit(Dataset<Row> ranked) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : ranked.collectAsList()) out.put(r.getAs("year") + "/" + r.getAs("login"), r);
    return out;
  }

  @Test
  void theRiskRankAndFlagAreBenjaminiHochbergPerYear() {
    DetectConfig config = DetectConfig.defaults().withFlagging(0.05, 0);
    Map<String, Row> ranked = byUnit(RiskScoring.rankAndFlag(units(), config));
    for (int i = 0; i < PAPER.length; i++) {
      Row r = ranked.get(String.format(Locale.ROOT, "2025/l%02d", i));
      assertEquals(i + 1, (int) r.<Integer>getAs("risk_rank"));
      assertEquals(PAPER_Q[i], r.<Double>getAs("q_value"), 1e-14, "q of rank " + (i + 1));
      assertEquals(i < 4, r.<Boolean>getAs("flagged"), "flag of rank " + (i + 1));
      assertEquals(1 - PAPER[i], r.<Double>getAs("risk_score"), 1e-15);
    }
    Row unscored = ranked.get("2025/l99");
    assertNull(unscored.getAs("risk_rank"));
    assertNull(unscored.getAs("q_value"));
    assertFalse(unscored.<Boolean>getAs("flagged"));
    // 2024: m = 3, the tie's q = min(0.01 * 3 / 2, 0.5) = 0.015, both rejected; 'a' before 'b'.
    assertEquals(1, (int) ranked.get("2024/a").<Integer>getAs("risk_rank"));
    assertEquals(2, (int) ranked.get("2024/b").<Integer>getAs("risk_rank"));
    assertEquals(0.015, ranked.get("2024/a").<Double>getAs("q_value"), 1e-15);
    assertEquals(0.015, ranked.get("2024/b").<Double>getAs("q_value"), 1e-15);
    assertTrue(ranked.get("2024/a").<Boolean>getAs("flagged") && ranked.get("2024/b").<Boolean>getAs("flagged"));
    assertFalse(ranked.get("2024/c").<Boolean>getAs("flagged"));
  }

  @Test
  void theCapacityKeepsTheStrongestOfTheRejected() {
    Map<String, Row> ranked = byUnit(RiskScoring.rankAndFlag(units(), DetectConfig.defaults().withFlagging(0.05, 1)));
    long flagged = ranked.values().stream().filter(r -> r.<Boolean>getAs("flagged")).count();
    assertEquals(2, flagged, "one a year");
    assertTrue(ranked.get("2025/l00").<Boolean>getAs("flagged"));
    assertTrue(ranked.get("2024/a").<Boolean>getAs("flagged"), "the tie keeps the first key");
  }

  /** The random-effects fit of RandomEffectsTest's hand example, with a class outside the reference that must not count. */
  @Test
  void theRandomEffectsFitPerWork() {
    Dataset<Row> classes = spark().sql("SELECT * FROM VALUES "
        + "(2025, 'ma', 5, true, 0.0, 1.0, 2), (2025, 'ma', 5, true, 1.0, 1.0, 2), (2025, 'ma', 5, true, 2.0, 2.0, 4),"
        + "(2025, 'ma', 5, false, 9.0, 9.0, 30), (2025, 'ma', 5, true, 5.0, null, 1)"
        + " AS t(year, subject, grade, reference, z_mean, z_var, z_n)")
        .where("z_n > 1 OR reference = false");
    Row fit = Calibration.randomEffectsStats(classes, "s1", "z_mean", "z_var", "z_n", null).first();
    assertEquals(1.6, fit.<Double>getAs("s1_s2"), 1e-15);
    assertEquals(1.25, fit.<Double>getAs("s1_mu"), 1e-15);
    assertEquals(0.46, fit.<Double>getAs("s1_tau2"), 1e-14);
  }

  /** BetaBinomialTest's hand example: k = (1, 3, 5) of n = 5 each, rho = 19/44, taken from the work when its bands are thin. */
  @Test
  void theBetaBinomialEstimatePerWork() {
    Dataset<Row> classes = spark().sql("SELECT * FROM VALUES "
        + "(2025, 'ma', 5, true, 0.1, 1, 5), (2025, 'ma', 5, true, 0.2, 3, 5), (2025, 'ma', 5, true, 0.3, 5, 5),"
        + "(2025, 'ma', 5, false, 0.3, 0, 50) AS t(year, subject, grade, reference, z_mean, k, n)");
    Row fit = Calibration.betaBinomialStats(classes, "s6", "k", "n", DetectConfig.defaults().calibration()).first();
    assertEquals(0.6, fit.<Double>getAs("s6_rate"), 1e-15);
    assertEquals(19.0 / 44, fit.<Double>getAs("s6_rho"), 1e-14);
  }

  /**
   * S2's overdispersion from the placebo windows, by hand: two classes of 4 pupils with expected share
   * 0.5; one has all 4 on the cut, ((4 - 2)^2 - 1) = 3, the other 2, (0 - 1) = -1; over 2 * 4 * 3 * 0.25:
   * rho = 2 / 6. The real windows' shares are what each class is tested against.
   */
  @Test
  void theCutSignalsOverdispersionComesFromThePlaceboWindows() {
    Dataset<Row> cuts = spark().sql("SELECT * FROM VALUES "
        + "(2025, 'ma', 5, 'm01', 'e1', '5а', 0, 4, 2.0D, 0, 2.0D), (2025, 'ma', 5, 'm01', 'e2', '5а', 0, 2, 2.0D, 2, 2.0D),"
        + "(2025, 'ma', 5, 'm01', 'e1', '5а', 3, 5, 1.0D, 0, 3.0D), (2025, 'ma', 5, 'm01', 'e2', '5а', 3, 1, 1.0D, 3, 3.0D)"
        + " AS t(year, subject, grade, municipality_code, login, class, cut_mark, n_on, e_on, n_below, e_below)");
    List<Row> rows = CutSignal.of(cuts, 0.5).orderBy("login").collectAsList();
    assertEquals(2, rows.size());
    for (Row r : rows) {
      assertEquals(1.0 / 3, r.<Double>getAs("s2_rho"), 1e-15);
      assertEquals(0.25, r.<Double>getAs("s2_expected"), 1e-15);
    }
    assertEquals(5, rows.get(0).<Long>getAs("on_cut"));
    assertEquals(3.5, rows.get(0).<Double>getAs("pushed"), 1e-15, "((5 - 1) + (3 - 0)) / 2");
  }

  /**
   * The outlier model on 400 ordinary evidence vectors (independent standard normals in every signal),
   * 12 with strong evidence in two signals and 12 far on the harmless side of them: the first are the
   * outliers (p far below what a rank among 424 could give), the second are not (the distance is
   * one-sided), and the ordinary ones stay ordinary (the chi-bar-square tail of a robust fit).
   */
  @Test
  void theMahalanobisScoreIsOneSidedAndCalibratedOnTheGroup() {
    int d = Signal.all().size();
    StringBuilder ordinary = new StringBuilder();
    StringBuilder shifted = new StringBuilder();
    for (int i = 0; i < d; i++) {
      String cell = "randn(" + (100 + i) + ")";
      ordinary.append(i == 0 ? "" : ", ").append(cell);
      shifted.append(i == 0 ? "" : ", ").append(i < 2 ? "%1$s" : cell);
    }
    Dataset<Row> classes = spark().sql(
        "SELECT 2025 AS year, 1 AS peer_group, true AS scored, 'ordinary' AS kind, array(" + ordinary + ") AS evidence FROM range(400)"
            + " UNION ALL SELECT 2025, 1, true, 'suspicious', array(" + String.format(Locale.ROOT, shifted.toString(), "4.0D") + ") FROM range(12)"
            + " UNION ALL SELECT 2025, 1, true, 'harmless', array(" + String.format(Locale.ROOT, shifted.toString(), "-4.0D") + ") FROM range(12)"
            + " UNION ALL SELECT 2025, 1, false, 'unscored', array(" + ordinary + ") FROM range(3)");
    List<Row> rows = Outliers.mahalanobis(classes, DetectConfig.defaults().mahalanobis())
        .select("kind", "mahalanobis_p", "mahalanobis_year_p").collectAsList();
    int ordinaryBelow10 = 0;
    int ordinaryCount = 0;
    for (Row r : rows) {
      String kind = r.getString(0);
      if (kind.equals("unscored")) {
        assertTrue(r.isNullAt(1) && r.isNullAt(2), "an unscored class has no outlier score");
        continue;
      }
      double p = r.getDouble(1);
      assertEquals(p, r.getDouble(2), 1e-12, "one peer group: the group is the year");
      if (kind.equals("suspicious")) assertTrue(p < 1e-4, kind + " p " + p);
      if (kind.equals("harmless")) assertTrue(p > 0.2, kind + " p " + p);
      if (kind.equals("ordinary")) {
        ordinaryCount++;
        if (p < 0.1) ordinaryBelow10++;
      }
    }
    assertEquals(400, ordinaryCount);
    assertTrue(ordinaryBelow10 > 15 && ordinaryBelow10 < 65, "ordinary classes with p < 0.1: " + ordinaryBelow10);
  }
}
