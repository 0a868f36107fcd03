package ru.vpr.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a csv form: encoding and delimiter detected (contract §1.2), RFC 4180 quoting, rows streamed from
 * the bytes. Row numbers are the file's line numbers, so a quoted cell spanning lines does not shift the
 * rows after it.
 */
public final class CsvFormReader implements FormReader {
  /** The delimiter is judged on the first rows; this much text holds them in any real form. */
  private static final int DETECTION_PREFIX = 256 * 1024;

  @Override
  public FormSource open(byte[] content, ReadLimits limits) throws UnreadableFormException {
    TextDecoding.Detected text = TextDecoding.detect(content);
    char delimiter = DelimiterDetector.detect(text.prefix(content, DETECTION_PREFIX));
    try {
      return LocatedSource.locate(() -> openRows(content, text, delimiter));
    } catch (FormSource.UnreadableRowsException e) {
      throw new UnreadableFormException(e.getMessage(), e);
    }
  }

  static CSVFormat format(char delimiter) {
    return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
  }

  private static FormSource.Rows openRows(byte[] content, TextDecoding.Detected text, char delimiter) {
    Reader reader = new InputStreamReader(
        new ByteArrayInputStream(content, text.bomLength(), content.length - text.bomLength()), text.charset());
    CSVParser parser;
    try {
      parser = CSVParser.parse(reader, format(delimiter));
    } catch (IOException e) {
      throw new FormSource.UnreadableRowsException("файл не удалось прочитать", e);
    }
    Iterator<CSVRecord> records = parser.iterator();
    return new FormSource.Rows() {
      private long linesBefore = 0;
      private RawRow next = advance();

      private RawRow advance() {
        try {
          while (records.hasNext()) {
            CSVRecord record = records.next();
            int firstLine = (int) linesBefore + 1;
            linesBefore = parser.getCurrentLineNumber();
            RawRow row = new RawRow(firstLine, record.stream().map(CellText::clean).toList());
            if (!row.isBlank()) return row;
          }
          return null;
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new FormSource.UnreadableRowsException(
              "нарушены кавычки в строке " + (linesBefore + 1) + " (каждая открытая кавычка должна быть закрыта)", e);
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
        try {
          parser.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** For tests: the charset a file is read in. */
  static Charset charsetOf(byte[] content) throws UnreadableFormException {
    return TextDecoding.detect(content).charset();
  }
}
