package ru.vpr.publish.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {
  private static final CsvTableWriter RISK = CsvTableWriter.of(
      CsvColumn.value("year"), CsvColumn.value("subject"), CsvColumn.text("login"), CsvColumn.text("school_name"),
      CsvColumn.text("class"), CsvColumn.value("risk_score"), CsvColumn.value("reasons"));

  @Test
  void roundTripsThroughAnRfc4180Parser() throws IOException {
    List<List<String>> rows = List.of(
        Arrays.asList("2025", "ma", "edu100001", "МБОУ \"Школа №1\", г. Верхний", "5А", "0.931", "S2_thresholds|S6_journal"),
        Arrays.asList("2025", "ru", "edu100002", "Лицей\nс переносом строки", null, null, "too_few_pupils"),
        Arrays.asList("2025", "ru", null, "", "5Б", "-0.5", ""));
    String csv = write(RISK, rows);

    assertTrue(csv.startsWith("year,subject,login,school_name,class,risk_score,reasons\r\n"), csv);
    assertTrue(csv.endsWith("\r\n"));
    assertTrue(csv.contains("\"МБОУ \"\"Школа №1\"\", г. Верхний\""), "quotes doubled, field quoted: " + csv);

    List<CSVRecord> records = parse(csv);
    assertEquals(4, records.size());
    assertEquals(RISK.header(), records.get(0).toList());
    for (int i = 0; i < rows.size(); i++) {
      List<String> expected = new ArrayList<>();
      for (String v : rows.get(i)) expected.add(v == null ? "" : v);
      assertEquals(expected, records.get(i + 1).toList(), "row " + i);
    }
  }

  @Test
  void writesUtf8WithoutBom() {
    byte[] bytes = bytes(RISK, List.of(List.of("2025", "ma", "edu1", "Школа", "5А", "1", "")));
    assertEquals('y', bytes[0], "no byte order mark");
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.contains("Школа"));
    assertFalse(text.contains("\uFEFF"));
  }

  @Test
  void neutralisesTextColumnsOnly() throws IOException {
    String csv = write(RISK, List.of(
        List.of("2025", "-ma", "@edu1", "=HYPERLINK(\"http://evil\",\"Школа\")", "+5А", "-0.5", "-S2_thresholds")));
    CSVRecord row = parse(csv).get(1);
    assertEquals("-ma", row.get("subject"), "value columns are written as given");
    assertEquals("'@edu1", row.get("login"));
    assertEquals("'=HYPERLINK(\"http://evil\",\"Школа\")", row.get("school_name"));
    assertEquals("'+5А", row.get("class"));
    assertEquals("-0.5", row.get("risk_score"), "a negative number stays a number");
    assertEquals("-S2_thresholds", row.get("reasons"));
  }

  @Test
  void streamsRowsFromAnIterator() {
    int n = 10_000;
    Iterator<List<String>> rows = new Iterator<>() {
      int i = 0;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public List<String> next() {
        if (i >= n) throw new NoSuchElementException();
        i++;
        return List.of("2025", "ma", "edu" + i, "Школа " + i, "5А", "0.5", "");
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(n, RISK.write(out, rows));
    assertEquals(n + 1, out.toString(StandardCharsets.UTF_8).split("\r\n").length);
  }

  @Test
  void refusesRowsOfTheWrongWidthAndDuplicateColumns() {
    assertThrows(IllegalArgumentException.class,
        () -> RISK.write(new ByteArrayOutputStream(), List.of(List.of("2025", "ma"))));
    assertThrows(IllegalArgumentException.class,
        () -> CsvTableWriter.of(CsvColumn.value("a"), CsvColumn.text("a")));
  }

  @Test
  void leavesTheStreamOpen() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("the writer closed the caller's stream");
      }
    };
    CsvTableWriter.of(CsvColumn.value("x")).write(out, List.of(List.of("1")));
    out.write('!');
    assertEquals("x\r\n1\r\n!", out.toString(StandardCharsets.UTF_8));
  }

  private static String write(CsvTableWriter writer, List<? extends List<String>> rows) {
    return new String(bytes(writer, rows), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(CsvTableWriter writer, List<? extends List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, rows);
    return out.toByteArray();
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    List<CSVRecord> all = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    // Access by name for the data rows.
    List<CSVRecord> byName = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv)).getRecords();
    List<CSVRecord> out = new ArrayList<>();
    out.add(all.get(0));
    out.addAll(byName);
    return out;
  }
}
