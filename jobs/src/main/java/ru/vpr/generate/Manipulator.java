package ru.vpr.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ru.vpr.reference.Scale;
import ru.vpr.reference.TaskSpec;

/**
 * Plants one manipulation in a class's honest results. Each method changes only the scores it must,
 * the way teachers who check their own pupils' works do it, and returns how many pupils it touched.
 * Intensity (0..1] scales how many pupils and points are affected.
 */
final class Manipulator {

  int apply(Manipulation kind, double intensity, ClassWork work, SplittableRandom r) {
    int affected = switch (kind) {
      case THRESHOLD_PUSH -> thresholdPush(work, intensity, r);
      case ENDEMIC_PUSH -> throw new IllegalArgumentException("endemic pushing has its own reach and share: pushOverFirstCut");
      case RUBRIC_INFLATION -> rubricInflation(work, intensity, r);
      case DICTATION -> dictation(work, intensity, r);
      case COPIED_WORKS -> copiedWorks(work, intensity, r);
      case MARK_ALIGNMENT -> markAlignment(work, intensity, r);
      case STRONG_HONEST -> 0;
    };
    return affected;
  }

  /** Scores 1 to 3 points below min3, min4 or min5 pushed to exactly that threshold (New York Regents style). */
  int thresholdPush(ClassWork work, double intensity, SplittableRandom r) {
    Scale scale = work.spec.scale();
    int affected = 0;
    for (PupilWork p : work.present()) {
      int total = p.total();
      for (int mark = 3; mark <= 5; mark++) {
        int gap = scale.firstScoreOf(mark) - total;
        if (gap >= 1 && gap <= 3) {
          if (r.nextDouble() < intensity && addPoints(work, p, gap) == gap) affected++;
          break;
        }
      }
    }
    return affected;
  }

  /**
   * Endemic pushing, as real regions show it: of the pupils 1 to {@code reach} points under the first
   * score of mark 3, a {@code share} is lifted exactly onto it (a school's own habit: how far it goes and
   * how often, the same in every class). Only the 2 to 3 cut: a mark 2 is what schools are judged by.
   */
  int pushOverFirstCut(ClassWork work, int reach, double share, SplittableRandom r) {
    int cut = work.spec.scale().firstScoreOf(3);
    int affected = 0;
    for (PupilWork p : work.present()) {
      int gap = cut - p.total();
      if (gap >= 1 && gap <= reach && r.nextDouble() < share && addPoints(work, p, gap) == gap) affected++;
    }
    return affected;
  }

  /** One or two extra points on rubric tasks already attempted: the teacher reads the criteria generously. */
  int rubricInflation(ClassWork work, double intensity, SplittableRandom r) {
    List<TaskSpec> tasks = work.spec.tasks();
    int affected = 0;
    for (PupilWork p : work.present()) {
      boolean changed = false;
      for (int t = 0; t < tasks.size(); t++) {
        TaskSpec task = tasks.get(t);
        if (!task.isRubric() || p.scores[t] == PupilWork.X || p.scores[t] >= task.max()) continue;
        if (r.nextDouble() < 0.3 + 0.5 * intensity) {
          int extra = r.nextDouble() < 0.3 * intensity ? 2 : 1;
          p.scores[t] = Math.min(task.max(), p.scores[t] + extra);
          changed = true;
        }
      }
      if (changed) affected++;
    }
    return affected;
  }

  /** Advanced and high tasks solved in full by most of the class: answers told during the work. */
  int dictation(ClassWork work, double intensity, SplittableRandom r) {
    List<TaskSpec> tasks = work.spec.tasks();
    int affected = 0;
    for (PupilWork p : work.present()) {
      boolean changed = false;
      for (int t = 0; t < tasks.size(); t++) {
        TaskSpec task = tasks.get(t);
        if (task.level().equals(TaskSpec.BASIC) || p.scores[t] == task.max()) continue;
        if (r.nextDouble() < 0.4 + 0.5 * intensity) {
          p.scores[t] = task.max();
          changed = true;
        }
      }
      if (changed) affected++;
    }
    return affected;
  }

  /** A share of the class hands in one good pupil's work: identical score vectors and variant. */
  int copiedWorks(ClassWork work, double intensity, SplittableRandom r) {
    List<PupilWork> present = new ArrayList<>(work.present());
    if (present.size() < 4) return 0;
    present.sort((a, b) -> Integer.compare(b.honestTotal(), a.honestTotal()));
    PupilWork source = present.get(r.nextInt(Math.max(1, present.size() / 3)));
    List<PupilWork> others = new ArrayList<>(present);
    others.remove(source);
    int copies = Math.max(2, (int) Math.round(present.size() * (0.15 + 0.35 * intensity)));
    copies = Math.min(copies, others.size());
    for (int i = 0; i < copies; i++) {
      PupilWork target = others.remove(r.nextInt(others.size()));
      System.arraycopy(source.scores, 0, target.scores, 0, source.scores.length);
      target.variant = source.variant;
    }
    return copies + 1;
  }

  /** Scores moved into the range of the journal mark, so the VPR "confirms" the journal. */
  int markAlignment(ClassWork work, double intensity, SplittableRandom r) {
    Scale scale = work.spec.scale();
    int affected = 0;
    for (PupilWork p : work.present()) {
      if (p.journal == 0) continue;
      int mark = scale.markFor(p.total());
      if (mark == p.journal || r.nextDouble() >= 0.4 + 0.6 * intensity) continue;
      if (p.journal > mark) {
        int need = scale.firstScoreOf(p.journal) - p.total();
        if (addPoints(work, p, need) == need) affected++;
      } else {
        int ceiling = p.journal == 5 ? scale.max() : scale.firstScoreOf(p.journal + 1) - 1;
        int excess = p.total() - ceiling;
        if (removePoints(work, p, excess) == excess) affected++;
      }
    }
    return affected;
  }

  /**
   * Adds points one at a time: rubric tasks first (where a generous reading is easiest to defend),
   * then rubric tasks left blank, then key tasks. Returns the points added.
   */
  static int addPoints(ClassWork work, PupilWork p, int points) {
    List<TaskSpec> tasks = work.spec.tasks();
    int added = 0;
    for (int pass = 0; pass < 3 && added < points; pass++) {
      for (int t = 0; t < tasks.size() && added < points; t++) {
        TaskSpec task = tasks.get(t);
        boolean x = p.scores[t] == PupilWork.X;
        boolean eligible = switch (pass) {
          case 0 -> task.isRubric() && !x;
          case 1 -> task.isRubric() && x;
          default -> !task.isRubric();
        };
        if (!eligible) continue;
        int current = x ? 0 : p.scores[t];
        int add = Math.min(task.max() - current, points - added);
        if (add <= 0) continue;
        p.scores[t] = current + add;
        added += add;
      }
    }
    return added;
  }

  /** Takes points away, rubric tasks first. Returns the points removed. */
  static int removePoints(ClassWork work, PupilWork p, int points) {
    List<TaskSpec> tasks = work.spec.tasks();
    int removed = 0;
    for (int pass = 0; pass < 2 && removed < points; pass++) {
      for (int t = 0; t < tasks.size() && removed < points; t++) {
        if (tasks.get(t).isRubric() != (pass == 0) || p.scores[t] <= 0) continue;
        int take = Math.min(p.scores[t], points - removed);
        p.scores[t] -= take;
        removed += take;
      }
    }
    return removed;
  }
}
