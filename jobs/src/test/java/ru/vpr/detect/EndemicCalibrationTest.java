package ru.vpr.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/**
 * S2 in a region where pushing is endemic: half of the schools lift most of their pupils who fall 1 to
 * 3 points short of mark 3 onto it. A test against the region's own rates would take that for normal
 * and find the honest classes unusually clean (p near 1) and the pushers ordinary; against the
 * counterfactual the honest classes stay ordinary and the pushers stand out.
 */
class EndemicCalibrationTest extends SparkTestBase {
  private static final List<Double> honest = new ArrayList<>();
  private static final List<Double> pushed = new ArrayList<>();

  @BeforeAll
  static void signals() {
    DetectFixtures f = FixtureSignals.cleanRegion();
    Set<String> logins = new TreeSet<>();
    for (DetectFixtures.ClassKey k : f.classKeys(FixtureSignals.YEAR)) logins.add(k.login());
    Set<String> pushers = new TreeSet<>();
    int i = 0;
    for (String login : logins) if (i++ % 2 == 0) pushers.add(login);
    for (int year : f.years()) {
      for (DetectFixtures.ClassKey k : f.classKeys(year)) if (pushers.contains(k.login())) f.pushOverFirstCut(k, 0.8, 3);
    }
    for (Row r : FixtureSignals.signals(spark(), f)) {
      Double p = FixtureSignals.value(r, "s2_p");
      if (!FixtureSignals.scored(r) || p == null) continue;
      (pushers.contains(FixtureSignals.key(r).login()) ? pushed : honest).add(p);
    }
    System.out.println("EndemicCalibrationTest S2 " + describe("honest", honest) + "; " + describe("pushed", pushed));
  }

  private static double share(List<Double> ps, double below) {
    return ps.stream().filter(p -> p < below).count() / (double) ps.size();
  }

  private static String describe(String who, List<Double> ps) {
    return String.format(Locale.ROOT, "%s: %d classes, below 0.05 %.3f, below 0.5 %.3f, above 0.9 %.3f", who, ps.size(),
        share(ps, 0.05), share(ps, 0.5), 1 - share(ps, 0.9));
  }

  @Test
  void honestClassesOfAnInflatedRegionDoNotAllLookClean() {
    assertTrue(honest.size() > 100, describe("honest", honest));
    assertTrue(share(honest, 0.5) > 0.3, describe("honest", honest));
    assertTrue(1 - share(honest, 0.9) < 0.3, describe("honest", honest));
    assertTrue(share(honest, 0.05) < 0.1, describe("honest", honest));
  }

  @Test
  void thePushersStandOutAgainstTheCounterfactual() {
    assertTrue(share(pushed, 0.05) > 3 * share(honest, 0.05) && share(pushed, 0.05) > 0.25,
        describe("pushed", pushed) + "; " + describe("honest", honest));
  }
}
