package ru.vpr.publish.report;

import java.util.Locale;

/**
 * Numbers for people, in the Russian way (decimal comma, no-break space before % and between
 * thousands), with a fixed locale so the page does not depend on the machine that writes it.
 */
final class Fmt {
  static final String DASH = "—";
  private static final char NBSP = '\u00A0';

  private Fmt() {}

  /** A share 0..1 as percent, e.g. {@code pct(0.1234, 1)} = "12,3 %"; null or NaN: a dash. */
  static String pct(Double share, int decimals) {
    if (share == null || share.isNaN() || share.isInfinite()) return DASH;
    return decimal(share * 100, decimals) + NBSP + "%";
  }

  /** A number with a decimal comma; -0 shows as 0. */
  static String decimal(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return DASH;
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    if (text.startsWith("-") && text.replaceAll("[-0.]", "").isEmpty()) text = text.substring(1);
    return text.replace('.', ',').replace('-', '−');
  }

  /** A count, thousands split by a no-break space from 10 000 on (Russian typography). */
  static String count(long value) {
    String digits = Long.toString(Math.abs(value));
    if (digits.length() > 4) {
      StringBuilder grouped = new StringBuilder();
      for (int i = 0; i < digits.length(); i++) {
        if (i > 0 && (digits.length() - i) % 3 == 0) grouped.append(NBSP);
        grouped.append(digits.charAt(i));
      }
      digits = grouped.toString();
    }
    return value < 0 ? "−" + digits : digits;
  }

  /** The Russian noun form for a whole number: {@code plural(3, "школа", "школы", "школ")} = "школы". */
  static String plural(long n, String one, String few, String many) {
    long mod100 = Math.abs(n) % 100;
    long mod10 = mod100 % 10;
    if (mod100 >= 11 && mod100 <= 14) return many;
    if (mod10 == 1) return one;
    if (mod10 >= 2 && mod10 <= 4) return few;
    return many;
  }

  /** A count with its noun: "3 школы". */
  static String count(long n, String one, String few, String many) {
    return count(n) + NBSP + plural(n, one, few, many);
  }
}
