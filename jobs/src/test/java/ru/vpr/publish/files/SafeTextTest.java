package ru.vpr.publish.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void prefixesEveryFormulaStart() {
    assertEquals("'=HYPERLINK(\"http://x\")", SafeText.neutralise("=HYPERLINK(\"http://x\")"));
    assertEquals("'=cmd|' /C calc'!A0", SafeText.neutralise("=cmd|' /C calc'!A0"));
    assertEquals("'+1+2", SafeText.neutralise("+1+2"));
    assertEquals("'-2+3", SafeText.neutralise("-2+3"));
    assertEquals("'@SUM(A1)", SafeText.neutralise("@SUM(A1)"));
    assertEquals("'\t=1", SafeText.neutralise("\t=1"));
    assertEquals("'\r=1", SafeText.neutralise("\r=1"));
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertNull(SafeText.neutralise(null));
    assertEquals("", SafeText.neutralise(""));
    assertEquals("МБОУ СОШ №1", SafeText.neutralise("МБОУ СОШ №1"));
    assertEquals("5А", SafeText.neutralise("5А"));
    assertEquals("edu100001", SafeText.neutralise("edu100001"));
    assertEquals(" =1", SafeText.neutralise(" =1"), "a leading space is not a formula");
    assertEquals("a=b", SafeText.neutralise("a=b"));
    assertEquals("— нет данных", SafeText.neutralise("— нет данных"), "an em dash is not a minus");
    assertEquals("'already quoted", SafeText.neutralise("'already quoted"));
  }

  @Test
  void tellsWhatStartsLikeAFormula() {
    assertTrue(SafeText.startsLikeFormula("=1"));
    assertFalse(SafeText.startsLikeFormula(null));
    assertFalse(SafeText.startsLikeFormula(""));
    assertFalse(SafeText.startsLikeFormula("1=1"));
  }
}
