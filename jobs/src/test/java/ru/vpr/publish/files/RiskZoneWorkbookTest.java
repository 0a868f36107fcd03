package ru.vpr.publish.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import ru.vpr.detect.Signal;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.LowResultSchool;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.PartnerSchool;
import ru.vpr.publish.model.RecheckOutcome;
import ru.vpr.publish.model.RecheckPrecision;
import ru.vpr.publish.model.RecheckReason;
import ru.vpr.publish.model.RecheckWork;
import ru.vpr.publish.model.RiskReason;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.RiskZoneList;

class RiskZoneWorkbookTest {
  static final String EVIL = "=cmd|' /C calc'!A0";
  static final String EVIL_SHOWN = "'" + EVIL;
  private static final String M1 = "Верхнекамский муниципальный район";
  private static final String M1_SHEET = "Верхнекамский МР";
  private static final String M2 = "г. Заречный";

  /** Two municipalities; school edu100001 (riskiest) and the evil-named edu100002 flagged in 01. */
  static RiskZoneList fixture() {
    int y = 2025;
    List<Municipality> munis = List.of(new Municipality("02", M2), new Municipality("01", M1));
    List<FlaggedUnit> schools = List.of(
        new FlaggedUnit(y, "ma", 5, "01", "edu100001", "МБОУ «СОШ №1»", null, 48, 0.974, 1,
            List.of("S2_thresholds", "S6_journal"), EVIDENCE),
        new FlaggedUnit(y, "ru", 4, "01", "edu100002", EVIL, null, 22, 0.912, 3, List.of("S4_identical")),
        new FlaggedUnit(y, "ru", 5, "01", "edu100001", "МБОУ «СОШ №1»", null, 50, 0.930, 2,
            List.of("S5_rubric", "O_mahalanobis_peer")),
        new FlaggedUnit(y, "ok", 4, "02", "edu200001", "Гимназия №3", null, 60, 0.901, 4, List.of("S7_jump")));
    List<FlaggedUnit> classes = List.of(
        new FlaggedUnit(y, "ma", 5, "01", "edu100001", "МБОУ «СОШ №1»", "5А", 24, 0.991, 1,
            List.of("S2_thresholds")),
        new FlaggedUnit(y, "ma", 5, "01", "edu100001", "МБОУ «СОШ №1»", "5Б", 24, 0.950, 3,
            List.of("S6_journal", "S8_few_blanks")),
        new FlaggedUnit(y, "ru", 4, "01", "edu100002", EVIL, "4В", 22, 0.960, 2, List.of("S4_identical")),
        new FlaggedUnit(y, "ok", 4, "02", "edu200001", "Гимназия №3", "4А", 30, 0.940, 4, List.of("S7_jump")));
    List<RecheckWork> recheck = List.of(
        new RecheckWork(y, "ma", 5, "01", "edu100001", "МБОУ «СОШ №1»", "5А", "10001",
            List.of(RecheckReason.THRESHOLD, RecheckReason.JOURNAL)),
        new RecheckWork(y, "ma", 5, "01", "edu100001", "МБОУ «СОШ №1»", "5А", "10002",
            List.of(RecheckReason.FLAGGED_CLASS)),
        new RecheckWork(y, "ru", 4, "01", "edu100002", EVIL, "4В", "+20001", List.of(RecheckReason.IDENTICAL)),
        new RecheckWork(y, "ma", 5, "01", "edu100009", "СОШ с. Луговое", "5А", "90001",
            List.of(RecheckReason.CONTROL)),
        new RecheckWork(y, "ok", 4, "02", "edu200001", "Гимназия №3", "4А", "30001", List.of(RecheckReason.RUBRIC)),
        new RecheckWork(y, "ok", 4, "02", "edu200007", "Лицей №7", "4Б", "70001", List.of(RecheckReason.CONTROL)));
    List<PartnerSchool> partners = List.of(
        new PartnerSchool(y, "01", "edu100001", 2, "edu200005", "Лицей №5", "02", "peer_group", 0.85),
        new PartnerSchool(y, "01", "edu100001", 1, "edu100005", "СОШ №5", "01", "municipality", 1.12),
        new PartnerSchool(y, "01", "edu100002", 1, "edu100006", EVIL, "01", "municipality", -0.2));
    List<LowResultSchool> low = List.of(
        new LowResultSchool(y, "02", "edu200009", "ООШ д. Малая", "ma|ru", 0.42,
            "Математика, 5 класс: доля отметок «2» 42.0% — выше порога 30%. Низкие результаты 2 года подряд"),
        new LowResultSchool(y, "01", "edu100008", EVIL, "ma", 0.35, "=1+1"));
    List<RecheckOutcome> outcomes = List.of(
        new RecheckOutcome(y, "ma", 5, "01", "edu100001", "МБОУ «СОШ №1»", "flagged", 10, 6, 0.6, 14, 0, "inflated", true),
        new RecheckOutcome(y, "ma", 5, "01", "edu100009", "СОШ с. Луговое", "control", 5, 5, 1.0, 0, 1, "objective", false),
        new RecheckOutcome(y, "ru", 4, "01", "edu100002", EVIL, "flagged", 4, 4, 1.0, 0, 0, "objective", false),
        new RecheckOutcome(y, "ok", 4, "02", "edu200001", "Гимназия №3", "flagged", 6, 3, 0.5, 0, 8, "deflated", false));
    List<RecheckPrecision> precision = List.of(
        new RecheckPrecision(y, "01", "control", 1, 0, 0.0),
        new RecheckPrecision(y, null, "flagged", 2, 1, 0.5),
        new RecheckPrecision(y, null, "control", 1, 0, 0.0),
        new RecheckPrecision(y, "01", "flagged", 2, 1, 0.5),
        new RecheckPrecision(y, "02", "flagged", 0, 0, null));
    List<RiskTrend> trend = List.of(
        new RiskTrend(2024, null, 40, 4, 0, 0, 4, null),
        new RiskTrend(2025, null, 41, 3, 2, 2, 1, -1.0),
        new RiskTrend(2024, "01", 20, 3, 0, 0, 3, null),
        new RiskTrend(2025, "01", 21, 2, 2, 1, 0, -1.0),
        new RiskTrend(2025, "02", 20, 1, 0, 0, 1, 0.0));
    return new RiskZoneList(y, munis, schools, classes, recheck, partners, low, outcomes, precision, trend);
  }

  @Test
  void sheetsInOrderWithTheirTitles() throws IOException {
    Map<String, List<List<Cell>>> book = read(new RiskZoneWorkbook().toBytes(fixture()));
    assertEquals(List.of("Сводка", M1_SHEET, M2, "Низкие результаты", "Итоги перепроверки"), new ArrayList<>(book.keySet()));

    List<List<Cell>> summary = book.get("Сводка");
    assertEquals("Школы в зоне риска по результатам ВПР — 2025 год", text(summary, 0, 0));
    assertTrue(allText(summary).stream().anyMatch(t -> t.contains("не вывод о нарушениях и не рейтинг школ")));
    assertNotNull(findRow(summary, "Школ в зоне риска"), "summary header");
    assertNotNull(findRow(summary, "Тренд, школ в год"), "trend header");
    assertNotNull(findRow(book.get(M1_SHEET), "Причины"));
    assertNotNull(findRow(book.get("Низкие результаты"), "Наибольшая доля отметок «2»"));
    assertNotNull(findRow(book.get("Итоги перепроверки"), "Доля объективно проверенных"));
    assertTrue(allText(book.get("Итоги перепроверки")).contains(
        "Цель: не менее 90% работ проверены объективно. Если у школы объективно проверено меньше 90% "
            + "перепроверенных работ, её проверка считается завышающей результаты."));
  }

  @Test
  void summaryCountsPerMunicipalityAndRegion() throws IOException {
    List<List<Cell>> summary = read(new RiskZoneWorkbook().toBytes(fixture())).get("Сводка");
    List<Cell> m1 = summary.get(findRow(summary, M1));
    assertEquals("01", m1.get(0).getText());
    // schools, classes, works to re-check, of them control, low-result schools
    assertEquals(List.of(2, 3, 4, 1, 1), ints(m1, 2, 7));
    List<Cell> m2 = summary.get(findRow(summary, M2));
    assertEquals(List.of(1, 1, 2, 1, 1), ints(m2, 2, 7));
    List<Cell> region = summary.get(findRow(summary, "Итого по региону"));
    assertEquals(List.of(3, 4, 6, 2, 2), ints(region, 2, 7));

    int trendHeader = findRow(summary, "Тренд, школ в год");
    List<Cell> first = summary.get(trendHeader + 1);
    assertEquals("Регион", first.get(1).getText());
    assertEquals(2024, first.get(0).asNumber().intValue());
    assertEquals("мало лет для оценки", first.get(8).getText());
    List<Cell> second = summary.get(trendHeader + 2);
    assertEquals(CellType.NUMBER, second.get(7).getType());
    assertEquals(-1.0, second.get(7).asNumber().doubleValue());
    assertEquals("сокращается", second.get(8).getText());
    assertEquals(M1 + " (01)", summary.get(trendHeader + 3).get(1).getText());
  }

  private static final String EVIDENCE =
      "9 из 17 учащихся набрали ровно 14 баллов (первый балл отметки «3»), ни одного — 11–13 баллов";

  @Test
  void municipalitySheetReadsOneSchoolAtATimeInPlainRussian() throws IOException {
    List<List<Cell>> sheet = read(new RiskZoneWorkbook().toBytes(fixture())).get(M1_SHEET);
    List<String> texts = allText(sheet);
    int school1 = findRow(sheet, "Школа: МБОУ «СОШ №1» — логин edu100001");
    int school2 = findRow(sheet, "Школа: " + EVIL + " — логин edu100002");
    int control = findRow(sheet, "Контрольная выборка: работы для перепроверки из школ вне зоны риска");
    int controlSchool = findRow(sheet, "Школа: СОШ с. Луговое — логин edu100009");
    assertTrue(school1 < school2 && school2 < control && control < controlSchool, "riskiest school first, control last");

    // The riskiest school's first work: mathematics, grade 5, score and rank as numbers, reasons in words.
    int firstWork = school1 + 3;
    List<Cell> row = sheet.get(firstWork);
    assertEquals("Математика", row.get(0).getText());
    assertEquals(5, row.get(1).asNumber().intValue());
    assertEquals(48, row.get(2).asNumber().intValue());
    assertEquals(CellType.NUMBER, row.get(3).getType());
    assertEquals(new BigDecimal("0.974"), row.get(3).asNumber());
    assertEquals(1, row.get(4).asNumber().intValue());
    assertEquals(Signal.THRESHOLDS.russian() + "; " + Signal.JOURNAL.russian() + "; " + EVIDENCE, row.get(5).getText(),
        "the school's evidence sentence follows its reasons");
    assertTrue(texts.contains(Signal.RUBRIC.russian() + "; " + RiskReason.russian("O_mahalanobis_peer")));

    // Classes, works to re-check and partners of school 1 lie between its band and the next school's.
    int classRow = findRow(sheet, "5Б");
    assertTrue(school1 < classRow && classRow < school2);
    assertEquals(Signal.JOURNAL.russian() + "; " + Signal.FEW_BLANKS.russian(), sheet.get(classRow).get(5).getText());
    int work = findRow(sheet, "10001");
    assertTrue(school1 < work && work < school2);
    assertEquals(RecheckReason.russian("threshold") + "; " + RecheckReason.russian("journal"),
        sheet.get(work).get(5).getText());
    int partner1 = findRow(sheet, "СОШ №5");
    int partner2 = findRow(sheet, "Лицей №5");
    assertTrue(school1 < partner1 && partner1 < partner2 && partner2 < school2, "partners by rank");
    assertEquals("тот же муниципалитет", sheet.get(partner1).get(5).getText());
    assertEquals("школа того же типа", sheet.get(partner2).get(5).getText());
    assertEquals(M2, sheet.get(partner2).get(2).getText());

    // The control work sits under its own school after the flagged ones.
    int controlWork = findRow(sheet, "90001");
    assertTrue(controlWork > controlSchool);
    assertEquals(RecheckReason.russian("control"), sheet.get(controlWork).get(5).getText());

    // Never a code where people read words.
    for (String t : texts) {
      for (Signal s : Signal.all()) assertFalse(t.contains(s.code()), t);
      assertFalse(t.contains("O_mahalanobis"), t);
      assertFalse(t.contains("flagged_class") || t.equals("threshold") || t.equals("ma"), t);
    }
  }

  /** A re-run whose sums ran in another order differs in the last bits of its doubles; the file must not. */
  @Test
  void theLastBitsOfANumberDoNotChangeTheFile() throws IOException {
    RiskZoneList f = fixture();
    List<FlaggedUnit> nudged = new ArrayList<>();
    for (FlaggedUnit u : f.flaggedSchools()) {
      nudged.add(new FlaggedUnit(u.year(), u.subject(), u.grade(), u.municipalityCode(), u.login(), u.schoolName(),
          u.className(), u.written(), Math.nextUp(Math.nextUp(u.riskScore())), u.riskRank(), u.reasons(), u.evidence(), null));
    }
    RiskZoneList other = new RiskZoneList(f.year(), f.municipalities(), nudged, f.flaggedClasses(), f.recheck(),
        f.partners(), f.lowResults(), f.outcomes(), f.precision(), f.riskTrend());
    assertArrayEquals(new RiskZoneWorkbook().toBytes(f), new RiskZoneWorkbook().toBytes(other));
  }

  /** Schools whose works are estimated to have pushed more pupils over the cuts come first, whatever their rank. */
  @Test
  void schoolsComeByTheirEstimatedPushedPupils() throws IOException {
    RiskZoneList f = fixture();
    List<FlaggedUnit> schools = new ArrayList<>();
    for (FlaggedUnit u : f.flaggedSchools()) {
      Double pushed = switch (u.login()) {
        case "edu100001" -> 1.6;
        case "edu100002" -> 12.4;
        default -> null;
      };
      schools.add(new FlaggedUnit(u.year(), u.subject(), u.grade(), u.municipalityCode(), u.login(), u.schoolName(),
          u.className(), u.written(), u.riskScore(), u.riskRank(), u.reasons(), u.evidence(), pushed));
    }
    RiskZoneList list = new RiskZoneList(f.year(), f.municipalities(), schools, f.flaggedClasses(), f.recheck(),
        f.partners(), f.lowResults(), f.outcomes(), f.precision(), f.riskTrend());
    List<List<Cell>> sheet = read(new RiskZoneWorkbook().toBytes(list)).get(M1_SHEET);
    int school1 = findRow(sheet, "Школа: МБОУ «СОШ №1» — логин edu100001");
    int school2 = findRow(sheet, "Школа: " + EVIL + " — логин edu100002");
    assertTrue(school2 < school1, "12 pushed pupils before 3 (1.6 + 1.6), although its rank is lower");
    assertEquals("Дотянуто до отметок, учащихся (оценка)", sheet.get(school2 + 2).get(6).getText());
    assertEquals(12, sheet.get(school2 + 3).get(6).asNumber().intValue());
    assertEquals(2, sheet.get(school1 + 3).get(6).asNumber().intValue());
  }

  @Test
  void textFromDataIsNeutralisedAndNothingIsAFormula() throws IOException {
    byte[] xlsx = new RiskZoneWorkbook().toBytes(fixture());
    Map<String, List<List<Cell>>> book = read(xlsx);
    int strings = 0;
    for (Map.Entry<String, List<List<Cell>>> sheet : book.entrySet()) {
      for (List<Cell> row : sheet.getValue()) {
        for (Cell c : row) {
          if (c == null) continue;
          assertFalse(c.getType() == CellType.FORMULA, sheet.getKey() + " " + c.getAddress() + " is a formula");
          assertNull(c.getFormula(), sheet.getKey() + " " + c.getAddress());
          if (c.getType() == CellType.STRING) {
            strings++;
            assertFalse(SafeText.startsLikeFormula(c.getText()), sheet.getKey() + " " + c.getAddress() + ": " + c.getText());
          }
        }
      }
    }
    assertTrue(strings > 100);
    for (Map.Entry<String, byte[]> part : parts(xlsx).entrySet()) {
      String xml = new String(part.getValue(), StandardCharsets.UTF_8);
      assertFalse(xml.contains("<f>") || xml.contains("<f "), part.getKey() + " holds a formula");
    }

    List<List<Cell>> low = book.get("Низкие результаты");
    int evil = findRow(low, EVIL_SHOWN);
    assertEquals("'=1+1", low.get(evil).get(6).getText(), "reason text from data is neutralised too");
    assertNotNull(findRow(book.get("Итоги перепроверки"), EVIL_SHOWN));
    assertNotNull(findRow(book.get(M1_SHEET), EVIL_SHOWN), "the evil partner's name");
    assertNotNull(findRow(book.get(M1_SHEET), "'+20001"), "participant codes are text from input");
  }

  @Test
  void lowResultsAndRecheckSheets() throws IOException {
    Map<String, List<List<Cell>>> book = read(new RiskZoneWorkbook().toBytes(fixture()));
    List<List<Cell>> low = book.get("Низкие результаты");
    int header = findRow(low, "Наибольшая доля отметок «2»");
    List<Cell> first = low.get(header + 1);
    assertEquals("01", first.get(0).getText(), "sorted by municipality");
    List<Cell> second = low.get(header + 2);
    assertEquals(M2, second.get(1).getText());
    assertEquals("Математика, Русский язык", second.get(4).getText());
    assertEquals(new BigDecimal("0.42"), second.get(5).asNumber());

    List<List<Cell>> recheck = book.get("Итоги перепроверки");
    int groups = findRow(recheck, "Группа школ");
    assertEquals("Регион", recheck.get(groups + 1).get(1).getText());
    assertEquals("в зоне риска", recheck.get(groups + 1).get(2).getText());
    assertEquals("контрольная выборка", recheck.get(groups + 2).get(2).getText());
    assertEquals(M1, recheck.get(groups + 3).get(1).getText());
    assertEquals("—", recheck.get(groups + 5).get(5).getText(), "no share without re-checked schools");
    int schools = findRow(recheck, "Доля объективно проверенных");
    List<Cell> inflated = recheck.get(schools + 1);
    assertEquals("edu100001", inflated.get(3).getText());
    assertEquals(new BigDecimal("0.6"), inflated.get(9).asNumber());
    assertEquals("завышение: объективно проверено менее 90% работ, баллов снято больше, чем добавлено",
        inflated.get(12).getText());
    // A commission that only added points found marking too strict: never reported as inflation.
    int raised = findRow(recheck, "edu200001");
    assertEquals(8, recheck.get(raised).get(11).asNumber().intValue());
    assertEquals("занижение (не завышение): объективно проверено менее 90% работ, баллов добавлено больше, чем снято",
        recheck.get(raised).get(12).getText());
  }

  @Test
  void sameListSameBytes() throws Exception {
    RiskZoneWorkbook writer = new RiskZoneWorkbook();
    byte[] first = writer.toBytes(fixture());
    Thread.sleep(20);
    byte[] second = writer.toBytes(fixture());
    assertArrayEquals(first, second, "the workbook is byte-identical for the same list");
    TimeZone zone = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      byte[] elsewhere = writer.toBytes(fixture());
      assertArrayEquals(first, elsewhere, "and does not depend on the machine's time zone");
    } finally {
      TimeZone.setDefault(zone);
    }
    String core = new String(parts(first).get("docProps/core.xml"), StandardCharsets.UTF_8);
    assertFalse(core.contains("dcterms:created"), core);
    assertTrue(core.contains("<dc:title>"), "the rest of the properties stays");
  }

  @Test
  void emptyListsSayThereIsNothing() throws IOException {
    RiskZoneList empty = new RiskZoneList(2025, List.of(new Municipality("01", M1)), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    Map<String, List<List<Cell>>> book = read(new RiskZoneWorkbook().toBytes(empty));
    assertEquals(List.of("Сводка", M1_SHEET, "Низкие результаты", "Итоги перепроверки"), new ArrayList<>(book.keySet()));
    assertTrue(allText(book.get(M1_SHEET)).contains("В 2025 году школ этого муниципалитета в зоне риска нет."));
    assertTrue(allText(book.get(M1_SHEET)).contains("Контрольная выборка в муниципалитете не выбиралась."));
    assertTrue(allText(book.get("Низкие результаты")).contains("В 2025 году школ с низкими результатами нет."));
    assertTrue(allText(book.get("Итоги перепроверки"))
        .contains("Перепроверка в 2025 году не проводилась: результатов перепроверки нет."));
    assertTrue(allText(book.get("Сводка")).contains("Данных о динамике нет."));
    List<List<Cell>> summary = book.get("Сводка");
    assertEquals(List.of(0, 0, 0, 0, 0), ints(summary.get(findRow(summary, "Итого по региону")), 2, 7));

    RiskZoneList nulls = new RiskZoneList(2025, null, null, null, null, null, null, null, null, null);
    assertEquals(List.of("Сводка", "Низкие результаты", "Итоги перепроверки"),
        new ArrayList<>(read(new RiskZoneWorkbook().toBytes(nulls)).keySet()));
  }

  @Test
  void municipalitiesOnlyInTheDataStillGetASheet() throws IOException {
    RiskZoneList list = new RiskZoneList(2025, List.of(), List.of(new FlaggedUnit(2025, "xx", 6, "07", "edu700001",
        "Школа", null, 30, 0.9, 1, List.of("unknown_code"))), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
    Map<String, List<List<Cell>>> book = read(new RiskZoneWorkbook().toBytes(list));
    List<List<Cell>> sheet = book.get("Муниципалитет 07");
    assertNotNull(sheet, book.keySet().toString());
    int row = findRow(sheet, "unknown_code");
    assertEquals("xx", sheet.get(row).get(0).getText(), "unknown codes are shown as they are, not hidden");
  }

  // ---- reading back ----

  static Map<String, List<List<Cell>>> read(byte[] xlsx) throws IOException {
    Map<String, List<List<Cell>>> book = new LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : wb.getSheets().toList()) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Row r : sheet.read()) {
          while (rows.size() < r.getRowNum() - 1) rows.add(List.of());
          List<Cell> cells = new ArrayList<>();
          for (int c = 0; c < r.getCellCount(); c++) cells.add(r.getCell(c));
          rows.add(cells);
        }
        book.put(sheet.getName(), rows);
      }
    }
    return book;
  }

  private static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) parts.put(e.getName(), in.readAllBytes());
    }
    return parts;
  }

  private static String text(List<List<Cell>> sheet, int row, int col) {
    List<Cell> r = sheet.get(row);
    return col < r.size() && r.get(col) != null ? r.get(col).getText() : null;
  }

  private static List<String> allText(List<List<Cell>> sheet) {
    List<String> out = new ArrayList<>();
    for (List<Cell> row : sheet) {
      for (Cell c : row) if (c != null && c.getType() == CellType.STRING) out.add(c.getText());
    }
    return out;
  }

  /** The first row with a string cell equal to {@code text}, or null. */
  private static Integer findRow(List<List<Cell>> sheet, String text) {
    for (int i = 0; i < sheet.size(); i++) {
      for (Cell c : sheet.get(i)) {
        if (c != null && c.getType() == CellType.STRING && text.equals(c.getText())) return i;
      }
    }
    return null;
  }

  private static List<Integer> ints(List<Cell> row, int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int c = from; c < to; c++) {
      Cell cell = row.get(c);
      assertEquals(CellType.NUMBER, cell.getType(), "column " + c);
      out.add(Optional.ofNullable(cell.asNumber()).map(BigDecimal::intValue).orElse(null));
    }
    return out;
  }
}
