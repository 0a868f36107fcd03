package ru.vpr.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassNamesTest {

  @ParameterizedTest(name = "«{0}» in grade 5 is {1}")
  @CsvSource(delimiter = '|', value = {
      // The contract's own forms.
      "5А        | 5А", "5а        | 5А", "5 б       | 5Б", "5-в       | 5В", "5 \"А\"   | 5А", "5«г»      | 5Г",
      "5A        | 5А", "5b        | 5В", "5 M       | 5М", "5 класс А | 5А", "5 кл. Б   | 5Б", "5кл Б     | 5Б",
      " 5Ё       | 5Е",
      // What real exports hold (contract §1.4): the letter alone, "нет" and the grade alone for one class.
      "а         | 5А", "Б         | 5Б", "a         | 5А", "нет       | 5", "НЕТ       | 5", "Нет       | 5",
      "5         | 5", "''        | 5",
      // School habits seen in the 2021 exports: several letters, a group number, a branch.
      "кб        | 5КБ", "а(1)      | 5А1", "в(2)      | 5В2", "ф 1       | 5Ф1", "нет_С     | 5С", "Кл        | 5КЛ",
      "5к        | 5К", "Чек       | 5ЧЕК",
      // Numbered classes: kept as the school numbers them.
      "1         | 1", "2         | 2", "5/1       | 5-1", "5-2       | 5-2",
  })
  void readsClassCellsWithoutAnIssue(String text, String expected) {
    ClassNames.SchoolClass parsed = ClassNames.parse(text, 5);
    assertEquals(expected, parsed.name());
    assertEquals(ClassNames.Issue.NONE, parsed.issue(), text);
  }

  @ParameterizedTest(name = "«{0}» in grade 5 is {1}, of another grade")
  @CsvSource(delimiter = '|', value = {"6А | 6А", "4 б | 4Б", "10 К | 10К", "6/1 | 6-1"})
  void keepsAClassOfAnotherGradeAsWritten(String text, String expected) {
    ClassNames.SchoolClass parsed = ClassNames.parse(text, 5);
    assertEquals(expected, parsed.name());
    assertEquals(ClassNames.Issue.OTHER_GRADE, parsed.issue());
  }

  @ParameterizedTest(name = "«{0}» in grade 5 is unrecognised, kept as {1}")
  @CsvSource(delimiter = '|', value = {"пятый | 5ПЯТЫЙ", "филиал | 5ФИЛИАЛ", "5АБВГ | 5АБВГ", "5D | 5D", "?!! | 5?!!"})
  void keepsAnythingElseAsItsOwnLabel(String text, String expected) {
    ClassNames.SchoolClass parsed = ClassNames.parse(text, 5);
    assertEquals(expected, parsed.name());
    assertEquals(ClassNames.Issue.UNRECOGNISED, parsed.issue());
  }
}
