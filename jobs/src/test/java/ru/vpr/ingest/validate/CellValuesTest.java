package ru.vpr.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

  @ParameterizedTest
  @CsvSource({"2,2", "' 2 ',2", "2.0,2", "'2,00',2", "-1,-1", "0,0"})
  void wholeNumbers(String text, int expected) {
    assertEquals(expected, CellValues.wholeNumber(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2.5", "два", "2б", "1e3", "99999999999", "+3", "+1"})
  void notWholeNumbers(String text) {
    assertNull(CellValues.wholeNumber(text));
  }

  @Test
  void notAttemptedIsLatinOrCyrillicXOrFisOkosOwnToken() {
    for (String x : new String[] {"X", "x", "Х", "х", " X ", "\u00A0х\u00A0", "не пройд.", "Не пройд", "не  пройд."}) {
      assertTrue(CellValues.isNotAttempted(x), x);
    }
    for (String score : new String[] {"0", "", "Ч", "xx", "не"}) assertFalse(CellValues.isNotAttempted(score), score);
  }

  @Test
  void noJournalMark() {
    for (String none : new String[] {"", "нет отметки", "Нет отметки", "нет", "-"}) assertTrue(CellValues.isNoMark(none), none);
    assertFalse(CellValues.isNoMark("4"));
    assertFalse(CellValues.isNoMark("ж"));
  }

  @Test
  void absentInAnyCase() {
    for (String a : new String[] {"отсутствовал", "ОТСУТСТВОВАЛ", "Не  присутствовал", "отсутствовала"}) {
      assertTrue(CellValues.isAbsent(a), a);
    }
    assertFalse(CellValues.isAbsent("1"));
  }

  @Test
  void participantCodesAreFourToSixDigits() {
    assertTrue(CellValues.isParticipantCode("1234"));
    assertTrue(CellValues.isParticipantCode("012345"));
    assertFalse(CellValues.isParticipantCode("123"));
    assertFalse(CellValues.isParticipantCode("1234567"));
    assertFalse(CellValues.isParticipantCode("12a4"));
  }

  @Test
  void sex() {
    assertEquals("М", CellValues.sex("м"));
    assertEquals("М", CellValues.sex("M"));
    assertEquals("Ж", CellValues.sex(" ж "));
    assertNull(CellValues.sex(""));
    assertNull(CellValues.sex("?"));
  }
}
