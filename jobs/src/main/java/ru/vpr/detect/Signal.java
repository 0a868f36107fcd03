package ru.vpr.detect;

import java.util.List;

/**
 * The signals of biased grading, each a p-value column of {@code class_signals} (small = suspicious).
 * The code is what {@code reasons} lists; the Russian text is what officials read; the spec says how
 * the p-value is made.
 */
public enum Signal {
  LEVEL("S1_level", "s1_p", "результаты выше ожидаемых для школ такого типа",
      new SignalSpec.MeanShift("z_mean", "z_var", "z_n", new SignalSpec.AtColumn("expected_level"))),
  THRESHOLDS("S2_thresholds", "s2_p",
      "на границах отметок больше учащихся, а чуть ниже границ меньше, чем ожидается для учащихся такого уровня",
      new SignalSpec.Given(CutSignal::p)),
  // Dictation gives away hard tasks: the person-fit is judged against classes of a like success on basic tasks.
  INVERSION("S3_inversion", "s3_p", "сложные задания выполнены лучше лёгких",
      new SignalSpec.MeanShift("fit_mean", "fit_var", "fit_n", new SignalSpec.OnTrend("basic_pct"))),
  LOW_SPREAD("S4_low_spread", "s4_spread_p", "слишком малый разброс баллов в классе", new SignalSpec.TooAlike()),
  IDENTICAL("S4_identical", "s4_identical_p", "одинаковые работы (совпадают баллы по всем заданиям)",
      new SignalSpec.Given(() -> org.apache.spark.sql.functions.col("identical_p"))),
  // No checker can add points to key-scored tasks: the rubric gap is judged against classes of a like success there.
  RUBRIC("S5_rubric", "s5_p", "задания с развёрнутым ответом оценены выше, чем подтверждают задания с кратким ответом",
      new SignalSpec.MeanShift("rubric_mean", "rubric_var", "rubric_n", new SignalSpec.OnTrend("key_pct"))),
  JOURNAL("S6_journal", "s6_p", "отметки за ВПР совпадают с журнальными чаще обычного",
      new SignalSpec.Rate("confirmed", "with_journal", SignalSpec.Tail.UPPER)),
  JUMP("S7_jump", "s7_p", "резкий рост по сравнению с прошлыми годами школы",
      new SignalSpec.MeanShift("z_mean", "z_var", "z_n", new SignalSpec.AtColumn("hist_mean"))),
  FEW_BLANKS("S8_few_blanks", "s8_p", "слишком мало невыполненных заданий",
      new SignalSpec.Rate("not_attempted", "task_cells", SignalSpec.Tail.LOWER));

  private final String code;
  private final String column;
  private final String russian;
  private final SignalSpec spec;

  Signal(String code, String column, String russian, SignalSpec spec) {
    this.code = code;
    this.column = column;
    this.russian = russian;
    this.spec = spec;
  }

  public String code() { return code; }

  /** The p-value column in class_signals. */
  public String column() { return column; }

  /** The prefix of the signal's columns and estimates ({@code s1} for {@code s1_p}). */
  String prefix() {
    return column.substring(0, column.length() - "_p".length());
  }

  /** How its p-value is made. */
  SignalSpec spec() {
    return spec;
  }

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
