package ru.vpr.ingest.read;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task column's header understood: the canonical task code and the max the form states, if any.
 *
 * <p>Forms write the same task many ways: {@code 1 (2б)}, {@code 5.1 (1б)}, {@code 5,1}, {@code 1К1 (4б)},
 * {@code 1 К1} (also with a Latin K), {@code 3(1)}. A parenthesised number with a {@code б}/{@code балл}
 * suffix is the max; without it, it is a sub-item ({@code 3(1)} is task {@code 3.1}). Canonical codes are
 * {@code 1}, {@code 5.1} and {@code 1К1} (Cyrillic К), as the spec writes them.
 *
 * @param maxInHeader the max stated in the header, or null when the header states none
 */
public record TaskHeader(String code, Integer maxInHeader) {

  private static final Pattern TASK = Pattern.compile(
      "^(?:задание\\s*)?(?:№\\s*)?(?<num>\\d{1,3})"
          + "(?:\\s*[.,]\\s*(?<sub>\\d{1,3})|\\s*к\\s*(?<crit>\\d{1,2})|\\s*\\(\\s*(?<paren>\\d{1,3})\\s*\\))?"
          + "(?:\\s*\\(\\s*(?<max>\\d{1,3})\\s*(?:б|балл[а-я]*)\\s*\\.?\\s*\\))?$");

  /** The task a header names, or empty when the header is not a task column. */
  public static Optional<TaskHeader> parse(String header) {
    Matcher m = TASK.matcher(prepare(header));
    if (!m.matches()) return Optional.empty();
    String code = canonical(m.group("num"), firstNonNull(m.group("sub"), m.group("paren")), m.group("crit"));
    Integer max = m.group("max") == null ? null : Integer.valueOf(m.group("max"));
    return Optional.of(new TaskHeader(code, max));
  }

  /** The canonical form of a task code as a spec or a header writes it ({@code 1 K1} to {@code 1К1}). */
  public static String canonicalCode(String code) {
    return parse(code).filter(t -> t.maxInHeader() == null).map(TaskHeader::code).orElse(code.trim());
  }

  private static String prepare(String header) {
    // Latin k looks like Cyrillic к and is typed in its place.
    return HeaderText.normalise(header).replace('k', 'к');
  }

  private static String canonical(String num, String sub, String crit) {
    String base = String.valueOf(Integer.parseInt(num));
    if (sub != null) return base + "." + Integer.parseInt(sub);
    if (crit != null) return base + "К" + Integer.parseInt(crit);
    return base;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
