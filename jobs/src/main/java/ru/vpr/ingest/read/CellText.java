package ru.vpr.ingest.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a cell's text as both readers hand it on: numeric character references decoded and the
 * spaces Excel users type (non-breaking, figure, narrow) made plain. Real FIS OKO exports hold
 * {@code 4\u00A0} for a journal mark of 4, and exports written by some tools store shared strings as
 * {@code &#1083;&#1086;...}: neither may turn a good cell into a refusal.
 */
public final class CellText {
  private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:(\\d{1,7})|[xX]([0-9a-fA-F]{1,6}));");

  private CellText() {}

  /** The cell as a person reads it: references decoded, odd spaces made plain, trimmed at both ends. */
  public static String clean(String cell) {
    if (cell == null || cell.isEmpty()) return "";
    String text = cell.indexOf("&#") >= 0 ? decodeReferences(cell) : cell;
    return plainSpaces(text).strip();
  }

  /** {@code &#1083;} and {@code &#x43B;} as the characters they stand for; a reference out of range stays as it is. */
  static String decodeReferences(String text) {
    Matcher m = CHARACTER_REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      int codePoint = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
      String replacement = Character.isValidCodePoint(codePoint) && codePoint != 0
          ? new String(Character.toChars(codePoint)) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String plainSpaces(String text) {
    boolean odd = false;
    for (int i = 0; i < text.length() && !odd; i++) odd = isOddSpace(text.charAt(i));
    if (!odd) return text;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(isOddSpace(c) ? ' ' : c);
    }
    return out.toString();
  }

  private static boolean isOddSpace(char c) {
    return c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
  }
}
