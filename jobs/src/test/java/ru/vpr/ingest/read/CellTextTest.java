package ru.vpr.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CellTextTest {
  @Test
  void decodesNumericCharacterReferences() {
    assertEquals("логин школы", CellText.clean("&#1083;&#1086;&#1075;&#1080;&#1085; &#1096;&#1082;&#1086;&#1083;&#1099;"));
    assertEquals("лог", CellText.clean("&#x43B;&#X43E;&#x433;"));
    assertEquals("a &#0; b", CellText.clean("a &#0; b"), "a reference to nothing stays as it is");
    assertEquals("AT&T; &#abc;", CellText.clean("AT&T; &#abc;"));
  }

  @Test
  void makesOddSpacesPlainAndTrims() {
    assertEquals("4", CellText.clean("4\u00A0"));
    assertEquals("5 А", CellText.clean("\u20075\u202FА "));
    assertEquals("", CellText.clean(null));
  }
}
