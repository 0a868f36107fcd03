package ru.vpr.generate;

import java.util.SplittableRandom;

/**
 * How one school fills in FIS OKO's forms, as the real exports show it (contract §1.4): the class as a
 * letter alone, {@code нет} when the school has one class in the grade, {@code x} or {@code Х} or
 * {@code не пройд.} for a task not attempted, a journal mark followed by a non-breaking space. Drawn once
 * per school from its own stream, so the region's results are the same in either layout.
 */
record FisOkoHabits(ClassCell classCell, String singleClass, String notAttempted, boolean trailingSpaceInMarks,
    String noMark, boolean lowerCaseSex) {

  enum ClassCell { LETTER_LOWER, LETTER_UPPER, GRADE_AND_LETTER }

  static FisOkoHabits draw(SplittableRandom r) {
    double c = r.nextDouble();
    ClassCell cell = c < 0.45 ? ClassCell.LETTER_LOWER : c < 0.85 ? ClassCell.LETTER_UPPER : ClassCell.GRADE_AND_LETTER;
    double s = r.nextDouble();
    String single = s < 0.7 ? "нет" : s < 0.8 ? "НЕТ" : s < 0.9 ? "GRADE" : "LETTER";
    double x = r.nextDouble();
    String notAttempted = x < 0.75 ? "X" : x < 0.9 ? "x" : x < 0.97 ? "Х" : "х";
    return new FisOkoHabits(cell, single, notAttempted, r.nextDouble() < 0.05, r.nextDouble() < 0.1 ? "нет отметки" : "",
        r.nextDouble() < 0.9);
  }

  /** The class cell of a class of {@code grade} with {@code letter}; {@code single} when it is the grade's only class. */
  String className(int grade, char letter, boolean single) {
    if (single && !singleClass.equals("LETTER")) return singleClass.equals("GRADE") ? String.valueOf(grade) : singleClass;
    return switch (classCell) {
      case LETTER_LOWER -> String.valueOf(Character.toLowerCase(letter));
      case LETTER_UPPER -> String.valueOf(letter);
      case GRADE_AND_LETTER -> grade + String.valueOf(Character.toLowerCase(letter));
    };
  }

  /** The cell of a task not attempted: the school's own token, now and then FIS OKO's {@code не пройд.}. */
  String notAttempted(SplittableRandom r) {
    return r.nextDouble() < 0.03 ? "не пройд." : notAttempted;
  }

  String journalMark(int mark) {
    if (mark == 0) return noMark;
    return trailingSpaceInMarks ? mark + "\u00A0" : String.valueOf(mark);
  }

  String sex(char gender) {
    String s = String.valueOf(gender);
    return lowerCaseSex ? s.toLowerCase(java.util.Locale.ROOT) : s;
  }
}
