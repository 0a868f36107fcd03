package ru.vpr.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import ru.vpr.config.PublishConfig;
import ru.vpr.test.SparkTestBase;

/**
 * Partner schools on hand-made levels: F is flagged in 2025 (municipality 01, peer group 1). Of the
 * candidates only P1, P2 (same municipality, stably high) and P5 (peer group 1 elsewhere) qualify:
 * P3 was flagged two years ago, P4 has one year of results, P6 is in another peer group and another
 * municipality, P7 is not high, and F and G are flagged themselves.
 */
class PartnerSchoolsTest extends SparkTestBase {
  private static final PublishConfig.Partners SETTINGS = new PublishConfig.Partners(3, 3, 2, 0.25);

  @Test
  void choosesStablyHighUnflaggedSchoolsOfTheMunicipalityFirstThenThePeerGroup() {
    Frames signals = Frames.of("year INT, login STRING, scored BOOLEAN, z_mean DOUBLE, written BIGINT");
    Frames totals = Frames.of("year INT, municipality_code STRING, login STRING, flagged BOOLEAN");
    Frames peers = Frames.of("year INT, login STRING, peer_group INT");
    Frames schools = Frames.of("login STRING, name STRING, municipality_code STRING");
    school(signals, totals, peers, schools, "F", "01", 1, new double[] {1.5, 1.5, 1.5}, 2025);
    school(signals, totals, peers, schools, "G", "01", 1, new double[] {2.5, 2.5, 2.5}, 2025);
    school(signals, totals, peers, schools, "P1", "01", 1, new double[] {0.8, 0.9, 1.0}, 0);
    school(signals, totals, peers, schools, "P2", "01", 2, new double[] {Double.NaN, 0.5, 0.6}, 0);
    school(signals, totals, peers, schools, "P3", "01", 1, new double[] {1.5, 1.5, 1.5}, 2023);
    school(signals, totals, peers, schools, "P4", "01", 1, new double[] {Double.NaN, Double.NaN, 0.9}, 0);
    school(signals, totals, peers, schools, "P5", "02", 1, new double[] {2.0, 2.0, 2.0}, 0);
    school(signals, totals, peers, schools, "P6", "02", 2, new double[] {2.0, 2.0, 2.0}, 0);
    school(signals, totals, peers, schools, "P7", "01", 1, new double[] {0.1, 0.1, 0.1}, 0);
    // A scored class below the bar in 2024 pulls P1's weighted level down only a little (0.9 * 30 + 0.0 * 5) / 35.
    signals.row(2024, "P1", true, 0.0, 5L);
    // An unscored class does not count.
    signals.row(2025, "P7", false, 5.0, 3L);

    Dataset<Row> chosen = new PartnerSchools(SETTINGS).choose(List.of(2025), signals.frame(spark()),
        totals.frame(spark()), peers.frame(spark()), schools.frame(spark()));
    List<Row> rows = chosen.orderBy("login", "rank").collectAsList();
    assertEquals(PartnerSchools.COLUMNS, List.of(chosen.columns()));
    assertEquals(List.of("F:1:P1:municipality", "F:2:P2:municipality", "F:3:P5:peer_group",
            "G:1:P1:municipality", "G:2:P2:municipality", "G:3:P5:peer_group"),
        rows.stream().map(r -> r.getAs("login") + ":" + r.getAs("rank") + ":" + r.getAs("partner_login") + ":"
            + r.getAs("basis")).toList());
    Set<String> flagged = Set.of("F", "G", "P3");
    assertTrue(rows.stream().noneMatch(r -> flagged.contains(r.<String>getAs("partner_login"))),
        "a partner is never flagged itself");
    Row p1 = rows.get(0);
    assertEquals((0.9 * 30 + 0.0 * 5) / 35, p1.<Double>getAs("level"), 1e-9, "level = lowest yearly weighted mean");
    assertEquals("school P1", p1.getAs("partner_name"));
  }

  /** A school with a level per year 2023..2025 (NaN: no results that year), flagged in {@code flaggedIn} (0: never). */
  private static void school(Frames signals, Frames totals, Frames peers, Frames schools, String login, String municipality,
      int peerGroup, double[] levels, int flaggedIn) {
    schools.row(login, "school " + login, municipality);
    peers.row(2025, login, peerGroup);
    for (int i = 0; i < levels.length; i++) {
      int year = 2023 + i;
      if (Double.isNaN(levels[i])) continue;
      signals.row(year, login, true, levels[i], 30L);
      totals.row(year, municipality, login, year == flaggedIn);
    }
  }
}
