package ru.vpr.ingest.read;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task column's header understood: the canonical task code and the max the form states, if any; or,
 * for exports that number their task columns instead of naming the tasks, the column's position.
 *
 * <p>Forms write the same task many ways: {@code 1 (2б)}, {@code 5.1 (1б)}, {@code 5,1}, {@code 1К1 (4б)},
 * {@code 1 К1} (also with a Latin K), {@code 3(1)}, {@code 11.3 k1 (2б)}. A parenthesised number with a {@code б}/{@code балл}
 * suffix is the max; without it, it is a sub-item ({@code 3(1)} is task {@code 3.1}). Canonical codes are
 * {@code 1}, {@code 5.1} and {@code 1К1} (Cyrillic К), as the spec writes them.
 *
 * <p>FIS OKO's own exports number the columns: {@code балл за 7} (the 2021 regional export) and
 * {@code a-7-grade} (the 2020 raw export) are the 7th task of the work in spec order (contract §1.4). The
 * raw export always has 40 such columns, the tasks of the work first and empty ones after.
 *
 * @param code the canonical task code; null for a numbered column
 * @param maxInHeader the max stated in the header, or null when the header states none
 * @param ordinal for a numbered column its number from 1; 0 for a named task
 * @param fixedWidth a numbered column of an export with more columns than tasks ({@code a-k-grade})
 */
public record TaskHeader(String code, Integer maxInHeader, int ordinal, boolean fixedWidth) {

  private static final Pattern TASK = Pattern.compile(
      "^(?:задание\\s*)?(?:№\\s*)?(?<num>\\d{1,3})"
          + "(?:\\s*[.,]\\s*(?<sub>\\d{1,3})|\\s*\\(\\s*(?<paren>\\d{1,3})\\s*\\))?(?:\\s*к\\s*(?<crit>\\d{1,2}))?"
          + "(?:\\s*\\(\\s*(?<max>\\d{1,3})\\s*(?:б|балл[а-я]*)\\s*\\.?\\s*\\))?$");

  private static final Pattern SCORE_FOR = Pattern.compile("^балл за (?:задание )?(?:№ ?)?(\\d{1,3})$");
  private static final Pattern RAW_GRADE = Pattern.compile("^a-(\\d{1,3})-grade$");

  /** A named task column. */
  public TaskHeader(String code, Integer maxInHeader) {
    this(code, maxInHeader, 0, false);
  }

  /** A numbered column: the {@code ordinal}-th task of the work. */
  static TaskHeader numbered(int ordinal, boolean fixedWidth) {
    return new TaskHeader(null, null, ordinal, fixedWidth);
  }

  public boolean isNumbered() {
    return ordinal > 0;
  }

  /** The task a header names or numbers, or empty when the header is not a task column. */
  public static Optional<TaskHeader> parse(String header) {
    String text = HeaderText.normalise(header);
    Matcher numbered = SCORE_FOR.matcher(text);
    if (numbered.matches()) return Optional.of(numbered(Integer.parseInt(numbered.group(1)), false));
    Matcher raw = RAW_GRADE.matcher(text);
    if (raw.matches()) return Optional.of(numbered(Integer.parseInt(raw.group(1)), true));
    Matcher m = TASK.matcher(prepare(header));
    if (!m.matches()) return Optional.empty();
    String code = canonical(m.group("num"), firstNonNull(m.group("sub"), m.group("paren")), m.group("crit"));
    Integer max = m.group("max") == null ? null : Integer.valueOf(m.group("max"));
    return Optional.of(new TaskHeader(code, max));
  }

  /** The canonical form of a task code as a spec or a header writes it ({@code 1 K1} to {@code 1К1}). */
  public static String canonicalCode(String code) {
    return parse(code).filter(t -> t.maxInHeader() == null && !t.isNumbered()).map(TaskHeader::code).orElse(code.trim());
  }

  private static String prepare(String header) {
    // Latin k looks like Cyrillic к and is typed in its place.
    return HeaderText.normalise(header).replace('k', 'к');
  }

  private static String canonical(String num, String sub, String crit) {
    String code = String.valueOf(Integer.parseInt(num));
    if (sub != null) code += "." + Integer.parseInt(sub);
    if (crit != null) code += "К" + Integer.parseInt(crit);
    return code;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
