package ru.vpr.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.vpr.publish.report.ChromiumRenderTest.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.vpr.publish.model.ScoreHistogram;
import ru.vpr.publish.model.TaskCompletion;

class ChartsTest {
  private static final Pattern THRESHOLD = Pattern.compile("<line class=\"threshold\" x1=\"([0-9.]+)\" y1=\"[0-9.]+\" x2=\"([0-9.]+)\"");

  /** The text with no-break spaces as plain ones. */
  private static String plain(String text) {
    return text.replace('\u00A0', ' ');
  }

  /** x and width of the bar whose tooltip starts with {@code tip}. */
  private static double[] bar(String svg, String tip) {
    Matcher m = Pattern.compile("<rect x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"[^>]*><title>" + Pattern.quote(tip)).matcher(svg);
    assertTrue(m.find(), tip);
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
  }

  @Test
  void thresholdsSitBetweenTheLastScoreBelowAndTheMinimum() {
    long[] pupils = new long[21];
    pupils[6] = pupils[7] = pupils[10] = pupils[11] = pupils[14] = pupils[15] = 2;
    ScoreHistogram histogram = ReportFixtures.mathHistogram("5А", pupils);
    String svg = plain(ScoreHistogramChart.render(histogram, "Класс"));
    List<Double> lines = new ArrayList<>();
    Matcher m = THRESHOLD.matcher(svg);
    while (m.find()) {
      assertEquals(m.group(1), m.group(2), "vertical");
      lines.add(Double.parseDouble(m.group(1)));
    }
    assertEquals(3, lines.size());
    int[] minimums = {7, 11, 15};
    // The plot is 360 - 46 - 12 = 302 wide for the 21 scores 0..20: a score's band is 302 / 21.
    for (int i = 0; i < 3; i++) {
      assertEquals(46 + 302.0 / 21 * minimums[i], lines.get(i), 0.01);
      double[] below = bar(svg, "Балл " + (minimums[i] - 1) + ":");
      double[] at = bar(svg, "Балл " + minimums[i] + ":");
      assertTrue(below[0] + below[1] < lines.get(i) && lines.get(i) < at[0], "between bars " + Arrays.toString(below));
    }
    assertTrue(svg.indexOf(">«3»</text>") < svg.indexOf(">«4»</text>"));
    assertTrue(svg.indexOf(">«4»</text>") < svg.indexOf(">«5»</text>"));
    assertEquals(6, count(svg, "<title>Балл "), "a bar per score with pupils");
    // The scores of «3» and «5» on light bands that start at their thresholds.
    assertTrue(svg.contains("<rect x=\"" + Svg.n(lines.get(0)) + "\" y=\"42\" width=\"" + Svg.n(302.0 / 21 * 4) + "\""));
    assertTrue(svg.contains("<rect x=\"" + Svg.n(lines.get(2)) + "\" y=\"42\" width=\"" + Svg.n(302.0 / 21 * 6) + "\""));
    assertTrue(svg.contains("Балл 7: 2 учащихся (17 %)"));
  }

  @Test
  void thresholdsOutsideTheScaleAreLeftOut() {
    ScoreHistogram histogram = new ScoreHistogram("Класс", 10, 4, 8, 12, new long[] {1, 2}, null);
    String svg = ScoreHistogramChart.render(histogram, "Класс");
    assertEquals(2, count(svg, "class=\"threshold\""));
    assertFalse(svg.contains("«5»"));
    assertFalse(svg.contains("Регион"), "no region line without region shares");
    String blank = ScoreHistogramChart.render(new ScoreHistogram(null, 0, 0, 0, 0, null, null), "Класс");
    assertEquals(0, count(blank, "class=\"threshold\""));
    assertTrue(blank.endsWith("</svg>"));
  }

  @Test
  void taskLabelsTurnWhenTheyDoNotFit() {
    List<TaskCompletion> shortNames = new ArrayList<>();
    List<TaskCompletion> longNames = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      shortNames.add(new TaskCompletion(Integer.toString(i), i % 3 == 0 ? "П" : "Б", 60, 55));
      longNames.add(new TaskCompletion("Задание " + i + " (часть 2)", null, 60, Double.NaN));
    }
    String straight = TaskChart.render("Задания", shortNames, "Муниципалитет", true, 1120, 290);
    assertFalse(straight.contains("rotate("));
    assertEquals(30, count(straight, "class=\"region-mark\""));
    assertTrue(straight.contains(">базовый уровень</text>") && straight.contains(">повышенный уровень</text>"));
    assertFalse(straight.contains(">высокий уровень</text>"), "only levels that occur are in the legend");
    String turned = TaskChart.render("Задания", longNames, "Муниципалитет", true, 1120, 290);
    assertEquals(30, count(turned, "rotate(-45"));
    assertEquals(0, count(turned, "class=\"region-mark\""), "no mark where the region has no value");
  }

  @Test
  void lineChartWithOneYearDrawsPointsOnly() {
    String svg = LineChart.render("Доля «2»", List.of(2025), List.of(
        new LineChart.Series("Муниципалитет", List.of(0.12), Palette.UNIT, null, false),
        new LineChart.Series("Регион", List.of(0.15), Palette.REGION_LINE, Palette.REGION_DASH, true)), true, 560, 240);
    svg = plain(svg);
    assertFalse(svg.contains("<polyline"));
    assertEquals(1, count(svg, "<circle"));
    assertTrue(svg.contains(">12,0 %</text>") && svg.contains(">15,0 %</text>"));
    assertTrue(svg.contains(">2025</text>"));
  }

  @Test
  void lineChartBreaksAtMissingYears() {
    List<Double> values = Arrays.asList(0.2, null, 0.3, 0.25);
    String svg = LineChart.render("Качество", List.of(2022, 2023, 2024, 2025), List.of(
        new LineChart.Series("Регион", values, Palette.UNIT, null, false)), true, 560, 240);
    assertEquals(1, count(svg, "<polyline"), "the lone point before the gap gets a marker, no line");
    assertEquals(3, count(svg, "<circle"));
  }

  @Test
  void barsCarryTheirValues() {
    String svg = plain(BarChart.render("Отметки", List.of("«2»", "«3»", "«4»", "«5»"), List.of(
        new BarChart.Series("Муниципалитет", new double[] {0.142, 0.386, 0.321, 0.151}, Palette.UNIT),
        new BarChart.Series("Регион", new double[] {0.168, 0.402, 0.298}, Palette.REGION)), 560, 270, "Отметка за ВПР"));
    assertEquals(7 + 2, count(svg, "<rect"), "seven bars and two legend swatches");
    assertTrue(svg.contains(">39 %</text>") && svg.contains(">17 %</text>"));
    assertTrue(svg.contains("<title>Регион, «3»: 40,2 %</title>"));
    assertTrue(svg.contains(">—</text>"), "the missing bar is marked");
  }

  @Test
  void axesAreRound() {
    Plot shares = Plot.shares(0, 0, 100, 100, 0.47);
    assertEquals(0.5, shares.max, 1e-9);
    assertEquals(0.1, shares.step, 1e-9);
    Plot full = Plot.shares(0, 0, 100, 100, 1.3);
    assertEquals(1.0, full.max, 1e-9);
    Plot counts = Plot.counts(0, 0, 100, 100, 7);
    assertEquals(2, counts.step, 1e-9);
    assertEquals(8, counts.max, 1e-9);
    assertEquals(1, Plot.counts(0, 0, 100, 100, 0).max, 1e-9);
    assertEquals("25 %", shares.label(0.25).replace('\u00A0', ' '));
  }

  @Test
  void numbersAreRussian() {
    assertEquals("12,3 %", Fmt.pct(0.1234, 1).replace('\u00A0', ' '));
    assertEquals("—", Fmt.pct(null, 1));
    assertEquals("12 345", Fmt.count(12345).replace('\u00A0', ' '));
    assertEquals("1234", Fmt.count(1234));
    assertEquals("−1,5", Fmt.decimal(-1.5, 1));
    assertEquals("0,0", Fmt.decimal(-0.01, 1));
    assertEquals("школа", Fmt.plural(21, "школа", "школы", "школ"));
    assertEquals("школы", Fmt.plural(3, "школа", "школы", "школ"));
    assertEquals("школ", Fmt.plural(12, "школа", "школы", "школ"));
    assertEquals("Зона риска растёт: в среднем на 0,5 школы в год.", RiskDynamicsSection.slopeText(0.5));
    assertEquals("Зона риска почти не меняется из года в год.", RiskDynamicsSection.slopeText(-0.01));
    assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &#39;", Html.esc("<a href=\"x\"> & '"));
    assertEquals("1.5", Svg.n(1.5));
    assertEquals("2", Svg.n(2.0));
  }
}
