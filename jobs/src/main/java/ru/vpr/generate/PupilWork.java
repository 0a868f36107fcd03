package ru.vpr.generate;

/**
 * One pupil's row of a form. Scores use {@link #X} for a task not attempted; {@code honest} keeps
 * what the pupil really earned, so manipulations can be measured and re-checks reported.
 */
final class PupilWork {
  static final int X = -1;

  final Pupil pupil;
  final boolean absent;
  int variant;
  final int[] scores;
  final int[] honest;
  /** Journal mark 2..5, or 0 when the journal gives none. */
  final int journal;


  PupilWork(Pupil pupil, boolean absent, int variant, int[] scores, int journal) {
    this.pupil = pupil;
    this.absent = absent;
    this.variant = variant;
    this.scores = scores;
    this.honest = scores == null ? null : scores.clone();
    this.journal = journal;
  }

  static int total(int[] scores) {
    int sum = 0;
    for (int s : scores) if (s > 0) sum += s;
    return sum;
  }

  int total() {
    return total(scores);
  }

  int honestTotal() {
    return total(honest);
  }
}
