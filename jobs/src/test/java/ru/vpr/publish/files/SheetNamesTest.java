package ru.vpr.publish.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SheetNamesTest {
  @Test
  void followsExcelsRules() {
    SheetNames names = new SheetNames("Сводка", "Низкие результаты");
    List<String> given = new ArrayList<>();
    given.add(names.municipality("01", "Верхнекамский муниципальный район"));
    given.add(names.municipality("02", "г. Заречный [ЗАТО]: север/юг?*\\"));
    given.add(names.municipality("03", "Очень-очень длинное название городского поселения без пробелов"));
    given.add(names.municipality("04", "Сводка"));
    given.add(names.municipality("05", "г. Заречный [ЗАТО]: север/юг?*\\"));
    given.add(names.municipality("06", "  "));
    given.add(names.municipality("07", "'Кавычки'"));
    given.add(names.municipality("08", "history"));
    given.add(names.municipality("05", "Г. ЗАРЕЧНЫЙ ЗАТО СЕВЕР ЮГ"));

    assertEquals(List.of(
        "Верхнекамский МР",
        "г. Заречный ЗАТО север юг",
        "Очень-очень длинное название",
        "Сводка (04)",
        "г. Заречный ЗАТО север юг (05)",
        "06",
        "Кавычки",
        "history (08)",
        "Г. ЗАРЕЧНЫЙ ЗАТО СЕВЕР ЮГ (2)"), given);
    Set<String> unique = new HashSet<>();
    for (String n : given) {
      assertTrue(n.length() <= 31, n);
      assertTrue(n.chars().noneMatch(c -> "[]:*?/\\".indexOf(c) >= 0), n);
      assertTrue(unique.add(n.toLowerCase(Locale.ROOT)), "unique regardless of case: " + n);
    }
  }

  @Test
  void shortensLongNames() {
    assertEquals("Александровский городской округ", SheetNames.fit("Александровский городской округ", ""),
        "31 characters fit as they are");
    assertEquals("Петропавловск-Камчатский ГО", SheetNames.fit("Петропавловск-Камчатский городской округ", ""));
    assertEquals("Новоалександровский МР", SheetNames.fit("Новоалександровский муниципальный район", ""));
    assertEquals("Каменск-Уральский городской р-н", SheetNames.fit("Каменск-Уральский городской район", ""));
    assertEquals("Новоалександровский (9)", SheetNames.fit("Новоалександровский городской район", " (9)"),
        "cut at a word boundary");
    String cut = SheetNames.fit("Безпробеловоченьдлинноеназваниемуниципалитета", "");
    assertEquals(31, cut.length());
  }
}
