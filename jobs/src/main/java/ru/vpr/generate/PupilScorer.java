package ru.vpr.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ru.vpr.reference.Scale;

/** Honest results of a class in a work: scores, X, absences, variants and journal marks. */
final class PupilScorer {
  /** Share of pupils whose journal mark equals the honest VPR mark, before clamping to 2..5. */
  static final double JOURNAL_AGREEMENT = 0.62;
  static final double JOURNAL_MISSING = 0.03;

  List<PupilWork> score(SchoolProfile school, SchoolClass schoolClass, ItemModel items, SplittableRandom r) {
    int tasks = items.spec().tasks().size();
    Scale scale = items.spec().scale();
    // A school prints two variants of its own and hands them out alternately.
    int firstVariant = 1 + 2 * r.nextInt(10);
    List<PupilWork> rows = new ArrayList<>();
    int seat = 0;
    for (Pupil pupil : schoolClass.pupils()) {
      boolean absent = r.nextDouble() < school.absenceRate();
      if (absent) {
        int expected = scale.markFor((int) Math.round(items.expectedScore(pupil.theta())));
        rows.add(new PupilWork(pupil, true, 0, null, journal(school, expected, r)));
        continue;
      }
      int[] scores = new int[tasks];
      for (int t = 0; t < tasks; t++) {
        scores[t] = r.nextDouble() < items.notAttemptedChance(t, pupil.theta())
            ? PupilWork.X : items.drawScore(t, pupil.theta(), r);
      }
      int journal = journal(school, scale.markFor(PupilWork.total(scores)), r);
      rows.add(new PupilWork(pupil, false, firstVariant + (seat++ % 2), scores, journal));
    }
    return rows;
  }

  /**
   * The teacher's journal mark against the honest VPR mark: equal most of the time, otherwise off by
   * one (rarely two), upwards more often in lenient schools.
   */
  private int journal(SchoolProfile school, int honestMark, SplittableRandom r) {
    if (r.nextDouble() < JOURNAL_MISSING) return 0;
    if (r.nextDouble() < JOURNAL_AGREEMENT) return honestMark;
    int step = r.nextDouble() < 0.1 ? 2 : 1;
    boolean up = r.nextDouble() < 0.45 + 0.45 * school.leniency();
    int mark = honestMark + (up ? step : -step);
    if (mark < 2 || mark > 5) mark = honestMark + (up ? -step : step);
    return Math.max(2, Math.min(5, mark));
  }
}
