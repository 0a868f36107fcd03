package ru.vpr.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.reference.Scale;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.TaskSpec;

/**
 * Compares planted classes with their own honest draw (kept in memory by the simulator): each
 * manipulation must change the data in the way its label claims, and strong classes must stay honest.
 */
class ManipulationEffectTest {
  static final Map<Manipulation, List<ClassWork>> planted = new EnumMap<>(Manipulation.class);
  static final List<ClassWork> all = new ArrayList<>();

  @BeforeAll
  static void simulate() {
    GeneratorSettings settings = GeneratorSettings.of("unused", Preset.SAMPLE).withManipulatedShare(0.3).withEndemicShare(0.3);
    SpecCatalog catalog = new SpecFactory().catalog(settings.years());
    RegistryFactory registry = new RegistryFactory(settings.seed(), settings.preset(), settings.manipulatedShare());
    List<SchoolProfile> schools = registry.schools(registry.municipalities());
    RegionSimulator simulator = new RegionSimulator(settings, catalog, schools);
    for (SchoolProfile school : schools) {
      for (int year : settings.years()) {
        for (RegionSimulator.SchoolWork work : simulator.simulate(school, year).works()) {
          for (ClassWork cw : work.classes()) {
            all.add(cw);
            if (cw.planted != null) planted.computeIfAbsent(cw.planted, k -> new ArrayList<>()).add(cw);
          }
        }
      }
    }
  }

  @Test
  void everyKindIsPlantedAndLabelsCountTheChangedPupils() {
    for (Manipulation m : Manipulation.values()) assertTrue(planted.containsKey(m), "no " + m);
    for (ClassWork cw : all) {
      long changed = cw.present().stream().filter(p -> !java.util.Arrays.equals(p.scores, p.honest)).count();
      if (cw.planted == null || cw.planted == Manipulation.STRONG_HONEST) {
        assertEquals(0, changed, "unlabelled class changed");
      } else if (cw.planted != Manipulation.COPIED_WORKS) {
        assertTrue(changed >= cw.pupilsAffected && changed > 0, cw.planted + " changed " + changed);
      }
    }
  }

  @Test
  void thresholdPushLandsPupilsExactlyOnAThreshold() {
    int atBefore = 0;
    int atAfter = 0;
    for (ClassWork cw : planted.get(Manipulation.THRESHOLD_PUSH)) {
      Scale s = cw.spec.scale();
      for (PupilWork p : cw.present()) {
        if (isThreshold(s, p.honestTotal())) atBefore++;
        if (isThreshold(s, p.total())) atAfter++;
        if (p.total() != p.honestTotal()) {
          assertTrue(isThreshold(s, p.total()), "pushed to " + p.total());
          assertTrue(p.total() - p.honestTotal() <= 3);
        }
      }
    }
    assertTrue(atAfter > 1.5 * atBefore, "at thresholds before " + atBefore + " after " + atAfter);
  }

  @Test
  void rubricInflationOnlyRaisesRubricTasks() {
    for (ClassWork cw : planted.get(Manipulation.RUBRIC_INFLATION)) {
      List<TaskSpec> tasks = cw.spec.tasks();
      for (PupilWork p : cw.present()) {
        for (int t = 0; t < tasks.size(); t++) {
          if (p.scores[t] == p.honest[t]) continue;
          assertTrue(tasks.get(t).isRubric());
          assertTrue(p.scores[t] > p.honest[t] && p.scores[t] <= tasks.get(t).max());
        }
      }
    }
  }

  @Test
  void dictationMakesHardTasksMostlySolved() {
    for (ClassWork cw : planted.get(Manipulation.DICTATION)) {
      List<TaskSpec> tasks = cw.spec.tasks();
      double before = 0;
      double after = 0;
      int n = 0;
      for (PupilWork p : cw.present()) {
        for (int t = 0; t < tasks.size(); t++) {
          TaskSpec task = tasks.get(t);
          if (task.level().equals(TaskSpec.BASIC)) {
            assertEquals(p.honest[t], p.scores[t], "basic tasks untouched");
            continue;
          }
          before += Math.max(0, p.honest[t]) / (double) task.max();
          after += p.scores[t] / (double) task.max();
          n++;
        }
      }
      assertTrue(after / n > before / n + 0.15, "hard-task completion " + before / n + " -> " + after / n);
    }
  }

  @Test
  void copiedWorksShareOneScoreVector() {
    for (ClassWork cw : planted.get(Manipulation.COPIED_WORKS)) {
      Map<String, Integer> vectors = new HashMap<>();
      for (PupilWork p : cw.present()) vectors.merge(java.util.Arrays.toString(p.scores), 1, Integer::sum);
      int largest = vectors.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      assertEquals(cw.pupilsAffected, largest);
      assertTrue(largest >= 3);
    }
  }

  @Test
  void markAlignmentRaisesAgreementWithTheJournal() {
    int before = 0;
    int after = 0;
    for (ClassWork cw : planted.get(Manipulation.MARK_ALIGNMENT)) {
      Scale s = cw.spec.scale();
      for (PupilWork p : cw.present()) {
        if (p.journal == 0) continue;
        if (s.markFor(p.honestTotal()) == p.journal) before++;
        if (s.markFor(p.total()) == p.journal) after++;
        if (p.total() != p.honestTotal()) assertEquals(p.journal, s.markFor(p.total()));
      }
    }
    assertTrue(after > before, before + " -> " + after);
  }

  @Test
  void strongClassesAreHonestAndAboveTheirSchool() {
    double strong = 0;
    double others = 0;
    int ns = 0;
    int no = 0;
    for (ClassWork cw : all) {
      if (!cw.school.kind().strong()) continue;
      for (PupilWork p : cw.present()) {
        if (cw.planted == Manipulation.STRONG_HONEST) assertArrayEquals(p.honest, p.scores);
        double share = p.total() / (double) cw.spec.scale().max();
        if (cw.planted == Manipulation.STRONG_HONEST) { strong += share; ns++; } else if (cw.planted == null) { others += share; no++; }
      }
    }
    assertTrue(ns > 0 && no > 0);
    assertTrue(strong / ns > others / no + 0.05, "strong " + strong / ns + " others " + others / no);
  }

  private static boolean isThreshold(Scale s, int total) {
    return total == s.min3() || total == s.min4() || total == s.min5();
  }
}
