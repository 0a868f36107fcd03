package ru.vpr.ingest.validate;

import java.util.Locale;
import java.util.regex.Pattern;
import ru.vpr.ingest.read.HeaderText;

/** How the form's cell texts are understood; shared by the row checks. */
public final class CellValues {
  /** A whole number, also as Excel or a csv export may print it ({@code 2.0}, {@code 2,00}). */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,9}(?:[.,]0+)?");
  private static final Pattern PARTICIPANT_CODE = Pattern.compile("\\d{4,6}");

  private CellValues() {}

  /** The whole number a cell holds, or null when it holds anything else (text, a fraction, nothing). */
  public static Integer wholeNumber(String cell) {
    String text = cell == null ? "" : cell.trim();
    if (!WHOLE_NUMBER.matcher(text).matches()) return null;
    int end = text.indexOf('.') >= 0 ? text.indexOf('.') : text.indexOf(',') >= 0 ? text.indexOf(',') : text.length();
    return Integer.valueOf(text.substring(0, end));
  }

  /** {@code X} in Latin or Cyrillic, any case: the pupil did not attempt the task (not the same as 0). */
  public static boolean isNotAttempted(String cell) {
    String text = cell == null ? "" : cell.trim().toUpperCase(Locale.ROOT);
    return text.equals("X") || text.equals("Х");
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
