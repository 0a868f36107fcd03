package ru.vpr.generate;

import java.util.Locale;
import java.util.Map;

/** Subject names in the dative, as FIS OKO's file names have them ({@code по окружающему миру}). */
final class SubjectCases {
  private static final Map<String, String> DATIVE = Map.ofEntries(
      Map.entry("ru", "русскому языку"), Map.entry("ma", "математике"), Map.entry("ok", "окружающему миру"),
      Map.entry("lr", "литературному чтению"), Map.entry("li", "литературе"), Map.entry("hi", "истории"),
      Map.entry("ob", "обществознанию"), Map.entry("ge", "географии"), Map.entry("bi", "биологии"),
      Map.entry("ph", "физике"), Map.entry("ch", "химии"), Map.entry("in", "информатике"),
      Map.entry("en", "английскому языку"), Map.entry("de", "немецкому языку"), Map.entry("fr", "французскому языку"));

  private SubjectCases() {}

  static String dative(String subject, String nominative) {
    return DATIVE.getOrDefault(subject, nominative.toLowerCase(Locale.ROOT));
  }
}
