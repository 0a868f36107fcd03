package ru.vpr.ingest.validate;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a class cell as schools really fill it (contract §1.4) into a class label of the work's grade.
 *
 * <p>Forms write {@code 5А}, {@code 5 б}, {@code 5-в}, {@code 5 "А"}; real exports mostly hold the letter
 * alone ({@code а}, {@code Б}), {@code нет} or the grade alone for a school with one class, and school
 * habits such as {@code кб}, {@code а(1)}, {@code ф 1}. All of them are a class: the letter becomes
 * grade + upper-case Cyrillic letters ({@code 5А}, {@code 5КБ}, {@code 5А1}), the single class is the grade
 * alone ({@code 5}). Latin look-alike letters are mapped to Cyrillic, as schools type them in its place.
 * Some schools number their classes: {@code 1}, {@code 2} ... in a grade-5 work are classes, kept as
 * typed; {@code 5/1} and {@code 5-1} become {@code 5-1}.
 *
 * <p>Nothing here refuses a row. A class of another grade ({@code 6А} in a grade-5 work: pupils of grade 5
 * wrote the grade-4 work in autumn 2020) keeps its own label; a cell that is no class at all keeps its
 * text as the label. Both come with a {@link Issue} that the row check turns into a warning.
 */
public final class ClassNames {
  private static final Map<Character, Character> LATIN_LOOKALIKES = Map.ofEntries(
      Map.entry('A', 'А'), Map.entry('B', 'В'), Map.entry('E', 'Е'), Map.entry('K', 'К'),
      Map.entry('M', 'М'), Map.entry('H', 'Н'), Map.entry('O', 'О'), Map.entry('P', 'Р'),
      Map.entry('C', 'С'), Map.entry('T', 'Т'), Map.entry('X', 'Х'), Map.entry('Y', 'У'));
  /** Separators and quotes around or inside the letter: {@code 5 "А"}, {@code 5-в}, {@code а(1)}, {@code нет_С}. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\"'«»“”„\\-–—._()/\\\\]+");
  /** Grade (optional), up to three letters, an optional group number: {@code 5А}, {@code КБ}, {@code 5А1}, {@code Ф1}. */
  private static final Pattern CLASS = Pattern.compile("(\\d{1,2})?([А-Я]{1,3})(\\d{1,2})?");
  private static final Pattern NUMBER_ONLY = Pattern.compile("\\d{1,2}");
  private static final Pattern NUMBERED = Pattern.compile("(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})");
  private static final Pattern WORD_CLASS = Pattern.compile("(?<=\\d|^|\\s)\\s*(КЛАСС|КЛ\\.)\\s*|(?<=\\d)\\s*КЛ(?=\\s|$)");
  private static final int MAX_LABEL = 20;

  private ClassNames() {}

  /** What was odd about a class cell; the label is usable either way. */
  public enum Issue { NONE, OTHER_GRADE, UNRECOGNISED }

  /** A class cell understood: the label the pupil's class goes by in the tables. */
  public record SchoolClass(String name, Issue issue) {}

  /** The class a cell names in a work of {@code grade}. */
  public static SchoolClass parse(String cell, int grade) {
    Matcher numbered = NUMBERED.matcher(cell == null ? "" : cell.strip());
    if (numbered.matches()) {
      int written = Integer.parseInt(numbered.group(1));
      return new SchoolClass(written + "-" + Integer.parseInt(numbered.group(2)),
          written == grade ? Issue.NONE : Issue.OTHER_GRADE);
    }
    String text = normalised(cell);
    if (text.isEmpty() || text.equals("НЕТ")) return new SchoolClass(String.valueOf(grade), Issue.NONE);
    if (text.startsWith("НЕТ") && CLASS.matcher(text.substring(3)).matches()) text = text.substring(3);
    if (NUMBER_ONLY.matcher(text).matches()) return new SchoolClass(String.valueOf(Integer.parseInt(text)), Issue.NONE);
    Matcher m = CLASS.matcher(text);
    if (m.matches()) {
      String letters = m.group(2) + (m.group(3) == null ? "" : Integer.parseInt(m.group(3)));
      if (m.group(1) == null) return new SchoolClass(grade + letters, Issue.NONE);
      int written = Integer.parseInt(m.group(1));
      return new SchoolClass(written + letters, written == grade ? Issue.NONE : Issue.OTHER_GRADE);
    }
    String label = text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL);
    return new SchoolClass(Character.isDigit(label.charAt(0)) ? label : grade + label, Issue.UNRECOGNISED);
  }

  /** Upper case, {@code класс}/{@code кл.} and separators dropped, Latin look-alikes and Ё mapped. */
  private static String normalised(String cell) {
    if (cell == null) return "";
    String text = cell.toUpperCase(Locale.ROOT).replace('Ё', 'Е');
    text = WORD_CLASS.matcher(text).replaceAll(" ");
    text = SEPARATORS.matcher(text).replaceAll("");
    StringBuilder mapped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) mapped.append(LATIN_LOOKALIKES.getOrDefault(c, c));
    return mapped.toString();
  }
}
