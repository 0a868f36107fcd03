package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.vpr.ingest.TestForms.MATH_5;
import static ru.vpr.ingest.TestForms.MATH_5_SPEC;
import static ru.vpr.ingest.TestForms.utf8;
import static ru.vpr.ingest.TestForms.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.FormOutcome.ResultRecord;
import ru.vpr.reference.School;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;

/**
 * Each layout of contract §1.4 on a small hand-made file: recognised from its header, rows read with the
 * real cell values, nothing refused but what §1.4 names. The work is {@link TestForms#MATH_5_SPEC}: tasks
 * 1 (2б), 2 (1б), 3.1 (1б), 3.2 (2б), 4К1 (4б); marks 3/4/5 from 3/5/8 points.
 */
class RealLayoutsTest {
  private static final Reference REFERENCE = new Reference(
      new SpecCatalog(List.of(MATH_5_SPEC), Map.of("ma", "Математика")),
      new SchoolRegistry(List.of(
          new School("sch220206", "МБОУ СОШ №1", "reg22_m001", "Район 1", School.CITY, "СОШ"),
          new School("sch220207", "МБОУ Лицей", "reg22_m002", "Район 2", School.CITY, "лицей"),
          new School("edu223379", "МКОУ \"Усть-Кажинская СОШ\"", "reg22_m019", "Красногорский муниципальный район", School.VILLAGE, "СОШ"))));

  private static FormOutcome process(String name, byte[] content) {
    String root = "file:/landing";
    String path = root + "/" + name;
    LandingLayout.Placement placement = LandingLayout.place(root, path);
    return FormProcessor.process(new FormFile(path, placement.work(), placement.login(), content), REFERENCE);
  }

  private static List<Object> row(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }

  private static Map<String, Long> reasons(FormOutcome outcome) {
    return outcome.rejects().stream().collect(Collectors.groupingBy(RejectRecord::reason, TreeMap::new, Collectors.counting()));
  }

  // ---------- (a) the 2021 regional export ----------

  private static final List<Object> EXPORT_2021_HEADER = row("логин школы", "регион", "номер обучающегося",
      "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов",
      "балл за 1", "балл за 2", "балл за 3", "балл за 4", "балл за 5", "Учебник", "Др.уч. автор");

  @Test
  void export2021ReadsNumberedTasksInSpecOrderAndRealCellValues() {
    byte[] file = xlsx(Map.of("Sheet", List.of(EXPORT_2021_HEADER,
        row("sch220206", "город Барнаул", "1", "50001", "4\u00A0", "м", "нет", "1", "9", "2", "1", "1", "2", "3", "Дорофеев", ""),
        row("sch220206", "город Барнаул", "2", "50002", "нет отметки", "ж", "НЕТ", "2", "3", "x", "Х", "не пройд.", "1", "2", "", ""),
        row("sch220207", "Первомайский район", "1", "50001", "5", "Ж", "а", "1", "8", "2", " X ", "1", "0", "4", "", ""),
        row("sch220207", "Первомайский район", "2", "50002", "ж", "м", "Б", "2", "0", "0", "0", "0", "0", "0", "", ""),
        row("sch220207", "Первомайский район", "3", "50003", "", "", "", "отсутствовал", "", "", "", "", "", "", "", ""),
        row("sch220207", "Первомайский район", "4", "50004", "3", "м", "б", "0", "1", "1", "0", "0", "0", "0", "", ""),
        row("sch220207", "Первомайский район", "5", "50005", "3", "м", "б", "1", "1", "Ч", "0", "0", "0", "0", "", ""))));
    FormOutcome outcome = process("Проведение работы по математике, 5 класс. ВПР 2025.xlsx", file);

    assertEquals("export_2021", outcome.kind());
    assertEquals(FormOutcome.PARTIAL, outcome.status());
    assertEquals(Map.of("invalid_variant", 1L, "score_not_number", 1L, "invalid_journal_mark", 1L, "total_mismatch", 1L),
        reasons(outcome), "only a variant 0 and a score Ч refuse their rows: " + outcome.rejects());
    Map<String, ResultRecord> byKey = new LinkedHashMap<>();
    for (ResultRecord r : outcome.results()) byKey.put(r.login() + "/" + r.code(), r);
    assertEquals(List.of("sch220206/50001", "sch220206/50002", "sch220207/50001", "sch220207/50002", "sch220207/50003"),
        List.copyOf(byKey.keySet()));

    ResultRecord first = byKey.get("sch220206/50001");
    assertEquals("5", first.className(), "нет: the school's single class");
    assertEquals(4, first.journalMark(), "4 with a non-breaking space is 4");
    assertEquals(List.of(2, 1, 1, 2, 3), first.scores().stream().map(FormOutcome.TaskScore::score).toList(),
        "балл за k is the k-th task of the spec");
    assertEquals(List.of("1", "2", "3.1", "3.2", "4К1"), first.scores().stream().map(FormOutcome.TaskScore::task).toList());
    assertEquals(9, first.primaryScore());
    assertEquals("М", first.sex());
    ResultRecord notAttempted = byKey.get("sch220206/50002");
    assertEquals(Arrays.asList(null, null, null, 1, 2), notAttempted.scores().stream().map(FormOutcome.TaskScore::score).toList(),
        "x, Х and не пройд. are not attempted");
    assertNull(notAttempted.journalMark());
    assertEquals("5", notAttempted.className());
    assertEquals("5А", byKey.get("sch220207/50001").className());
    assertEquals("5Б", byKey.get("sch220207/50002").className());
    assertNull(byKey.get("sch220207/50002").journalMark(), "journal mark ж is no mark, with a warning");
    assertTrue(byKey.get("sch220207/50003").absent());
    assertEquals("5", byKey.get("sch220207/50003").className(), "an absent pupil's empty class is no error");
    RejectRecord total = outcome.rejects().stream().filter(r -> r.reason().equals("total_mismatch")).findFirst().orElseThrow();
    assertEquals("50001", total.code(), "всего баллов says 8 where the cells sum to 7");
    assertEquals("sch220207", total.login());
  }

  @Test
  void export2021WithAnotherNumberOfTasksIsAnotherWork() {
    List<Object> header = new ArrayList<>(EXPORT_2021_HEADER);
    header.add(14, "балл за 6");
    byte[] file = xlsx(Map.of("Sheet", List.of(header,
        row("sch220206", "город Барнаул", "1", "50001", "4", "м", "нет", "1", "9", "2", "1", "1", "2", "3", "0", "", ""))));
    FormOutcome outcome = process("Проведение работы по математике, 5 класс. ВПР 2025.xlsx", file);
    assertEquals(FormOutcome.REFUSED, outcome.status());
    assertEquals("task_mismatch", outcome.rejects().get(0).reason());
    assertTrue(outcome.rejects().get(0).message().contains("6 столбцов заданий, а в описании работы 5"),
        outcome.rejects().get(0).message());
  }

  // ---------- (b) the 2022 FIS OKO export ----------

  @Test
  void fisOkoExportReadsTheProtocolSheetAndTheSchoolCells() {
    List<Object> header = row("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа", "Дата загрузки", "Код",
        "Вариант", "1 (2б)", "2 (1б)", "3(1) (1б)", "3(2) (2б)", "4К1 (4б)", "Наименование класса", "Пол",
        "Отметка за предыдущий триместр/ четверть/полугодие", "Итого баллов");
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("Классы", List.of(row("Пользователь", "Буква (цифра) класса. Введите \"нет\" - если отсутствует"),
        row("edu223379", "нет")));
    sheets.put("Протокол", List.of(header,
        row("edu223379", 22, "reg220000 | Алтайский край", "reg22_m019 | Красногорский муниципальный район",
            "edu223379 | МКОУ \"Усть-Кажинская СОШ\"", "17.03.2022 05:09:18", 50001, 1, 2, 1, 0, 1, 3, "нет", "ж", 3, 7),
        row("edu223379", 22, "reg220000 | Алтайский край", "reg22_m019 | Красногорский муниципальный район",
            "edu223379 | МКОУ \"Усть-Кажинская СОШ\"", "17.03.2022 05:09:18", 50002, 2, 2, 1, 1, 2, 4, "нет", "м", 5, 10)));
    FormOutcome outcome = process("2025/5/Математика.xlsx", xlsx(sheets));
    assertEquals("fis_oko_export", outcome.kind());
    assertEquals(FormOutcome.ACCEPTED, outcome.status(), outcome.rejects()::toString);
    assertEquals(List.of(7, 10), outcome.results().stream().map(ResultRecord::primaryScore).toList());
    assertTrue(outcome.results().stream().allMatch(r -> r.login().equals("edu223379") && r.className().equals("5")));
    assertTrue(outcome.rejects().isEmpty(), "Итого баллов agrees with the cells");
  }

  // ---------- (c) the 2020 raw export ----------

  @Test
  void rawExportReadsTheWorksTasksAndIgnoresTheColumnsPastThem() {
    List<Object> header = row("groups", "user", "id", "code", "otc", "gender", "klass", "var-1", "var-2", "sum");
    for (int k = 1; k <= 40; k++) header.add(k == 7 ? "Учебник" : "a-" + k + "-grade");
    String tags = "22-RU-ALT,EAST,VPR_22,reg22_vpr_m001,reg22_vpr.2017.m001,vpr2020.ma5";
    List<Object> good = row(tags, "sch220206", "1", "50001", "4", "м", "а", "1", "", "12", 2, 1, 1, 2, 4, "", "Дорофеев");
    List<Object> junkPastTheTasks = row(tags, "sch220206", "2", "50002", "5", "ж", "6Б", "2", "", "14", 1, 1, 1, 2, 4, "",
        "", "ж", "5");
    List<Object> absent = row(tags, "sch220206", "3", "50003", "", "", "", "отсутствовал");
    List<Object> aboveMax = row(tags, "sch220206", "4", "50004", "3", "м", "а", "1", "", "11", 2, 2, 1, 2, 4);
    FormOutcome outcome = process("2025/5/Математика.xlsx", xlsx(Map.of("Sheet1", List.of(header, good, junkPastTheTasks, absent, aboveMax))));
    assertEquals("raw_export", outcome.kind());
    assertEquals(Map.of("score_above_max", 1L, "class_grade_mismatch", 1L, "total_mismatch", 2L), reasons(outcome),
        outcome.rejects()::toString);
    assertEquals(List.of("50001", "50002", "50003"), outcome.results().stream().map(ResultRecord::code).toList());
    ResultRecord first = outcome.results().get(0);
    assertEquals("5А", first.className());
    assertEquals(4, first.journalMark());
    assertEquals(10, first.primaryScore(), "sum says 12: FIS OKO's total is compared, never trusted");
    assertEquals("6Б", outcome.results().get(1).className(), "pupils of another grade keep their class");
  }

  // ---------- (d) the collection form as schools fill it ----------

  @Test
  void collectionFormFindsItsLoginAboveTheTableAndComparesItsOwnTotalAndMark() {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("Протокол", List.of(
        row("Форма сбора результатов ВПР. Математика, 5 класс"),
        row("Логин ОО: sch220207"),
        row(),
        row("Код", "Вариант", "1 (2б)", "2 (1б)", "3.1 (1б)", "3.2 (2б)", "4 К1 (4б)", "Наименование класса", "Пол",
            "Отметка за предыдущее полугодие", "Итого баллов", "Первичный балл", "Отметка"),
        row(40001, 1, 2, 1, 1, 2, 4, "5 а", "М", 5, 10, 10, 5),
        row(40002, 2, 1, 0, "X", 1, 0, "5 а", "Ж", 3, 2, 2, 3)));
    sheets.put("Служебный", List.of(row("Варианты"), row(1), row(2)));
    FormOutcome outcome = process("2025/5/Форма сбора результатов Математика 5 класс ВПР 2025.xlsx", xlsx(sheets));
    assertEquals("school_form", outcome.kind());
    assertEquals(Map.of("mark_mismatch", 1L), reasons(outcome), outcome.rejects()::toString);
    assertTrue(outcome.results().stream().allMatch(r -> r.login().equals("sch220207")),
        "the login from the preamble: the file name has none");
    assertEquals(List.of(5, 2), outcome.results().stream().map(ResultRecord::mark).toList());
  }

  @Test
  void collectionFormWithoutAnyLoginIsRefusedSayingSo() {
    FormOutcome outcome = process("2025/5/Форма сбора результатов Математика 5 класс ВПР 2025.csv", utf8(
        "Код;Вариант;1 (2б);2 (1б);3.1 (1б);3.2 (2б);4К1 (4б);Класс", "40001;1;2;1;1;2;4;5А"));
    assertEquals(FormOutcome.REFUSED, outcome.status());
    assertEquals("unknown_school", outcome.rejects().get(0).reason());
    assertTrue(outcome.rejects().get(0).message().contains("нет логина"), outcome.rejects().get(0).message());
  }

  @Test
  void criteriaOfSubItemsAreTasksToo() {
    assertEquals(java.util.Optional.of(new ru.vpr.ingest.read.TaskHeader("11.3К1", 2)),
        ru.vpr.ingest.read.TaskHeader.parse("11.3 k1 (2б)"));
    assertEquals(java.util.Optional.of(new ru.vpr.ingest.read.TaskHeader("10.2К3", null)),
        ru.vpr.ingest.read.TaskHeader.parse("10.2K3"));
    assertEquals(MATH_5, REFERENCE.specs().work(MATH_5).orElseThrow().key());
  }
}
