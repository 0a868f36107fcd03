package ru.vpr.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectWordsTest {
  @ParameterizedTest(name = "«{0}» is {1}")
  @CsvSource(delimiter = '|', value = {
      "Математика | ma", "по математике | ma", "Русский язык | ru", "Русскому языку | ru", "русского_языка | ru",
      "Окружающий мир | ok", "окружающему миру | ok", "Литературное чтение | lr", "литературному чтению | lr",
      "Литература | li", "История | hi", "истории | hi", "Обществознание | ob", "обществознанию | ob",
      "География | ge", "географии | ge", "Биология | bi", "биологии | bi", "Физика | ph", "физике | ph",
      "Химия | ch", "химии | ch", "Информатика | in", "Английский язык | en", "английскому языку | en",
      "Немецкий язык | de", "Французский язык | fr", "Математика (углублённая) | ma_adv", "физике углубленной | ph_adv",
  })
  void findsTheSubjectInAnyCase(String text, String subject) {
    assertEquals(Optional.of(subject), SubjectWords.find(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"results", "Физкультура", "биохимия", "Сводная таблица", ""})
  void findsNoneWhereThereIsNone(String text) {
    assertEquals(Optional.empty(), SubjectWords.find(text));
  }
}
