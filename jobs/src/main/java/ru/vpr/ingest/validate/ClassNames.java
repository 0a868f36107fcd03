package ru.vpr.ingest.validate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises class names to grade + upper-case Cyrillic letter: {@code 5а}, {@code 5 б}, {@code 5-в},
 * {@code 5 "А"} become {@code 5А}, {@code 5Б}, {@code 5В}. Latin look-alike letters are typed in place of
 * Cyrillic ones so often that they are mapped. A grade without a letter ({@code 5}) is kept as is: small
 * schools have one class per grade.
 */
public final class ClassNames {
  private static final Map<Character, Character> LATIN_LOOKALIKES = Map.ofEntries(
      Map.entry('A', 'А'), Map.entry('B', 'В'), Map.entry('E', 'Е'), Map.entry('K', 'К'),
      Map.entry('M', 'М'), Map.entry('H', 'Н'), Map.entry('O', 'О'), Map.entry('P', 'Р'),
      Map.entry('C', 'С'), Map.entry('T', 'Т'), Map.entry('X', 'Х'));
  private static final Pattern CLASS = Pattern.compile("(\\d{1,2})([А-ЯЁ]?)");

  private ClassNames() {}

  /** A class name understood. */
  public record SchoolClass(int grade, String letter) {
    public String name() {
      return grade + letter;
    }
  }

  public static Optional<SchoolClass> parse(String cell) {
    if (cell == null) return Optional.empty();
    String text = cell.toUpperCase(Locale.ROOT)
        .replaceAll("\\s*(КЛАСС|КЛ\\.?)\\s*", " ")      // "5 класс А", "5 кл. Б"
        .replaceAll("[\\s\\u00A0\"'«»“”„\\-–—.()]", ""); // separators and quotes around the letter
    StringBuilder mapped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) mapped.append(LATIN_LOOKALIKES.getOrDefault(c, c));
    Matcher m = CLASS.matcher(mapped);
    if (!m.matches()) return Optional.empty();
    int grade = Integer.parseInt(m.group(1));
    if (grade < 1 || grade > 11) return Optional.empty();
    return Optional.of(new SchoolClass(grade, m.group(2).replace('Ё', 'Е')));
  }
}
