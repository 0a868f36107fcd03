package ru.vpr.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassNamesTest {

  @ParameterizedTest(name = "«{0}» is {1}")
  @CsvSource(delimiter = '|', value = {
      "5А        | 5А",
      "5а        | 5А",
      "5 б       | 5Б",
      "5-в       | 5В",
      "5 \"А\"   | 5А",
      "5«г»      | 5Г",
      "5A        | 5А",
      "5b        | 5В",
      "5 M       | 5М",
      "10 К      | 10К",
      "5 класс А | 5А",
      "5 кл. Б   | 5Б",
      "5         | 5",
      " 5Ё       | 5Е",
  })
  void normalises(String text, String expected) {
    assertEquals(expected, ClassNames.parse(text).orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "А", "5АБ", "5D", "пятый", "0А", "12А", "5/1"})
  void refusesWhatIsNotAClass(String text) {
    assertEquals(Optional.empty(), ClassNames.parse(text));
  }
}
