package ru.vpr.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an xlsx form with fastexcel's streaming reader: the sheet {@code Протокол} if present, else the
 * first sheet (contract §1.2). Numbers are rendered as a person would type them (3.0 becomes "3"), so that
 * validation sees the same text whether a school typed a score or Excel stored it as a number. The
 * book's parts are checked against the limits first ({@link ZipGuard}); rows are then streamed from the
 * sheet's XML, never held all at once.
 */
public final class XlsxFormReader implements FormReader {
  static final String PROTOCOL_SHEET = "Протокол";

  @Override
  public FormSource open(byte[] content, ReadLimits limits) throws UnreadableFormException, FormTooLargeException {
    if (ReadableWorkbook.isOLE2Header(content)) {
      // Old binary Excel renamed to .xlsx, or an xlsx protected by a password (also an OLE2 container).
      throw new UnreadableFormException("файл в старом формате xls или защищён паролем");
    }
    if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
      throw new UnreadableFormException("файл не является книгой Excel (xlsx)");
    }
    try {
      ZipGuard.check(content, limits);
    } catch (IOException e) {
      throw new UnreadableFormException("файл xlsx повреждён", e);
    }
    try {
      return LocatedSource.locate(() -> openRows(content));
    } catch (FormSource.UnreadableRowsException e) {
      throw new UnreadableFormException(e.getMessage(), e);
    }
  }

  /** Every non-blank row of the form's sheet, streamed; the workbook is closed with the stream. */
  private static FormSource.Rows openRows(byte[] content) {
    ReadableWorkbook workbook;
    Stream<Row> stream;
    try {
      workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
      Sheet sheet = workbook.getSheets()
          .filter(s -> PROTOCOL_SHEET.equalsIgnoreCase(s.getName().trim()))
          .findFirst()
          .orElseGet(workbook::getFirstSheet);
      if (sheet == null) {
        workbook.close();
        throw new FormSource.UnreadableRowsException("в книге нет ни одного листа", null);
      }
      stream = sheet.openStream();
    } catch (IOException | RuntimeException e) {
      if (e instanceof FormSource.UnreadableRowsException u) throw u;
      // fastexcel reports broken zips and XML with assorted exceptions; none of them is the school's
      // concern beyond "the file is damaged".
      throw new FormSource.UnreadableRowsException("файл xlsx повреждён", e);
    }
    Iterator<Row> rows = stream.iterator();
    return new FormSource.Rows() {
      private RawRow next = advance();

      private RawRow advance() {
        try {
          while (rows.hasNext()) {
            RawRow row = toRawRow(rows.next());
            if (!row.isBlank()) return row;
          }
          return null;
        } catch (RuntimeException e) {
          throw new FormSource.UnreadableRowsException("файл xlsx повреждён", e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public RawRow next() {
        if (next == null) throw new NoSuchElementException();
        RawRow row = next;
        next = advance();
        return row;
      }

      @Override
      public void close() {
        stream.close();
        try {
          workbook.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static RawRow toRawRow(Row row) {
    List<String> cells = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) {
      cells.add(CellText.clean(text(row.getCell(i))));
    }
    return new RawRow(row.getRowNum(), cells);
  }

  static String text(Cell cell) {
    if (cell == null) return "";
    return switch (cell.getType()) {
      case NUMBER -> numberText(cell.asNumber());
      case STRING -> cell.asString();
      case FORMULA -> formulaText(cell.getRawValue());
      case EMPTY -> "";
      default -> cell.getRawValue() == null ? "" : cell.getRawValue();
    };
  }

  /** A formula's cached result: a number when it parses as one, else its text. */
  private static String formulaText(String raw) {
    if (raw == null) return "";
    try {
      return numberText(new BigDecimal(raw.trim()));
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  /** Integers without a fraction ("3", not "3.0"); other numbers as they are, so validation can refuse them. */
  static String numberText(BigDecimal value) {
    if (value == null) return "";
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0) return stripped.toBigIntegerExact().toString();
    return stripped.toPlainString();
  }
}
