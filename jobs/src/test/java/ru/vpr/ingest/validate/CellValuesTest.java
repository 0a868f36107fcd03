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
  @CsvSource({"2,2", "' 2 ',2", "2.0,2", "'2,00',2", "-1,-1", "0,0", "+3,3"})
  void wholeNumbers(String text, int expected) {
    assertEquals(expected, CellValues.wholeNumber(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2.5", "два", "2б", "1e3", "99999999999"})
  void notWholeNumbers(String text) {
    assertNull(CellValues.wholeNumber(text));
  }

  @Test
  void notAttemptedIsLatinOrCyrillicX() {
    for (String x : new String[] {"X", "x", "Х", "х", " X "}) assertTrue(CellValues.isNotAttempted(x), x);
    assertFalse(CellValues.isNotAttempted("0"));
    assertFalse(CellValues.isNotAttempted(""));
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
