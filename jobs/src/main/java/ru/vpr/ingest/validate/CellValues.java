package ru.vpr.ingest.validate;

import java.util.Locale;
import java.util.regex.Pattern;
import ru.vpr.ingest.read.HeaderText;

/** How the form's cell texts are understood; shared by the row checks. */
public final class CellValues {
  /**
   * A whole number, also as Excel or a csv export may print it ({@code 2.0}, {@code 2,00}). A plus sign is
   * not part of a score: {@code +1} is a note someone typed, not the integer the contract asks for.
   */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}(?:[.,]0+)?");
  /**
   * What the real exports hold for a task the pupil did not attempt (contract §1.4): {@code X} or
   * {@code Х} in either alphabet and case, and FIS OKO's own {@code не пройд.}; compared without the dot.
   */
  private static final java.util.Set<String> NOT_ATTEMPTED =
      java.util.Set.of("x", "х", "не пройд", "не пройдено", "не приступал", "не приступала");
  private static final Pattern PARTICIPANT_CODE = Pattern.compile("\\d{4,6}");

  private CellValues() {}

  /** The whole number a cell holds, or null when it holds anything else (text, a fraction, nothing). */
  public static Integer wholeNumber(String cell) {
    String text = cell == null ? "" : cell.trim();
    if (!WHOLE_NUMBER.matcher(text).matches()) return null;
    int end = text.indexOf('.') >= 0 ? text.indexOf('.') : text.indexOf(',') >= 0 ? text.indexOf(',') : text.length();
    return Integer.valueOf(text.substring(0, end));
  }

  /** The pupil did not attempt the task (not the same as 0): {@code X}, {@code х}, {@code не пройд.} ... */
  public static boolean isNotAttempted(String cell) {
    String text = HeaderText.normalise(cell);
    if (text.endsWith(".")) text = text.substring(0, text.length() - 1).stripTrailing();
    return NOT_ATTEMPTED.contains(text);
  }

  /** No journal mark: an empty cell, {@code нет отметки}, {@code нет}, a dash. */
  public static boolean isNoMark(String cell) {
    String text = HeaderText.normalise(cell);
    return text.isEmpty() || text.equals("нет отметки") || text.equals("нет") || text.equals("-") || text.equals("—");
  }

  /** {@code отсутствовал} / {@code не присутствовал} in the variant column, any case (also feminine forms). */
  public static boolean isAbsent(String variantCell) {
    String text = HeaderText.normalise(variantCell);
    return text.startsWith("отсутствовал") || text.startsWith("не присутствовал");
  }

  public static boolean isParticipantCode(String trimmed) {
    return PARTICIPANT_CODE.matcher(trimmed).matches();
  }

  /** {@code М} or {@code Ж}, also from Latin M or a spelled-out word; null for anything else. */
  public static String sex(String cell) {
    String text = cell == null ? "" : cell.trim().toUpperCase(Locale.ROOT);
    if (text.equals("М") || text.equals("M") || text.startsWith("МУЖ")) return "М";
    if (text.equals("Ж") || text.startsWith("ЖЕН")) return "Ж";
    return null;
  }

  public static String textOrNull(String cell) {
    String text = cell == null ? "" : cell.trim();
    return text.isEmpty() ? null : text;
  }
}
