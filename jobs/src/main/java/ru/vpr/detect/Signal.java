package ru.vpr.detect;

import java.util.List;

/**
 * The signals of biased grading, each a p-value column of {@code class_signals} (small = suspicious).
 * The code is what {@code reasons} lists; the Russian text is what officials read.
 */
public enum Signal {
  LEVEL("S1_level", "s1_p", "результаты выше ожидаемых для школ такого типа"),
  THRESHOLDS("S2_thresholds", "s2_p",
      "на границах отметок больше учащихся, а чуть ниже границ меньше, чем ожидается для учащихся такого уровня"),
  INVERSION("S3_inversion", "s3_p", "сложные задания выполнены лучше лёгких"),
  LOW_SPREAD("S4_low_spread", "s4_spread_p", "слишком малый разброс баллов в классе"),
  IDENTICAL("S4_identical", "s4_identical_p", "одинаковые работы (совпадают баллы по всем заданиям)"),
  RUBRIC("S5_rubric", "s5_p", "задания с развёрнутым ответом оценены выше, чем подтверждают задания с кратким ответом"),
  JOURNAL("S6_journal", "s6_p", "отметки за ВПР совпадают с журнальными чаще обычного"),
  JUMP("S7_jump", "s7_p", "резкий рост по сравнению с прошлыми годами школы"),
  FEW_BLANKS("S8_few_blanks", "s8_p", "слишком мало невыполненных заданий");

  private final String code;
  private final String column;
  private final String russian;

  Signal(String code, String column, String russian) {
    this.code = code;
    this.column = column;
    this.russian = russian;
  }

  public String code() { return code; }

  /** The p-value column in class_signals. */
  public String column() { return column; }

  /** The reason in plain Russian, for lists and reports. */
  public String russian() { return russian; }

  public static List<Signal> all() {
    return List.of(values());
  }

  public static Signal ofCode(String code) {
    for (Signal s : values()) if (s.code.equals(code)) return s;
    throw new IllegalArgumentException("unknown signal code " + code);
  }
}
