package ru.vpr.ingest.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a csv form: encoding and delimiter detected (contract §1.2), RFC 4180 quoting. Row numbers are
 * the file's line numbers, so a quoted cell spanning lines does not shift the rows after it.
 */
public final class CsvFormReader implements FormReader {

  @Override
  public RawTable read(byte[] content) throws UnreadableFormException {
    String text = TextDecoding.decode(content);
    char delimiter = DelimiterDetector.detect(text);
    return HeaderRowLocator.locate(parse(text, delimiter));
  }

  static CSVFormat format(char delimiter) {
    return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
  }

  private static List<RawRow> parse(String text, char delimiter) throws UnreadableFormException {
    List<RawRow> rows = new ArrayList<>();
    long linesBefore = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format(delimiter))) {
      for (CSVRecord record : parser) {
        int firstLine = (int) linesBefore + 1;
        linesBefore = parser.getCurrentLineNumber();
        RawRow row = new RawRow(firstLine, record.stream().map(CellText::clean).toList());
        if (!row.isBlank()) rows.add(row);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new UnreadableFormException(
          "нарушены кавычки в строке " + (linesBefore + 1) + " (каждая открытая кавычка должна быть закрыта)", e);
    }
    return rows;
  }
}
