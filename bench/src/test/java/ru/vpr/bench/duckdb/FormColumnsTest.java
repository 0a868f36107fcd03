package ru.vpr.bench.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormColumnsTest {
  @Test
  void taskHeadersOfEverySpellingGetTheSpecsCode() {
    assertEquals("1", FormColumns.canonicalTask("1 (2б)"));
    assertEquals("5.1", FormColumns.canonicalTask("5.1 (1б)"));
    assertEquals("5.1", FormColumns.canonicalTask("5(1) (1б)"));
    assertEquals("1К1", FormColumns.canonicalTask("1 к1 (4б)"));
    assertEquals("1К2", FormColumns.canonicalTask("1к2"));
    assertNull(FormColumns.canonicalTask("учебник"));
  }

  @Test
  void columnsOfTheUnionAreSortedIntoRoles() {
    FormColumns c = FormColumns.of(List.of("Код", "Код участника", "Пол", "Вариант", "1 (2б)", "2(1) (1б)", "Класс",
        "Наименование класса", "Отметка за предыдущий период", "Логин ОО", "Учебник", "filename", "year"));
    assertEquals(List.of("Код", "Код участника"), c.code());
    assertEquals(List.of("Класс", "Наименование класса"), c.className());
    assertEquals(List.of("Отметка за предыдущий период"), c.journal());
    assertEquals(List.of("Логин ОО"), c.login());
    assertEquals(Map.of("1 (2б)", "1", "2(1) (1б)", "2.1"), c.tasks());
  }
}
