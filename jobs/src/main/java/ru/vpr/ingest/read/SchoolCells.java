package ru.vpr.ingest.read;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FIS OKO writes a school or a municipality as one cell, code and name: {@code edu223379 | МКОУ "..."},
 * {@code reg22_m019 | Красногорский муниципальный район}. This splits such cells, and finds a login
 * written in the preamble of a school's form ({@code Логин ОО: edu100002}).
 */
public final class SchoolCells {
  private static final Pattern LOGIN = Pattern.compile("(?<![a-z0-9])([a-z]{3}\\d{6})(?!\\d)");

  private SchoolCells() {}

  /** A code and a name; either may be empty. */
  public record CodeAndName(String code, String name) {}

  /** {@code code | name}; a cell without a bar is a name alone, unless it is a single code-like word. */
  public static CodeAndName split(String cell) {
    String text = cell == null ? "" : cell.strip();
    int bar = text.indexOf('|');
    if (bar >= 0) return new CodeAndName(text.substring(0, bar).strip(), text.substring(bar + 1).strip());
    if (text.matches("[A-Za-z0-9_.-]+") && text.chars().anyMatch(Character::isDigit)) return new CodeAndName(text, "");
    return new CodeAndName("", text);
  }

  /** The first login in the rows above a form's header, or null. */
  public static String loginIn(List<RawRow> preamble) {
    for (RawRow row : preamble) {
      for (String cell : row.cells()) {
        Matcher m = LOGIN.matcher(cell.toLowerCase(Locale.ROOT));
        if (m.find()) return m.group(1);
      }
    }
    return null;
  }
}
