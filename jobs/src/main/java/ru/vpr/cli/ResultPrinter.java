package ru.vpr.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;

/** Renders a small query result for a terminal (aligned table) or for a machine (CSV). */
final class ResultPrinter {
  private final String[] columns;
  private final List<Row> rows;

  ResultPrinter(String[] columns, List<Row> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  String table() {
    if (columns.length == 0) return "OK\n";
    List<String[]> cells = new ArrayList<>();
    cells.add(columns);
    for (Row row : rows) cells.add(texts(row, "NULL"));
    int[] widths = new int[columns.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) widths[i] = Math.max(widths[i], line[i].length());
    }
    StringBuilder out = new StringBuilder();
    String rule = rule(widths);
    out.append(rule);
    for (int r = 0; r < cells.size(); r++) {
      out.append('|');
      for (int i = 0; i < columns.length; i++) {
        String text = cells.get(r)[i];
        boolean numeric = r > 0 && isNumeric(rows.get(r - 1).get(i));
        String pad = " ".repeat(widths[i] - text.length());
        out.append(' ').append(numeric ? pad + text : text + pad).append(" |");
      }
      out.append('\n');
      if (r == 0) out.append(rule);
    }
    out.append(rule);
    out.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
    return out.toString();
  }

  /** The rows as CSV, each value as it is: for programs. */
  String csv() {
    return csv(false);
  }

  /**
   * The rows as CSV; with {@code safe}, text that a spreadsheet would run as a formula ({@code =}, {@code +},
   * {@code -}, {@code @} first) gets a leading {@code '}, as the published files have it. Numbers stay numbers.
   */
  String csv(boolean safe) {
    StringWriter writer = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      printer.printRecord((Object[]) columns);
      for (Row row : rows) {
        String[] cells = texts(row, "");
        if (safe) {
          for (int i = 0; i < cells.length; i++) {
            if (!row.isNullAt(i) && !isNumeric(row.get(i))) cells[i] = ru.vpr.publish.files.SafeText.neutralise(cells[i]);
          }
        }
        printer.printRecord((Object[]) cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.toString();
  }

  private String[] texts(Row row, String nullText) {
    String[] out = new String[columns.length];
    for (int i = 0; i < columns.length; i++) out[i] = row.isNullAt(i) ? nullText : String.valueOf(row.get(i));
    return out;
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Number;
  }

  private static String rule(int[] widths) {
    StringBuilder s = new StringBuilder("+");
    for (int w : widths) s.append("-".repeat(w + 2)).append('+');
    return s.append('\n').toString();
  }
}
