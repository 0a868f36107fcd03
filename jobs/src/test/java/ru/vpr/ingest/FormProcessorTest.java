package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.vpr.ingest.TestForms.HEADER;
import static ru.vpr.ingest.TestForms.MATH_5;
import static ru.vpr.ingest.TestForms.REFERENCE;
import static ru.vpr.ingest.TestForms.SCHOOL;
import static ru.vpr.ingest.TestForms.processCsv;
import static ru.vpr.ingest.TestForms.schoolForm;
import static ru.vpr.ingest.TestForms.utf8;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.FormOutcome.ResultRecord;
import ru.vpr.ingest.FormOutcome.TaskScore;

class FormProcessorTest {

  // ---------- helpers ----------

  private static RejectRecord onlyReject(FormOutcome outcome) {
    assertEquals(1, outcome.rejects().size(), () -> "rejects: " + outcome.rejects());
    return outcome.rejects().get(0);
  }

  private static void assertFileRefused(FormOutcome outcome, RejectReason reason, String messagePart) {
    assertEquals(FormOutcome.REFUSED, outcome.status());
    RejectRecord reject = onlyReject(outcome);
    assertEquals(reason.code(), reject.reason());
    assertEquals(0, reject.rowNumber());
    assertEquals(RejectReason.ERROR, reject.severity());
    assertNull(reject.raw());
    assertTrue(reject.message().contains(messagePart), () -> reject.message() + " lacks " + messagePart);
    assertTrue(outcome.results().isEmpty());
    assertTrue(outcome.raw().isEmpty());
  }

  /** A form with one good row (line 2) and the given row (line 3). */
  private static FormOutcome withRow(String row) {
    return processCsv(HEADER, "1001;М;1;2;1;1;2;4;5А;5;Дорофеев", row);
  }

  private static void assertRowRefused(FormOutcome outcome, RejectReason reason, String... messageParts) {
    assertEquals(FormOutcome.PARTIAL, outcome.status());
    assertEquals(1, outcome.errorRows());
    RejectRecord reject = outcome.rejects().stream().filter(r -> r.reason().equals(reason.code())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + reason + " in " + outcome.rejects()));
    assertEquals(3, reject.rowNumber());
    assertEquals(SCHOOL, reject.login());
    assertEquals(RejectReason.ERROR, reject.severity());
    for (String part : messageParts) {
      assertTrue(reject.message().contains(part), () -> reject.message() + " lacks " + part);
    }
    assertTrue(reject.raw().contains(";"), "raw is the row's cells joined with ;");
    assertEquals(List.of(2), outcome.results().stream().map(ResultRecord::rowNumber).toList());
    assertEquals(2, outcome.raw().size(), "raw keeps every data row, refused ones too");
  }

  // ---------- file-level reasons ----------

  @Test
  void aFileWhoseWorkCannotBeToldIsUnknownWork() {
    FormOutcome outcome = FormProcessor.process(
        new FormFile("s3a://landing/edu100001.csv", null, utf8(HEADER)), REFERENCE);
    assertFileRefused(outcome, RejectReason.UNPLACED_FILE, "s3a://landing/edu100001.csv");
    assertEquals("unknown_work", outcome.rejects().get(0).reason());
    assertEquals(SCHOOL, outcome.rejects().get(0).login());
  }

  @Test
  void xlsIsUnsupported() {
    assertFileRefused(FormProcessor.process(schoolForm("edu100001.xls", new byte[] {1, 2}), REFERENCE),
        RejectReason.UNSUPPORTED_FORMAT, ".xls");
    assertFileRefused(FormProcessor.process(schoolForm("edu100001", new byte[] {1, 2}), REFERENCE),
        RejectReason.UNSUPPORTED_FORMAT, "без расширения");
  }

  @Test
  void garbageIsUnreadable() {
    FormOutcome outcome = FormProcessor.process(schoolForm("edu100001.xlsx", utf8("не книга Excel")), REFERENCE);
    assertFileRefused(outcome, RejectReason.UNREADABLE_FILE, "не является книгой Excel");
    assertNull(outcome.kind());
    assertFileRefused(FormProcessor.process(schoolForm("edu100001.csv", new byte[] {0, 1, 2, 0}), REFERENCE),
        RejectReason.UNREADABLE_FILE, "не является текстовым");
  }

  @Test
  void emptyFilesAndHeaderOnlyFilesAreEmpty() {
    assertFileRefused(FormProcessor.process(schoolForm("edu100001.csv", new byte[0]), REFERENCE),
        RejectReason.EMPTY_FILE, "пуст");
    assertFileRefused(processCsv("", ";;;", ""), RejectReason.EMPTY_FILE, "пуст");
    assertFileRefused(processCsv(HEADER, ";;;;;;;;;;"), RejectReason.EMPTY_FILE, "пуст");
  }

  @Test
  void personalDataRefusesTheFileAndLeaksNoCell() {
    FormOutcome outcome = processCsv(
        "Код участника;Фамилия, имя;Вариант;1 (2б);2 (1б);3.1 (1б);3.2 (2б);4К1 (4б);Наименование класса",
        "1001;Иванов Пётр;1;2;1;1;2;4;5А",
        "1002;Сидорова Анна;1;2;1;1;2;4;5А");
    assertFileRefused(outcome, RejectReason.PERSONAL_DATA, "«Фамилия, имя»");
    String everything = outcome.toString();
    for (String secret : List.of("Иванов", "Сидорова", "1001", "1002")) {
      assertFalse(everything.contains(secret), "outcome leaks " + secret);
    }
  }

  @Test
  void personalDataWinsOverOtherFileProblems() {
    // No variant column and tasks of another work: still refused for personal data, the gravest problem.
    FormOutcome outcome = processCsv("Код;ФИО;99 (1б)", "1001;Иванов;1");
    assertFileRefused(outcome, RejectReason.PERSONAL_DATA, "«ФИО»");
  }

  @Test
  void missingRequiredColumnsAreNamed() {
    FormOutcome outcome = processCsv("Код;1 (2б);2 (1б);3.1 (1б);3.2 (2б);4К1 (4б)", "1001;2;1;1;2;4");
    assertFileRefused(outcome, RejectReason.MISSING_COLUMN, "«Вариант», «Наименование класса»");
    assertFalse(outcome.rejects().get(0).message().contains("Код участника"));
    assertFileRefused(processCsv("Код;Вариант;Класс;Итого", "1001;1;5А;10"),
        RejectReason.MISSING_COLUMN, "столбцы заданий");
  }

  @Test
  void workWithoutSpecIsUnknown() {
    FormOutcome outcome = FormProcessor.process(new FormFile("landing/year=2025/subject=ma/grade=9/edu100001.csv",
        new ru.vpr.reference.WorkKey(2025, "ma", 9), utf8(HEADER, "1001;М;1;2;1;1;2;4;9А;;")), REFERENCE);
    assertFileRefused(outcome, RejectReason.UNKNOWN_WORK, "2025 год, предмет «Математика» (ma), 9 класс");
  }

  @Test
  void taskColumnsOfAnotherFormAreAMismatch() {
    FormOutcome outcome = processCsv(
        "Код;Вариант;Класс;1 (2б);2 (2б);3(1);3.2 (2б);5 (1б);5 (1б)", "1001;1;5А;2;1;1;2;1;1");
    assertFileRefused(outcome, RejectReason.TASK_MISMATCH, "нет заданий 4К1");
    String message = outcome.rejects().get(0).message();
    assertTrue(message.contains("лишние задания 5"), message);
    assertTrue(message.contains("повторяются задания 5"), message);
    assertTrue(message.contains("задание 2: в форме 2б, по описанию 1б"), message);
  }

  @Test
  void schoolFormNamedForNoRegisteredSchoolIsUnknownSchool() {
    FormOutcome unknown = FormProcessor.process(schoolForm("edu999999.csv", utf8(HEADER, "1001;М;1;2;1;1;2;4;5А;;")), REFERENCE);
    assertFileRefused(unknown, RejectReason.UNKNOWN_SCHOOL, "edu999999.csv");
    assertEquals(FormOutcome.SCHOOL_FORM, unknown.kind());
    FormOutcome notALogin = FormProcessor.process(schoolForm("результаты.csv", utf8(HEADER, "1001;М;1;2;1;1;2;4;5А;;")), REFERENCE);
    assertFileRefused(notALogin, RejectReason.UNKNOWN_SCHOOL, "результаты.csv");
  }

  // ---------- row-level reasons ----------

  @Test
  void invalidCode() {
    assertRowRefused(withRow("12А4;М;1;2;1;1;2;4;5А;;"), RejectReason.INVALID_CODE, "«12А4»");
    assertRowRefused(withRow("123;М;1;2;1;1;2;4;5А;;"), RejectReason.INVALID_CODE, "«123»");
    assertRowRefused(withRow(";М;1;2;1;1;2;4;5А;;"), RejectReason.INVALID_CODE, "«»");
  }

  @Test
  void everyOccurrenceOfADuplicateCodeIsRefused() {
    FormOutcome outcome = processCsv(HEADER,
        "1001;М;1;2;1;1;2;4;5А;;",
        "1002;М;1;2;1;1;2;4;5А;;",
        " 1001 ;Ж;2;0;0;0;0;0;5Б;;");
    assertEquals(FormOutcome.PARTIAL, outcome.status());
    List<RejectRecord> dups = outcome.rejects();
    assertEquals(List.of(2, 4), dups.stream().map(RejectRecord::rowNumber).toList());
    for (RejectRecord r : dups) {
      assertEquals(RejectReason.DUPLICATE_CODE.code(), r.reason());
      assertEquals("1001", r.code());
      assertTrue(r.message().contains("1001") && r.message().contains("строки 2, 4"), r.message());
    }
    assertEquals(List.of("1002"), outcome.results().stream().map(ResultRecord::code).toList());
    assertEquals(2, outcome.errorRows());
  }

  @Test
  void invalidVariant() {
    assertRowRefused(withRow("1002;М;0;2;1;1;2;4;5А;;"), RejectReason.INVALID_VARIANT, "«0»");
    assertRowRefused(withRow("1002;М;первый;2;1;1;2;4;5А;;"), RejectReason.INVALID_VARIANT, "«первый»");
    assertRowRefused(withRow("1002;М;;2;1;1;2;4;5А;;"), RejectReason.INVALID_VARIANT, "«»");
  }

  @Test
  void scoreNotANumber() {
    assertRowRefused(withRow("1002;М;1;2;1;1;1.5;4;5А;;"), RejectReason.SCORE_NOT_NUMBER, "задание 3.2", "«1.5»");
    assertRowRefused(withRow("1002;М;1;два;1;1;1;4;5А;;"), RejectReason.SCORE_NOT_NUMBER, "задание 1", "«два»");
    assertRowRefused(withRow("1002;М;1;+1;1;1;1;4;5А;;"), RejectReason.SCORE_NOT_NUMBER, "задание 1", "«+1»");
  }

  @Test
  void longCellsAreShortenedInMessagesButKeptInRaw() {
    String essay = "очень длинный текст ".repeat(20);
    FormOutcome outcome = withRow("1002;М;1;" + essay + ";1;1;1;4;5А;;");
    RejectRecord reject = onlyReject(outcome);
    assertTrue(reject.message().length() < 200, reject.message());
    assertTrue(reject.message().contains("…"));
    assertTrue(reject.raw().contains(essay.strip()), "raw keeps the cell, less the spaces around it");
  }

  @Test
  void scoreNegative() {
    assertRowRefused(withRow("1002;М;1;2;-1;1;1;4;5А;;"), RejectReason.SCORE_NEGATIVE, "задание 2", "(-1)");
  }

  @Test
  void scoreAboveMax() {
    assertRowRefused(withRow("1002;М;1;2;1;1;1;5;5А;;"), RejectReason.SCORE_ABOVE_MAX, "задание 4К1", "(5)", "(4)");
  }

  @Test
  void missingScore() {
    assertRowRefused(withRow("1002;М;1;2;1;;1;4;5А;;"), RejectReason.MISSING_SCORE, "задание 3.1");
  }

  @Test
  void aRowWithSeveralProblemsIsRefusedOnceButToldAll() {
    FormOutcome outcome = withRow("1002;М;0;3;;1;1;4;6А;;");
    assertEquals(1, outcome.errorRows());
    assertEquals(List.of("invalid_variant", "score_above_max", "missing_score"),
        outcome.rejects().stream().map(RejectRecord::reason).toList(), "a refused row's warnings do not matter");
    assertTrue(outcome.rejects().stream().allMatch(r -> "1002".equals(r.code())));
  }

  private static void assertKeptWithWarning(FormOutcome outcome, RejectReason reason, String className, String... messageParts) {
    assertEquals(FormOutcome.ACCEPTED, outcome.status());
    RejectRecord warning = onlyReject(outcome);
    assertEquals(reason.code(), warning.reason());
    assertEquals(RejectReason.WARNING, warning.severity());
    for (String part : messageParts) assertTrue(warning.message().contains(part), () -> warning.message() + " lacks " + part);
    assertEquals(className, outcome.results().get(1).className());
  }

  @Test
  void aClassThatIsNoClassKeepsTheRowUnderItsOwnLabel() {
    assertKeptWithWarning(withRow("1002;М;1;2;1;1;1;4;пятый;;"), RejectReason.INVALID_CLASS, "5ПЯТЫЙ", "«пятый»", "«5ПЯТЫЙ»");
  }

  @Test
  void classOfAnotherGradeIsKeptWithAWarning() {
    assertKeptWithWarning(withRow("1002;М;1;2;1;1;1;4;6А;;"), RejectReason.CLASS_GRADE_MISMATCH, "6А", "«6А»", "к 5 классу");
  }

  @Test
  void realClassCellsAreClassesWithoutAWarning() {
    // Contract §1.4: the letter alone, "нет" for a single class, the grade alone, an empty class.
    FormOutcome outcome = processCsv(HEADER,
        "1001;М;1;2;1;1;2;4;а;;", "1002;М;1;2;1;1;2;4;Б;;", "1003;М;1;2;1;1;2;4;нет;;", "1004;М;1;2;1;1;2;4;НЕТ;;",
        "1005;М;1;2;1;1;2;4;5;;", "1006;М;1;2;1;1;2;4;;;", "1007;М;1;2;1;1;2;4;5 б;;", "1008;М;1;2;1;1;2;4;кб;;");
    assertTrue(outcome.rejects().isEmpty(), outcome.rejects()::toString);
    assertEquals(List.of("5А", "5Б", "5", "5", "5", "5", "5Б", "5КБ"),
        outcome.results().stream().map(ResultRecord::className).toList());
  }

  // ---------- warnings ----------

  @Test
  void invalidJournalMarkKeepsTheRowWithoutAMark() {
    FormOutcome outcome = withRow("1002;М;1;2;1;1;1;4;5А;6;");
    assertEquals(FormOutcome.ACCEPTED, outcome.status());
    RejectRecord warning = onlyReject(outcome);
    assertEquals(RejectReason.INVALID_JOURNAL_MARK.code(), warning.reason());
    assertEquals(RejectReason.WARNING, warning.severity());
    assertEquals(3, warning.rowNumber());
    assertTrue(warning.message().contains("«6»"));
    assertNull(outcome.results().get(1).journalMark());
    assertEquals(0, outcome.errorRows());
  }

  @Test
  void journalMarksThatAreFine() {
    FormOutcome outcome = processCsv(HEADER,
        "1001;М;1;2;1;1;2;4;5А;5;", "1002;М;1;2;1;1;2;4;5А;нет отметки;", "1003;М;1;2;1;1;2;4;5А;;",
        "1004;М;1;2;1;1;2;4;5А;3.0;");
    assertTrue(outcome.rejects().isEmpty(), outcome.rejects()::toString);
    assertEquals(Arrays.asList(5, null, null, 3), outcome.results().stream().map(ResultRecord::journalMark).toList());
  }

  @Test
  void absentPupilWithScoresIsKeptAsAbsent() {
    FormOutcome outcome = withRow("1002;Ж;отсутствовал;2;1;1;1;4;5А;4;");
    assertEquals(FormOutcome.ACCEPTED, outcome.status());
    RejectRecord warning = onlyReject(outcome);
    assertEquals(RejectReason.ABSENT_WITH_SCORES.code(), warning.reason());
    assertEquals(RejectReason.WARNING, warning.severity());
    ResultRecord absent = outcome.results().get(1);
    assertTrue(absent.absent());
    assertNull(absent.variant());
    assertTrue(absent.scores().isEmpty());
    assertNull(absent.primaryScore());
    assertNull(absent.mark());
    assertEquals(4, absent.journalMark());
  }

  @Test
  void absentPupilWithXOrEmptyCellsIsNoWarning() {
    FormOutcome outcome = processCsv(HEADER, "1001;М;НЕ ПРИСУТСТВОВАЛ;X;X;X;X;X;5А;;", "1002;М;Отсутствовал;;;;;;5А;;");
    assertEquals(FormOutcome.ACCEPTED, outcome.status());
    assertTrue(outcome.rejects().isEmpty());
    assertTrue(outcome.results().stream().allMatch(ResultRecord::absent));
  }

  // ---------- scores and marks ----------

  @Test
  void primaryScoreCountsXAsNothingAndMarkFollowsTheScale() {
    // Scale: 3 from 3 points, 4 from 5, 5 from 8; max 10.
    FormOutcome outcome = processCsv(HEADER,
        "1001;М;1;X;x;Х;х;X;5А;;",   // nothing attempted: 0 points, mark 2
        "1002;М;1;2;0;0;0;X;5А;;",   // 2: mark 2 (just below 3)
        "1003;М;1;2;1;0;0;X;5А;;",   // 3: mark 3 (first score of 3)
        "1004;М;2;2;1;1;1;0;5А;;",   // 5: mark 4
        "1005;М;2;2;1;1;2;2;5А;;",   // 8: mark 5
        "1006;М;2;2.0;1;1;2;4;5А;;"); // 10: max
    assertEquals(FormOutcome.ACCEPTED, outcome.status(), outcome.rejects()::toString);
    assertEquals(List.of(0, 2, 3, 5, 8, 10), outcome.results().stream().map(ResultRecord::primaryScore).toList());
    assertEquals(List.of(2, 2, 3, 4, 5, 5), outcome.results().stream().map(ResultRecord::mark).toList());
    ResultRecord none = outcome.results().get(0);
    assertEquals(5, none.scores().size());
    assertTrue(none.scores().stream().allMatch(s -> s.score() == null), "X is null, not 0");
    assertEquals(new TaskScore("1", 2), outcome.results().get(1).scores().get(0));
    assertEquals(new TaskScore("4К1", null), outcome.results().get(1).scores().get(4));
  }

  @Test
  void scoresFollowSpecOrderWhateverTheColumnOrder() {
    FormOutcome outcome = processCsv("Класс;4 К1 (4б);3(2);3(1);2 (1б);1 (2б);Вариант;Код", "5а;3;2;1;0;1;7;01234");
    ResultRecord r = outcome.results().get(0);
    assertEquals(List.of(new TaskScore("1", 1), new TaskScore("2", 0), new TaskScore("3.1", 1),
        new TaskScore("3.2", 2), new TaskScore("4К1", 3)), r.scores());
    assertEquals(7, r.primaryScore());
    assertEquals("01234", r.code());
    assertEquals(7, r.variant());
  }

  // ---------- happy paths ----------

  @Test
  void happyPathWithSeveralClasses() {
    FormOutcome outcome = processCsv(HEADER,
        "1001;М;1;2;1;1;2;4;5а;5;Дорофеев",
        "",
        "1002;ж;2;1;0;1;X;2;5 Б;4;",
        "1003;M;1;0;0;0;0;0;5-в;нет отметки;",
        "1004;;отсутствовал;;;;;;5 \"А\";;");
    assertEquals(FormOutcome.ACCEPTED, outcome.status());
    assertEquals(FormOutcome.SCHOOL_FORM, outcome.kind());
    assertTrue(outcome.rejects().isEmpty());
    List<ResultRecord> rs = outcome.results();
    assertEquals(List.of(2, 4, 5, 6), rs.stream().map(ResultRecord::rowNumber).toList());
    assertEquals(List.of("5А", "5Б", "5В", "5А"), rs.stream().map(ResultRecord::className).toList());
    assertEquals(Arrays.asList("М", "Ж", "М", null), rs.stream().map(ResultRecord::sex).toList());
    assertEquals(Arrays.asList(1, 2, 1, null), rs.stream().map(ResultRecord::variant).toList());
    assertEquals(Arrays.asList(10, 4, 0, null), rs.stream().map(ResultRecord::primaryScore).toList());
    assertEquals(Arrays.asList(5, 3, 2, null), rs.stream().map(ResultRecord::mark).toList());
    assertEquals("Дорофеев", rs.get(0).textbook());
    assertNull(rs.get(1).textbook());
    assertTrue(rs.stream().allMatch(r -> SCHOOL.equals(r.login())));

    assertEquals(4, outcome.raw().size());
    FormOutcome.RawRecord raw = outcome.raw().get(1);
    assertEquals(4, raw.rowNumber());
    assertEquals(SCHOOL, raw.login());
    assertEquals("5 Б", raw.cells().get("Наименование класса"));
    assertEquals("X", raw.cells().get("3.2 (2б)"));
  }

  @Test
  void xlsxWithPreambleAndNumericCells() {
    List<Object> header = Arrays.asList(null, "Код участника", "Пол", "Вариант", "1 (2б)", "2 (1б)", "3.1 (1б)",
        "3.2 (2б)", "4К1 (4б)", "Наименование класса", "Отметка за предыдущее полугодие");
    byte[] xlsx = TestForms.xlsx(Map.of("Протокол", List.of(
        Arrays.asList(null, "Результаты ВПР"),
        Arrays.asList(null, "Логин: edu100001"),
        List.of(),
        header,
        Arrays.asList(null, 123456, "Ж", 2, 2, 1, 0, 1.0, 3, "5А", 4),
        Arrays.asList(null, "1002", "М", 1, 1.5, 1, 0, 1, 3, "5А", 4))));
    FormOutcome outcome = FormProcessor.process(schoolForm("edu100001.xlsx", xlsx), REFERENCE);
    assertEquals(FormOutcome.PARTIAL, outcome.status());
    ResultRecord r = outcome.results().get(0);
    assertEquals(5, r.rowNumber());
    assertEquals("123456", r.code());
    assertEquals(2, r.variant());
    assertEquals(7, r.primaryScore());
    assertEquals(4, r.journalMark());
    RejectRecord reject = onlyReject(outcome);
    assertEquals(6, reject.rowNumber());
    assertEquals(RejectReason.SCORE_NOT_NUMBER.code(), reject.reason());
    assertTrue(reject.message().contains("«1.5»"));
  }

  // ---------- regional export ----------

  @Test
  void regionalExportGroupsRowsBySchoolAndRefusesUnknownLogins() {
    FormOutcome outcome = FormProcessor.process(new FormFile("landing/year=2025/subject=ma/grade=5/region_export.csv",
        MATH_5, utf8("Логин ОО;" + HEADER,
            "edu100001;1001;М;1;2;1;1;2;4;5А;;",
            "EDU100002 ;1001;Ж;1;2;1;1;2;4;5Б;;",  // same code in another school: no duplicate
            "edu777777;1003;М;1;2;1;1;2;4;5А;;",
            ";1004;М;1;2;1;1;2;4;5А;;",
            "edu100001;1001;М;1;0;0;0;0;0;5В;;")), REFERENCE);  // duplicate within edu100001
    assertEquals(FormOutcome.PARTIAL, outcome.status());
    assertEquals(FormOutcome.REGIONAL_EXPORT, outcome.kind());
    assertEquals(List.of("edu100002"), outcome.results().stream().map(ResultRecord::login).toList());
    Map<String, List<Integer>> rowsByReason = outcome.rejects().stream().collect(Collectors.groupingBy(
        RejectRecord::reason, Collectors.mapping(RejectRecord::rowNumber, Collectors.toList())));
    assertEquals(Map.of("unknown_school", List.of(4, 5), "duplicate_code", List.of(2, 6)), rowsByReason);
    RejectRecord unknown = outcome.rejects().stream().filter(r -> r.rowNumber() == 4).findFirst().orElseThrow();
    assertEquals("edu777777", unknown.login());
    assertTrue(unknown.message().contains("«edu777777»"));
    assertEquals(Arrays.asList("edu100001", "edu100002", "edu777777", null, "edu100001"),
        outcome.raw().stream().map(FormOutcome.RawRecord::login).toList());
    assertEquals(4, outcome.errorRows());
  }

  @Test
  void aFileWhoseEveryRowIsRefusedIsStillPartial() {
    FormOutcome outcome = processCsv(HEADER, "1;М;1;2;1;1;2;4;5А;;", "2;М;1;2;1;1;2;4;5А;;");
    assertEquals(FormOutcome.PARTIAL, outcome.status());
    assertTrue(outcome.results().isEmpty());
    assertEquals(2, outcome.raw().size());
  }

  @Test
  void neverThrowsOnNullContent() {
    FormOutcome outcome = FormProcessor.process(schoolForm("edu100001.csv", null), REFERENCE);
    assertEquals(RejectReason.EMPTY_FILE.code(), onlyReject(outcome).reason());
  }
}
