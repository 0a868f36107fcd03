package ru.vpr.publish.files;

/**
 * Text from input files made safe for a spreadsheet cell (CSV or XLSX): a value that starts like a
 * formula gets a leading apostrophe.
 *
 * <p>Why: school names, class names, participant codes and subject names come from files that schools
 * and coordinators upload. A value such as {@code =HYPERLINK("http://...")} or {@code =cmd|' /C calc'!A0}
 * in a CSV cell is run as a formula by Excel or LibreOffice when an official opens the file (CSV or
 * formula injection), and in an XLSX it becomes one as soon as somebody edits the cell or copies the
 * table into a CSV. Following OWASP's advice, a value starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is prefixed with {@code '}, which spreadsheets show as text.
 * The quotes and separators inside a value are the CSV writer's business (RFC 4180 quoting), not this
 * class's.
 *
 * <p>Only text is neutralised: numbers written by the pipeline (a risk score of {@code -0.5}, a slope)
 * are numbers and must not pass through here, or they would turn into text.
 */
public final class SafeText {
  private SafeText() {}

  /** The value with a leading {@code '} if it could start a formula; null stays null. */
  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) return value;
    return startsLikeFormula(value) ? "'" + value : value;
  }

  /** Whether a spreadsheet could read the value as a formula (see the class comment). */
  public static boolean startsLikeFormula(String value) {
    if (value == null || value.isEmpty()) return false;
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }
}
