package ru.vpr.generate;

import java.util.List;

/**
 * A class in one year. {@code strong} marks a genuinely strong class (a negative control).
 */
record SchoolClass(int grade, char letter, List<Pupil> pupils, boolean strong) {

  /** Normalised name as the contract and labels.csv use it: {@code 5А}. */
  String name() {
    return grade + String.valueOf(letter);
  }
}
