package ru.vpr.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.vpr.ingest.TestForms;

class XlsxFormReaderTest {
  private final XlsxFormReader reader = new XlsxFormReader();

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  @Test
  void readsTheProtocolSheetAndSkipsThePreamble() throws Exception {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("Инструкция", List.of(row("Это не таблица"), row("Код", "Вариант")));
    sheets.put("Протокол", List.of(
        row("Форма сбора результатов ВПР"),
        row(null, "МБОУ СОШ № 1"),
        row(),
        row(null, "Код участника", "Вариант", "1 (2б)", "Наименование класса"),
        row(null, 12345, 1, 2.0, "5А"),
        row(),
        row(null, "01234", 2.0, "X", "5Б")));
    RawTable table = reader.read(TestForms.xlsx(sheets));
    assertEquals(4, table.headerRowNumber());
    assertEquals(List.of("", "Код участника", "Вариант", "1 (2б)", "Наименование класса"), table.header());
    assertEquals(List.of(5, 7), table.rows().stream().map(RawRow::rowNumber).toList());
    assertEquals(List.of("", "12345", "1", "2", "5А"), table.rows().get(0).cells());
    assertEquals(List.of("", "01234", "2", "X", "5Б"), table.rows().get(1).cells());
  }

  @Test
  void readsTheFirstSheetWhenThereIsNoProtocol() throws Exception {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("Лист1", List.of(row("Код", "Вариант"), row(1001, 3)));
    sheets.put("Лист2", List.of(row("Код", "Вариант"), row(9999, 9)));
    RawTable table = reader.read(TestForms.xlsx(sheets));
    assertEquals(List.of("1001", "3"), table.rows().get(0).cells());
  }

  @Test
  void keepsNonIntegerNumbersSoValidationCanRefuseThem() throws Exception {
    RawTable table = reader.read(TestForms.xlsx(Map.of("Протокол",
        List.of(row("Код", "1 (2б)", "2 (1б)"), row(1001, 1.5, -1)))));
    assertEquals(List.of("1001", "1.5", "-1"), table.rows().get(0).cells());
  }

  @Test
  void withoutACodeColumnTheFirstRowIsTheHeader() throws Exception {
    RawTable table = reader.read(TestForms.xlsx(Map.of("Протокол",
        List.of(row("Номер", "Вариант"), row(1001, 1)))));
    assertEquals(1, table.headerRowNumber());
    assertEquals(List.of("Номер", "Вариант"), table.header());
  }

  @Test
  void anEmptySheetHasNoHeader() throws Exception {
    assertTrue(!reader.read(TestForms.xlsx(Map.of("Протокол", List.of()))).hasHeader());
  }

  @Test
  void textRenamedToXlsxIsUnreadable() {
    UnreadableFormException e = assertThrows(UnreadableFormException.class,
        () -> reader.read("Код;Вариант\n1;1\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("не является книгой Excel"));
  }

  @Test
  void oldXlsRenamedToXlsxIsUnreadable() {
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    UnreadableFormException e = assertThrows(UnreadableFormException.class, () -> reader.read(ole2));
    assertTrue(e.getMessage().contains("xls"));
  }

  @Test
  void aTruncatedZipIsUnreadable() {
    byte[] full = TestForms.xlsx(Map.of("Протокол", List.of(row("Код", "Вариант"), row(1001, 1))));
    byte[] truncated = Arrays.copyOf(full, full.length / 2);
    assertThrows(UnreadableFormException.class, () -> reader.read(truncated));
  }
}
