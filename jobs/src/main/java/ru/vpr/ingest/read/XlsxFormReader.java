package ru.vpr.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an xlsx form with fastexcel's streaming reader: the sheet {@code Протокол} if present, else the
 * first sheet (contract §1.2). Numbers are rendered as a person would type them (3.0 becomes "3"), so that
 * validation sees the same text whether a school typed a score or Excel stored it as a number.
 */
public final class XlsxFormReader implements FormReader {
  static final String PROTOCOL_SHEET = "Протокол";

  @Override
  public RawTable read(byte[] content) throws UnreadableFormException {
    if (ReadableWorkbook.isOLE2Header(content)) {
      // Old binary Excel renamed to .xlsx, or an xlsx protected by a password (also an OLE2 container).
      throw new UnreadableFormException("файл в старом формате xls или защищён паролем");
    }
    if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
      throw new UnreadableFormException("файл не является книгой Excel (xlsx)");
    }
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheets()
          .filter(s -> PROTOCOL_SHEET.equalsIgnoreCase(s.getName().trim()))
          .findFirst()
          .orElseGet(workbook::getFirstSheet);
      if (sheet == null) throw new UnreadableFormException("в книге нет ни одного листа");
      List<RawRow> rows = new ArrayList<>();
      try (Stream<Row> stream = sheet.openStream()) {
        Iterator<Row> it = stream.iterator();
        while (it.hasNext()) {
          RawRow row = toRawRow(it.next());
          if (!row.isBlank()) rows.add(row);
        }
      }
      return HeaderRowLocator.locate(rows);
    } catch (UnreadableFormException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // fastexcel reports broken zips and XML with assorted exceptions; none of them is the school's
      // concern beyond "the file is damaged".
      throw new UnreadableFormException("файл xlsx повреждён", e);
    }
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
