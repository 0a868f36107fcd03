package ru.vpr.publish.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectNamesTest {
  @Test
  void contractNamesWithOverridesFromTheSpecs() {
    SubjectNames contract = SubjectNames.contract();
    assertEquals("Математика", contract.russian("ma"));
    assertEquals("Литературное чтение", contract.russian("lr"));
    assertEquals("Физика (углублённая)", contract.russian("ph_adv"));
    assertEquals("xx", contract.russian("xx"), "an unknown code is shown as it is");
    assertNull(contract.russian(null));

    Map<String, String> specs = new HashMap<>();
    specs.put("ma", " Математика (базовая) ");
    specs.put("xx", "Родной язык");
    specs.put("ru", "");
    SubjectNames merged = contract.with(specs);
    assertEquals("Математика (базовая)", merged.russian("ma"));
    assertEquals("Родной язык", merged.russian("xx"));
    assertEquals("Русский язык", merged.russian("ru"), "a blank name in the specs does not hide the contract's");
    assertEquals("Математика", contract.russian("ma"), "the contract's names are not changed");
  }
}
