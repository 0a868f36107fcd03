package ru.vpr.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.vpr.publish.report.ChromiumRenderTest.count;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import ru.vpr.publish.model.AnalyticReport;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.LowResultSchool;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.PushedPupils;
import ru.vpr.publish.model.RecheckPrecision;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.ScoreHistogram;
import ru.vpr.publish.model.TaskCompletion;
import ru.vpr.publish.model.WorkProfile;
import ru.vpr.publish.model.WorkTrend;
import ru.vpr.publish.model.YearPoint;

class AnalyticReportPageTest {
  private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);

  @Test
  void municipalityPageHasOneSvgPerChart() {
    AnalyticReport report = ReportFixtures.municipality();
    String html = AnalyticReportPage.render(report);
    // 6 histograms; per work marks, journal, tasks; per trend share of 2 and quality; risk dynamics; re-check.
    int expected = report.histograms().size() + 3 * report.works().size() + 2 * report.trends().size() + 1 + 1;
    assertEquals(expected, count(html, "<svg"));
    assertEquals(expected, count(html, "</svg>"));
    assertEquals(expected, count(html, "role=\"img\""));
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ru\">"));
    assertTrue(html.contains("<meta charset=\"utf-8\">"));
    assertTrue(html.contains("<title>Аналитический отчёт по результатам ВПР 2025 года — Городской округ Заречный</title>"));
    assertTrue(html.contains("не вывод о нарушениях и не рейтинг школ"));
    assertTrue(html.contains("Зона риска сокращается: в среднем на 1,5 школы в год."));
    assertFalse(html.contains("id=\"municipalities\""), "the table of municipalities is the region's");
  }

  @Test
  void everyChartIsWellFormedSvgWithATitle() throws Exception {
    String html = AnalyticReportPage.render(ReportFixtures.region(), ReportFixtures.names());
    Matcher m = SVG.matcher(html);
    int charts = 0;
    while (m.find()) {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(m.group())));
      var svg = doc.getDocumentElement();
      assertEquals("svg", svg.getTagName());
      assertTrue(svg.getAttribute("viewBox").matches("0 0 \\d+(\\.\\d+)? \\d+(\\.\\d+)?"), svg.getAttribute("viewBox"));
      assertEquals("title", svg.getFirstChild().getNodeName());
      assertFalse(svg.getFirstChild().getTextContent().isBlank());
      charts++;
    }
    assertEquals(23, charts);
  }

  @Test
  void pageLoadsNothingFromOutside() {
    String html = AnalyticReportPage.render(ReportFixtures.region(), ReportFixtures.names());
    assertEquals(count(html, "http"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""), "only the SVG namespace");
    for (String external : List.of("<script", "<link", "<img", "src=", "url(", "@import")) {
      assertFalse(html.contains(external), external);
    }
  }

  @Test
  void regionPageNamesMunicipalitiesAndComparesNothingWithItself() {
    String html = AnalyticReportPage.render(ReportFixtures.region(), ReportFixtures.names());
    assertTrue(html.contains("<title>Аналитический отчёт по результатам ВПР 2025 года — регион</title>"));
    assertTrue(html.contains("<h2>Зона риска по муниципалитетам</h2>"));
    assertTrue(html.contains("<td>Город Энск</td>"));
    assertTrue(html.contains("<td>m15</td>"), "a code without a name shows as the code");
    assertTrue(html.contains("↓ −1,5 в год"));
    assertTrue(html.contains("≈ без изменений"));
    assertFalse(html.contains(">Муниципалитет</text>"), "the region's charts have one series");
    assertEquals(count(html, "<svg"), count(AnalyticReportPage.render(ReportFixtures.region()), "<svg"));
  }

  @Test
  void textFromDataIsEscaped() {
    String tricky = ReportFixtures.TRICKY;
    AnalyticReport base = ReportFixtures.municipality();
    FlaggedUnit unit = new FlaggedUnit(2025, "ma", 5, "m07", "edu1", tricky, "5\"А\"", 20, 0.999, 1, List.of("S2_thresholds"));
    ScoreHistogram histogram = ReportFixtures.mathHistogram(tricky, new long[21]);
    LowResultSchool low = new LowResultSchool(2025, "m07", "edu1", tricky, "ma|<i>", 0.5, tricky);
    WorkProfile work = new WorkProfile("x", tricky, 6, 10, new double[] {0.1, 0.2, 0.3, 0.4}, null, null, null,
        List.of(new TaskCompletion(tricky, "Б", 50, 40)));
    AnalyticReport report = new AnalyticReport(2025, new Municipality("m07", tricky), List.of(work), List.of(histogram),
        List.of(new WorkTrend("x", tricky, 6, List.of(new YearPoint(2025, 0.1, 0.1, 0.5, 0.5)))), base.riskTrend(),
        List.of(), List.of(unit), base.precision(), List.of(low));
    String html = AnalyticReportPage.render(report);
    assertFalse(html.contains("<script"), "no raw markup from data");
    assertFalse(html.contains("<i>"));
    assertFalse(html.contains("\"Ко\""));
    String escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ко&quot;";
    assertTrue(count(html, escaped) >= 8, "school, histogram, title, work, task, low list: " + count(html, escaped));
    assertTrue(html.contains("<title>Аналитический отчёт по результатам ВПР 2025 года — " + escaped + "</title>"));
    assertTrue(html.contains("aria-label=\"Распределение первичных баллов: " + escaped + "\""));
    assertTrue(html.contains("5&quot;А&quot;"));
  }

  @Test
  void thePushedPupilsSectionDrawsTheCounterfactualAndSaysTheEstimateInWords() {
    AnalyticReport base = ReportFixtures.municipality();
    ScoreHistogram chart = new ScoreHistogram("Математика, 5 класс", 20,
        7, 12, 16, new long[] {1, 2, 4, 8, 12, 16, 9, 60, 30, 25, 20, 18, 15, 12, 9, 6, 4, 3, 2, 1, 1},
        ReportFixtures.bell(21, 9, 4), "Ожидаемое без дотягивания");
    PushedPupils work = new PushedPupils("ma", "Математика", 5, chart, List.of(
        new PushedPupils.Cut(3, 7, 123.4, 95.0, 151.0), new PushedPupils.Cut(4, 12, 21.2, 12.0, 30.0),
        new PushedPupils.Cut(5, 16, 3.0, -4.0, 9.0)));
    String html = AnalyticReportPage.render(new AnalyticReport(2025, ReportFixtures.ZARECHNY, base.works(),
        base.histograms(), base.trends(), base.riskTrend(), List.of(), base.flagged(), base.precision(), base.lowResults(),
        List.of(work)));
    assertTrue(html.contains("<section id=\"pushed\"><h2>Дотягивание до границ отметок</h2>"));
    assertTrue(html.contains("Ожидаемое без дотягивания"), "the line is the counterfactual, not the region");
    assertTrue(html.contains("Около 120 учащихся, вероятно, дотянуты до отметки «3» (7 б.); с вероятностью 90% — от 95 до 150."),
        "hundreds in tens");
    assertTrue(html.contains("Около 21 учащегося, вероятно, дотянут до отметки «4» (12 б.)"), "the Russian number agrees");
    assertTrue(html.contains("На границе отметки «5» (16 б.) дотягивание не выявлено."), "an interval through zero is no finding");

    String none = AnalyticReportPage.render(ReportFixtures.empty(ReportFixtures.ZARECHNY));
    assertTrue(none.contains("Оценка не построена: для неё нужно не меньше 200 участников работы в муниципалитете."));
  }

  @Test
  void reasonsAreInRussianNotCodes() {
    List<String> codes = List.of("S2_thresholds", "S6_journal", "O_mahalanobis_year", "S4_identical", "too_few_pupils");
    FlaggedUnit unit = new FlaggedUnit(2025, "ma", 5, "m07", "edu1", "Школа", "5А", 20, 0.999, 1, codes);
    AnalyticReport base = ReportFixtures.municipality();
    String html = AnalyticReportPage.render(new AnalyticReport(2025, ReportFixtures.ZARECHNY, base.works(), List.of(),
        base.trends(), base.riskTrend(), List.of(), List.of(unit), base.precision(), base.lowResults()));
    for (String code : codes) assertFalse(html.contains(code), code);
    assertTrue(html.contains("<li>на границах отметок больше учащихся, а чуть ниже границ меньше, чем ожидается для учащихся такого уровня</li>"));
    assertTrue(html.contains("<li>отметки за ВПР совпадают с журнальными чаще обычного</li>"));
    assertTrue(html.contains("<li>необычное сочетание признаков по сравнению со всеми классами года</li>"));
    assertTrue(html.contains("<li>слишком мало участников для оценки</li>"));
    assertTrue(html.contains("<td class=\"nowrap\">Математика, 5 класс</td>"), "subject names come from the works");
  }

  @Test
  void sameReportGivesTheSameBytesWhateverTheLocale() {
    String first = AnalyticReportPage.render(ReportFixtures.municipality());
    assertEquals(first, AnalyticReportPage.render(ReportFixtures.municipality()));
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals(first, AnalyticReportPage.render(ReportFixtures.municipality()));
      Locale.setDefault(new Locale("ru", "RU"));
      assertEquals(first, AnalyticReportPage.render(ReportFixtures.municipality()));
    } finally {
      Locale.setDefault(saved);
    }
    assertEquals(AnalyticReportPage.render(ReportFixtures.region(), ReportFixtures.names()),
        AnalyticReportPage.render(ReportFixtures.region(), ReportFixtures.names()));
  }

  @Test
  void emptyReportsRender() {
    for (Municipality m : new Municipality[] {ReportFixtures.ZARECHNY, null}) {
      String html = AnalyticReportPage.render(ReportFixtures.empty(m));
      assertEquals(0, count(html, "<svg"));
      assertTrue(html.contains("В 2025 году перепроверка не проводилась."));
      assertTrue(html.contains("не попал в зону риска"));
      assertTrue(html.contains("Данных о работах этого года нет."));
      assertTrue(html.endsWith("</html>\n"));
    }
    AnalyticReport nulls = new AnalyticReport(2025, new Municipality("m99", null), null, null, null, null, null, null,
        null, null);
    String html = AnalyticReportPage.render(nulls, null);
    assertTrue(html.contains("<title>Аналитический отчёт по результатам ВПР 2025 года — m99</title>"));
  }

  @Test
  void degenerateRecordsRender() {
    ScoreHistogram blank = new ScoreHistogram(null, 0, 0, 0, 0, null, null);
    ScoreHistogram outOfRange = new ScoreHistogram("Класс", 10, 4, 8, 12, new long[] {1, 2}, new double[] {Double.NaN});
    WorkProfile bare = new WorkProfile("ma", null, 5, 0, null, null, null, null, null);
    WorkTrend single = new WorkTrend("ma", "Математика", 5, List.of(new YearPoint(2025, 0.1, Double.NaN, 0.4, 0.5)));
    WorkTrend none = new WorkTrend("ru", "Русский язык", 4, List.of());
    RiskTrend first = new RiskTrend(2025, "m07", 0, 0, 0, 0, 0, null);
    RecheckPrecision unchecked = new RecheckPrecision(2025, "m07", "flagged", 0, 0, null);
    FlaggedUnit school = new FlaggedUnit(2025, "zz", 5, "m07", null, null, null, 0, Double.NaN, 1, null);
    AnalyticReport report = new AnalyticReport(2025, ReportFixtures.ZARECHNY, List.of(bare), List.of(blank, outOfRange),
        List.of(single, none), List.of(first), List.of(), List.of(school), List.of(unchecked), List.of());
    String html = AnalyticReportPage.render(report);
    assertTrue(html.contains("Для оценки динамики нужны данные хотя бы за два года."));
    assertTrue(html.contains("Данные есть только за 2025 год."));
    assertTrue(html.contains("Журнальных отметок нет."));
    assertTrue(html.contains("вся школа"));
    assertTrue(html.contains("школы зоны риска не перепроверялись"));
    assertFalse(html.contains("NaN"));
    assertFalse(html.contains("Infinity"));
  }

  @Test
  void histogramsAreCapped() {
    AnalyticReport base = ReportFixtures.municipality();
    List<ScoreHistogram> many = new ArrayList<>(Collections.nCopies(30, base.histograms().get(0)));
    AnalyticReport report = new AnalyticReport(2025, ReportFixtures.ZARECHNY, List.of(), many, List.of(), List.of(),
        List.of(), base.flagged(), List.of(), List.of());
    String html = AnalyticReportPage.render(report);
    assertEquals(RiskZoneSection.MAX_HISTOGRAMS, count(html, "<svg"));
    assertTrue(html.contains("Показаны 24 из 30 диаграмм"));
  }
}
