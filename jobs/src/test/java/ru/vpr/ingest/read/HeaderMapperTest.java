package ru.vpr.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderMapperTest {

  @ParameterizedTest(name = "«{0}» is task {1}, max {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "1 (2б)        | 1   | 2",
      "1(2б)         | 1   | 2",
      "5.1 (1б)      | 5.1 | 1",
      "5,1 (1б)      | 5.1 | 1",
      "5.1           | 5.1 | -",
      "1К1 (4б)      | 1К1 | 4",
      "1 К1 (4б)     | 1К1 | 4",
      "1K1 (4б)      | 1К1 | 4",
      "1 k1          | 1К1 | -",
      "3(1)          | 3.1 | -",
      "3 (1)         | 3.1 | -",
      "3(1) (1б)     | 3.1 | 1",
      "2 (1 балл)    | 2   | 1",
      "2 (3 балла)   | 2   | 3",
      "2 (5 баллов)  | 2   | 5",
      "2 (2 Б.)      | 2   | 2",
      "  12  (2б)    | 12  | 2",
      "Задание 7 (2б)| 7   | 2",
      "7             | 7   | -",
  })
  void recognisesTaskHeaders(String header, String code, Integer max) {
    assertEquals(Optional.of(new TaskHeader(code, max)), TaskHeader.parse(header));
  }

  @ParameterizedTest(name = "«{0}» is the {1}-th task column")
  @CsvSource(delimiter = '|', value = {"балл за 1 | 1 | false", "Балл за 12 | 12 | false", "a-1-grade | 1 | true",
      "a-40-grade | 40 | true"})
  void numberedTaskColumnsOfFisOkosExports(String header, int ordinal, boolean fixedWidth) {
    TaskHeader task = TaskHeader.parse(header).orElseThrow();
    assertTrue(task.isNumbered());
    assertEquals(ordinal, task.ordinal());
    assertEquals(fixedWidth, task.fixedWidth());
    assertNull(task.code());
  }

  @Test
  void tellsTheLayoutFromTheHeader() {
    assertEquals(FormHeader.Layout.EXPORT_2021, HeaderMapper.map(List.of("логин школы", "код обучающегося", "класс",
        "вариант", "всего баллов", "балл за 1", "балл за 2")).layout());
    assertEquals(FormHeader.Layout.RAW_EXPORT, HeaderMapper.map(List.of("groups", "user", "id", "code", "klass", "var-1",
        "sum", "a-1-grade", "a-2-grade")).layout());
    assertEquals(FormHeader.Layout.FIS_OKO_EXPORT, HeaderMapper.map(List.of("Пользователь", "Муниципалитет", "Школа",
        "Код", "Вариант", "1 (1б)", "Наименование класса")).layout());
    assertEquals(FormHeader.Layout.REGIONAL_EXPORT, HeaderMapper.map(List.of("Код", "Вариант", "1 (1б)", "Класс", "Логин ОО")).layout());
    assertEquals(FormHeader.Layout.SCHOOL_FORM, HeaderMapper.map(List.of("Код", "Вариант", "1 (1б)", "Класс", "Итого баллов")).layout());
  }

  @Test
  void nonBreakingSpacesAreSpaces() {
    assertEquals(Optional.of(new TaskHeader("1К1", 4)), TaskHeader.parse("1\u00A0К1\u00A0\u00A0(4б)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Итого", "Первичный балл", "1 (2б) итого", "5.1.2", "К1", "Отметка"})
  void otherColumnsAreNotTasks(String header) {
    assertEquals(Optional.empty(), TaskHeader.parse(header));
  }

  @ParameterizedTest(name = "«{0}» is {1}")
  @CsvSource(delimiter = '|', value = {
      "Код                              | CODE",
      "  КОД   УЧАСТНИКА                | CODE",
      "пол                              | SEX",
      "Вариант                          | VARIANT",
      "Наименование класса              | CLASS",
      "Наименование\u00A0класса          | CLASS",
      "Класс                            | CLASS",
      "Отметка за предыдущее полугодие  | JOURNAL_MARK",
      "Отметка за предыдущий триместр   | JOURNAL_MARK",
      "Учебник                          | TEXTBOOK",
      "Логин ОО                         | LOGIN",
      "логин школы                      | LOGIN",
      "Пользователь                     | LOGIN",
      "user                             | LOGIN",
      "код обучающегося                 | CODE",
      "code                             | CODE",
      "klass                            | CLASS",
      "var-1                            | VARIANT",
      "otc                              | JOURNAL_MARK",
      "отметка за предыдущую четверть/триместр | JOURNAL_MARK",
      "gender                           | SEX",
      "Школа                            | SCHOOL",
      "Муниципалитет                    | MUNICIPALITY",
      "регион                           | REGION",
      "groups                           | MUNICIPALITY_TAGS",
      "всего баллов                     | REPORTED_TOTAL",
      "Итого баллов                     | REPORTED_TOTAL",
      "sum                              | REPORTED_TOTAL",
      "Первичный балл                   | REPORTED_TOTAL",
      "Отметка                          | REPORTED_MARK",
      "номер обучающегося               | OTHER",
      "id                               | OTHER",
      "var-2                            | OTHER",
      "Код региона                      | OTHER",
      "ФИО                              | PERSONAL_DATA",
      "ФИО участника                    | PERSONAL_DATA",
      "Ф.И.О.                           | PERSONAL_DATA",
      "Фамилия                          | PERSONAL_DATA",
      "Фамилия, имя                     | PERSONAL_DATA",
      "Имя                              | PERSONAL_DATA",
      "Отчество                         | PERSONAL_DATA",
      "Дата рождения                    | PERSONAL_DATA",
      "СНИЛС                            | PERSONAL_DATA",
      "Примечание                       | OTHER",
      "Именной список                   | OTHER",
      "Наименование ОО                  | OTHER",
      "Код ОО                           | OTHER",
  })
  void mapsRoles(String header, HeaderMapper.Role role) {
    assertEquals(role, HeaderMapper.role(HeaderText.normalise(header)));
  }

  @Test
  void mapsAWholeHeader() {
    FormHeader header = HeaderMapper.map(List.of(
        "", "Код участника", "Пол", "Вариант", "1 (2б)", "5.1 (1б)", "1 К1 (4б)", "Класс", "Итого",
        "Отметка за предыдущее полугодие", "Учебник", "Код"));
    assertEquals(1, header.code(), "the first of two code columns counts");
    assertEquals(2, header.sex());
    assertEquals(3, header.variant());
    assertEquals(7, header.className());
    assertEquals(9, header.journalMark());
    assertEquals(10, header.textbook());
    assertEquals(FormHeader.NONE, header.login());
    assertFalse(header.isRegionalExport());
    assertEquals(List.of("1", "5.1", "1К1"), header.tasks().stream().map(t -> t.task().code()).toList());
    assertEquals(List.of(4, 5, 6), header.tasks().stream().map(FormHeader.TaskColumn::index).toList());
    assertNull(header.personalDataColumn());
    assertTrue(header.missingRequired().isEmpty());
  }

  @Test
  void namesMissingRequiredColumnsAsTheFormDoes() {
    FormHeader header = HeaderMapper.map(List.of("Пол", "Имя участника", "Логин ОО"));
    assertEquals("Имя участника", header.personalDataColumn());
    assertTrue(header.isRegionalExport());
    assertEquals(List.of("«Код участника»", "«Вариант»", "«Наименование класса»", "столбцы заданий вида «1 (2б)»"),
        header.missingRequired());
  }
}
