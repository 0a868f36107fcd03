package ru.vpr.bench.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainParseTest {
  @TempDir Path dir;

  @Test
  void countsRowsAndCellsAndSumsTheNumbersOfEveryForm() throws Exception {
    Path work = dir.resolve("year=2025/subject=ma/grade=5");
    Files.createDirectories(work);
    Files.writeString(work.resolve("edu000001.csv"), "Код;Вариант;1 (2б);Класс\n1001;1;2;5А\n1002;2;X;5А\n");
    Files.write(work.resolve("edu000002.csv"),
        "Код\tВариант\t1 (2б)\tКласс\r\n2001\t1\t1\t5Б\r\n".getBytes(Charset.forName("windows-1251")));
    Files.writeString(work.resolve("notes.txt"), "not a form");
    ParseTotals totals = new PlainParse().run(dir);
    assertEquals(2, totals.files());
    assertEquals(3, totals.rows());
    assertEquals(12, totals.cells());
    assertEquals(1001 + 1 + 2 + 1002 + 2 + 2001 + 1 + 1, totals.checksum());
  }

  @Test
  void onlyPlainDigitsCount() {
    assertEquals(42, PlainParse.wholeNumber("42"));
    assertEquals(0, PlainParse.wholeNumber("4.5"));
    assertEquals(0, PlainParse.wholeNumber("X"));
    assertEquals(0, PlainParse.wholeNumber(""));
  }
}
