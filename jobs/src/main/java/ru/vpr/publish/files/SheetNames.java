package ru.vpr.publish.files;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Excel's rules for sheet names: at most 31 characters, none of {@code []:*?/\}, not starting or
 * ending with an apostrophe, not "History", unique regardless of case. Names are given out in order,
 * so the same municipalities always get the same names.
 */
final class SheetNames {
  static final int MAX_LENGTH = 31;
  private static final String[][] ABBREVIATIONS = {
      {"муниципальный район", "МР"}, {"муниципальный округ", "МО"}, {"городской округ", "ГО"},
      {"район", "р-н"}, {"муниципальное образование", "МО"}};

  private final Set<String> taken = new HashSet<>();

  SheetNames(String... reserved) {
    taken.add(key("History"));
    for (String r : reserved) taken.add(key(r));
  }

  /** A free name for a municipality: its name, or its code when the name is blank or taken. */
  String municipality(String code, String name) {
    String base = clean(name);
    String codeText = clean(code);
    if (base.isEmpty()) base = codeText.isEmpty() ? "Муниципалитет" : codeText;
    String candidate = fit(base, "");
    if (taken.contains(key(candidate)) && !codeText.isEmpty() && !base.equals(codeText)) {
      candidate = fit(base, " (" + codeText + ")");
    }
    for (int n = 2; taken.contains(key(candidate)); n++) candidate = fit(base, " (" + n + ")");
    taken.add(key(candidate));
    return candidate;
  }

  static String clean(String raw) {
    if (raw == null) return "";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ("[]:*?/\\".indexOf(c) >= 0 || Character.isISOControl(c)) out.append(' ');
      else out.append(c);
    }
    String s = out.toString().replaceAll("\\s+", " ").trim();
    while (s.startsWith("'")) s = s.substring(1).trim();
    while (s.endsWith("'")) s = s.substring(0, s.length() - 1).trim();
    return s;
  }

  /**
   * base shortened so that base + suffix fits in 31 characters: the usual abbreviations of municipality
   * kinds first, then a cut at a word boundary, a hard cut (never inside a surrogate pair) last.
   */
  static String fit(String base, String suffix) {
    int room = MAX_LENGTH - suffix.length();
    for (String[] abbreviation : ABBREVIATIONS) {
      if (base.length() <= room) break;
      base = base.replaceAll("(?iu)" + abbreviation[0], abbreviation[1]);
    }
    if (base.length() > room) {
      int cut = room;
      int space = base.lastIndexOf(' ', room);
      if (space >= room / 2) cut = space;
      else if (cut > 0 && Character.isHighSurrogate(base.charAt(cut - 1))) cut--;
      base = base.substring(0, cut).trim();
      while (base.endsWith("'")) base = base.substring(0, base.length() - 1).trim();
    }
    return base + suffix;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
