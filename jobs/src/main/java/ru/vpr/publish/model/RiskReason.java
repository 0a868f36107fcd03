package ru.vpr.publish.model;

import java.util.Map;
import ru.vpr.detect.Rollup;
import ru.vpr.detect.Signal;

/**
 * The reason codes of risk_classes and risk_schools in plain Russian, for the people who read the
 * list: signals, outlier models and why a unit was not scored.
 */
public final class RiskReason {
  private static final Map<String, String> OTHERS = Map.of(
      "O_mahalanobis_peer", "необычное сочетание признаков по сравнению со школами такого же типа",
      "O_mahalanobis_year", "необычное сочетание признаков по сравнению со всеми классами года",
      "O_isolation_forest", "необычное сочетание признаков (модель изолирующего леса)",
      "too_few_pupils", "слишком мало участников для оценки",
      "no_scores", "нет баллов по заданиям",
      Rollup.NO_SCORED_CLASS, "ни один класс школы не оценён (слишком мало участников или нет баллов)");

  private RiskReason() {}

  /** Every known code with its words: the signals', the outlier models' and the unscored reasons'. */
  public static Map<String, String> all() {
    Map<String, String> words = new java.util.TreeMap<>(OTHERS);
    for (Signal signal : Signal.all()) words.put(signal.code(), signal.russian());
    return words;
  }

  /** The reason in Russian; an unknown code is returned as it is rather than hidden. */
  public static String russian(String code) {
    for (Signal signal : Signal.all()) if (signal.code().equals(code)) return signal.russian();
    return OTHERS.getOrDefault(code, code);
  }
}
