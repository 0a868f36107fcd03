package ru.vpr.publish.model;

import java.util.Map;

/** Why a work was chosen for re-checking: codes for machines, plain Russian for the commission. */
public final class RecheckReason {
  public static final String THRESHOLD = "threshold";
  public static final String JOURNAL = "journal";
  public static final String INVERSION = "inversion";
  public static final String IDENTICAL = "identical";
  public static final String RUBRIC = "rubric";
  public static final String FLAGGED_CLASS = "flagged_class";
  public static final String CONTROL = "control";

  private static final Map<String, String> RUSSIAN = Map.of(
      THRESHOLD, "балл ровно на границе отметки или на 1 балл выше",
      JOURNAL, "отметка совпала с журнальной, едва достигнув границы",
      INVERSION, "решены трудные задания при нерешённых лёгких",
      IDENTICAL, "работа совпадает с другой работой класса по всем заданиям",
      RUBRIC, "баллы за задания с развёрнутым ответом выше, чем предсказывают задания с кратким ответом",
      FLAGGED_CLASS, "работа класса из зоны риска с наибольшим баллом",
      CONTROL, "случайная контрольная выборка из школ вне зоны риска");

  private RecheckReason() {}

  /** Every code with its words. */
  public static Map<String, String> all() {
    return RUSSIAN;
  }

  /** The reason in Russian; an unknown code is returned as it is. */
  public static String russian(String code) {
    return RUSSIAN.getOrDefault(code, code);
  }
}
