package ru.vpr.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFormReaderTest {
  private final CsvFormReader reader = new CsvFormReader();

  private static final String TEXT = "Код;Вариант;Наименование класса\n12345;1;5А\n";

  @Test
  void readsUtf8WithoutBom() throws Exception {
    RawTable table = reader.read(TEXT.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("Код", "Вариант", "Наименование класса"), table.header());
    assertEquals(1, table.headerRowNumber());
    assertEquals(List.of(new RawRow(2, List.of("12345", "1", "5А"))), table.rows());
  }

  @Test
  void readsUtf8WithBomAndDropsTheBom() throws Exception {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    RawTable table = reader.read(withBom);
    assertEquals("Код", table.header().get(0));
    assertEquals(StandardCharsets.UTF_8, TextDecoding.detect(withBom).charset());
  }

  @Test
  void readsWindows1251() throws Exception {
    byte[] cp1251 = TEXT.getBytes(Charset.forName("windows-1251"));
    assertEquals("windows-1251", TextDecoding.detect(cp1251).charset().name());
    RawTable table = reader.read(cp1251);
    assertEquals(List.of("Код", "Вариант", "Наименование класса"), table.header());
    assertEquals("5А", table.rows().get(0).cell(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {";", ",", "\t"})
  void detectsTheDelimiter(String delimiter) throws Exception {
    String text = String.join(delimiter, "Код", "Вариант", "1 (2б)", "Наименование класса") + "\n"
        + String.join(delimiter, "1001", "1", "2", "5А") + "\n"
        + String.join(delimiter, "1002", "2", "X", "5Б") + "\n";
    RawTable table = reader.read(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(4, table.header().size());
    assertEquals(List.of("1002", "2", "X", "5Б"), table.rows().get(1).cells());
  }

  @Test
  void semicolonWinsOverACommaInsideAHeaderName() throws Exception {
    String text = "Код;Фамилия, имя;Вариант\n1001;x;1\n1002;y;2\n";
    RawTable table = reader.read(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("Код", "Фамилия, имя", "Вариант"), table.header());
  }

  @Test
  void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
    String text = "Код,Учебник,Вариант\n"
        + "1001,\"Дорофеев, Петерсон\",1\n"
        + "1002,\"Виленкин \"\"Математика\"\"\nчасть 2\",2\n"
        + "1003,\"\",3\n";
    RawTable table = reader.read(text.getBytes(StandardCharsets.UTF_8));
    assertEquals("Дорофеев, Петерсон", table.rows().get(0).cell(1));
    assertEquals("Виленкин \"Математика\"\nчасть 2", table.rows().get(1).cell(1));
    // The quoted line break spans lines 3-4, so the next row is line 5 as an editor shows it.
    assertEquals(List.of(2, 3, 5), table.rows().stream().map(RawRow::rowNumber).toList());
  }

  @Test
  void skipsBlankRowsButKeepsTrueLineNumbers() throws Exception {
    String text = "\n;;\nКод;Вариант;Класс\n\n1001;1;5А\n;;\n1002;2;5Б";
    RawTable table = reader.read(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(3, table.headerRowNumber());
    assertEquals(List.of(5, 7), table.rows().stream().map(RawRow::rowNumber).toList());
  }

  @Test
  void windowsLineEndingsCountOneLineEach() throws Exception {
    RawTable table = reader.read("Код;Вариант\r\n1001;1\r\n\r\n1002;2\r\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(2, 4), table.rows().stream().map(RawRow::rowNumber).toList());
  }

  @Test
  void emptyTextHasNoHeader() throws Exception {
    assertTrue(!reader.read("\n\n ; ;\n".getBytes(StandardCharsets.UTF_8)).hasHeader());
  }

  @Test
  void binaryGarbageIsUnreadable() {
    byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1};
    UnreadableFormException e = assertThrows(UnreadableFormException.class, () -> reader.read(garbage));
    assertTrue(e.getMessage().contains("не является текстовым"));
  }

  @Test
  void anUnclosedQuoteIsUnreadableAndNamesTheLine() {
    byte[] text = "Код;Вариант\n1001;1\n1002;\"2\n".getBytes(StandardCharsets.UTF_8);
    UnreadableFormException e = assertThrows(UnreadableFormException.class, () -> reader.read(text));
    assertTrue(e.getMessage().contains("кавычки"), e.getMessage());
  }
}
