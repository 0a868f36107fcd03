package ru.vpr.publish.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the machine-readable tables of contract §3 ({@code risk_classes.csv}, {@code risk_schools.csv},
 * {@code recheck_sample.csv}): UTF-8 without BOM, {@code ,}-separated, RFC 4180 (CRLF, quotes doubled),
 * one header row, null as an empty field.
 *
 * <p>Rows arrive as an iterator so that a caller can stream them from {@code Dataset.toLocalIterator()}
 * without holding the table on the driver. Callers format values themselves (numbers with
 * {@code Locale.ROOT}); the writer only neutralises the columns marked {@link CsvColumn#fromInput()}.
 */
public final class CsvTableWriter {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final List<CsvColumn> columns;
  private final boolean[] fromInput;

  private CsvTableWriter(List<CsvColumn> columns) {
    if (columns.isEmpty()) throw new IllegalArgumentException("a table needs at least one column");
    Set<String> names = new HashSet<>();
    for (CsvColumn c : columns) {
      if (!names.add(c.name())) throw new IllegalArgumentException("column " + c.name() + " appears twice");
    }
    this.columns = List.copyOf(columns);
    this.fromInput = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) fromInput[i] = columns.get(i).fromInput();
  }

  public static CsvTableWriter of(List<CsvColumn> columns) {
    return new CsvTableWriter(columns);
  }

  public static CsvTableWriter of(CsvColumn... columns) {
    return new CsvTableWriter(List.of(columns));
  }

  public List<CsvColumn> columns() {
    return columns;
  }

  public List<String> header() {
    List<String> names = new ArrayList<>(columns.size());
    for (CsvColumn c : columns) names.add(c.name());
    return names;
  }

  /**
   * Writes the header and every row, flushes, and leaves {@code out} open (it is the caller's).
   *
   * @return the number of rows written (header not counted)
   * @throws IllegalArgumentException if a row has another number of fields than there are columns
   */
  public long write(OutputStream out, Iterator<? extends List<String>> rows) {
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      // Not closed: closing the printer would close the caller's stream.
      CSVPrinter printer = new CSVPrinter(writer, FORMAT);
      printer.printRecord(header());
      long written = 0;
      List<String> safe = new ArrayList<>(columns.size());
      while (rows.hasNext()) {
        List<String> row = rows.next();
        if (row == null || row.size() != columns.size()) {
          throw new IllegalArgumentException("row " + (written + 1) + " has " + (row == null ? 0 : row.size())
              + " fields, the table has " + columns.size() + " columns " + header());
        }
        safe.clear();
        for (int i = 0; i < fromInput.length; i++) {
          String v = row.get(i);
          safe.add(fromInput[i] ? SafeText.neutralise(v) : v);
        }
        printer.printRecord(safe);
        written++;
      }
      printer.flush();
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV table: " + e.getMessage(), e);
    }
  }

  /** {@link #write(OutputStream, Iterator)} for rows already in memory. */
  public long write(OutputStream out, Iterable<? extends List<String>> rows) {
    return write(out, rows.iterator());
  }
}
