package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.vpr.reference.WorkKey;

class LandingLayoutTest {
  private static final String ROOT = "file:/data/landing";

  @ParameterizedTest(name = "{0} is {1}/{2}/{3}")
  @CsvSource(delimiter = '|', value = {
      // The contract's Hive-style folders.
      "year=2025/subject=ma/grade=5/edu100001.csv                                  | 2025 | ma | 5",
      "year=2025/subject=ma_adv/grade=8/edu100001.xlsx                             | 2025 | ma_adv | 8",
      // FIS OKO's own names (contract §1.4), nominative and dative.
      "Проведение работы по истории, 5 класс. ВПР 2021.xlsx                        | 2021 | hi | 5",
      "Проведение работы по окружающему миру, 4 класс. ВПР 2021.xlsx               | 2021 | ok | 4",
      "Проведение работы по русскому языку, 6 класс. ВПР 2021.xlsx                 | 2021 | ru | 6",
      "Проведение работы по математике, 4 класс. ВПР 2021.xlsx                     | 2021 | ma | 4",
      "Форма сбора результатов Английский язык 8 класс ВПР 2026.xlsx               | 2026 | en | 8",
      "Форма сбора результатов Литературное чтение 4 класс ВПР 2026.xlsx           | 2026 | lr | 4",
      "2022/5/Математика.xlsx                                                      | 2022 | ma | 5",
      "2022/6/Русскому языку.xlsx                                                  | 2022 | ru | 6",
      "2022/11/Французский язык.xlsx                                               | 2022 | fr | 11",
      "exports-2020/4/Математика.xlsx                                              | 2020 | ma | 4",
      "ВПР 2023/5 класс/sch220206/Биология.xlsx                                    | 2023 | bi | 5",
      // The file name's own year and grade win over the folders'.
      "2021/Проведение работы по биологии, 5 класс. ВПР 2022.xlsx                  | 2022 | bi | 5",
  })
  void placesAFileByItsFoldersAndName(String relative, int year, String subject, int grade) {
    assertEquals(new WorkKey(year, subject, grade), LandingLayout.workOf(ROOT, ROOT + "/" + relative));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "year=2025/subject=ma/edu100026.csv",  // no grade anywhere
      "2022/Математика.xlsx",                // no grade
      "5/Математика.xlsx",                   // no year below the root
      "2022/5/results.xlsx",                 // no subject
      "2022/5/Физкультура.xlsx",             // not a VPR subject
  })
  void aFileWhoseWorkCannotBeToldHasNone(String relative) {
    assertNull(LandingLayout.workOf(ROOT, ROOT + "/" + relative));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "file:/data/ВПР 2022        | file:/data/ВПР 2022/5/Математика.xlsx | 2022",
      "file:/home/vpr2024/landing | file:/home/vpr2024/landing/2021/5/История.xlsx | 2021",
  })
  void theRootsOwnNameCountsButNothingAboveIt(String root, String path, int year) {
    assertEquals(year, LandingLayout.workOf(root, path).year());
    assertNull(LandingLayout.workOf("file:/home/vpr2024/landing", "file:/home/vpr2024/landing/5/История.xlsx"),
        "a year above the landing root does not place a file");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "year=2025/subject=ma/grade=5/edu100001.csv         | edu100001",
      "year=2025/subject=ma/grade=5/SCH220206.xlsx        | sch220206",
      "2026/sch220206/Форма сбора результатов Математика 5 класс ВПР 2026.xlsx | sch220206",
      "Проведение работы по истории, 5 класс. ВПР 2021.xlsx | -",
  })
  void findsTheLoginInTheNameOrAFolder(String relative, String login) {
    assertEquals(login, LandingLayout.place(ROOT, ROOT + "/" + relative).login());
  }
}
