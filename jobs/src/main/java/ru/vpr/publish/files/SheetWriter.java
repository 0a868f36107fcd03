package ru.vpr.publish.files;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dhatim.fastexcel.Worksheet;

/**
 * A cursor over a fastexcel worksheet that writes one row at a time. Every string goes through
 * {@link SafeText} (text from input files and our own labels alike, so nothing can be forgotten);
 * numbers are written as numbers; nothing is ever written as a formula.
 */
final class SheetWriter {
  /** Decimals a published fractional number is stored with (what it shows is its format's). */
  static final int DECIMALS = 6;

  static final String HEADER_FILL = "DDEBF7";
  static final String SCHOOL_FILL = "FFF2CC";

  private final Worksheet ws;
  private int row;

  SheetWriter(Worksheet ws) {
    this.ws = ws;
  }

  int row() {
    return row;
  }

  SheetWriter text(int col, String value) {
    if (value != null && !value.isEmpty()) ws.value(row, col, SafeText.neutralise(value));
    return this;
  }

  SheetWriter number(int col, Number value, String format) {
    if (value == null) return this;
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) return text(col, "—");
    // Stored at a fixed precision: a re-run whose sums ran in another order differs in the last bits
    // of its doubles, and the published file must not.
    if (value instanceof Double d) value = BigDecimal.valueOf(d).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    ws.value(row, col, value);
    if (format != null) ws.style(row, col).format(format).set();
    return this;
  }

  SheetWriter number(int col, long value) {
    ws.value(row, col, value);
    return this;
  }

  /** Ends the current row. */
  void next() {
    row++;
  }

  /** Leaves an empty row. */
  void blank() {
    row++;
  }

  void title(String text) {
    text(0, text);
    ws.style(row, 0).bold().fontSize(14).set();
    next();
  }

  void heading(String text) {
    text(0, text);
    ws.style(row, 0).bold().fontSize(12).set();
    next();
  }

  void line(String text) {
    text(0, text);
    next();
  }

  void italic(String text) {
    text(0, text);
    ws.style(row, 0).italic().set();
    next();
  }

  /** A bold, shaded row of column titles (blank titles leave a shaded empty cell). */
  void header(String... titles) {
    for (int c = 0; c < titles.length; c++) text(c, titles[c]);
    ws.range(row, 0, row, titles.length - 1).style().bold().fillColor(HEADER_FILL).wrapText(true)
        .verticalAlignment("center").set();
    int lines = 1;
    for (String t : titles) if (t != null) lines = Math.max(lines, (int) Math.ceil(t.length() / 16.0));
    if (lines > 1) ws.rowHeight(row, 15.0 * Math.min(lines, 4));
    next();
  }

  /** Bold, shaded text over the given columns of the current row, then the next row. */
  void band(String text, int lastCol, String fill) {
    text(0, text);
    ws.range(row, 0, row, lastCol).style().bold().fillColor(fill).set();
    next();
  }

  /** Bold for the current row's cells from 0 to lastCol. */
  SheetWriter bold(int lastCol) {
    ws.range(row, 0, row, lastCol).style().bold().set();
    return this;
  }

  void widths(double... widths) {
    for (int c = 0; c < widths.length; c++) ws.width(c, widths[c]);
  }

  void freezeRows(int rows) {
    ws.freezePane(0, rows);
  }
}
