package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.publish.model.RiskTrend;

/** How the unit's risk zone changed over the years: who stayed, left and entered, and the trend. */
final class RiskDynamicsSection {
  /** A least-squares slope this close to 0 schools per year reads as no change. */
  private static final double FLAT = 0.05;

  private RiskDynamicsSection() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"dynamics\"><h2>Динамика зоны риска</h2>");
    List<RiskTrend> trend = list(ctx.report.riskTrend());
    if (trend.isEmpty()) return out.append("<p class=\"empty\">Данных о зоне риска по годам нет.</p></section>").toString();
    RiskTrend current = ctx.currentRisk();
    out.append("<p class=\"lead\">В ").append(current.year()).append(" году в зоне риска ")
        .append(Fmt.count(current.flagged(), "школа", "школы", "школ"));
    if (current.schoolsScored() > 0) {
      out.append(" (").append(Fmt.pct((double) current.flagged() / current.schoolsScored(), 1)).append(" школ с результатами)");
    }
    out.append(": второй год подряд — ").append(Fmt.count(current.flaggedAgain())).append(", впервые — ")
        .append(Fmt.count(current.entered())).append("; вышли из зоны риска — ").append(Fmt.count(current.left()))
        .append(". <b>").append(Html.esc(slopeText(current.slope()))).append("</b></p>");
    List<Integer> years = new ArrayList<>();
    List<Double> flagged = new ArrayList<>();
    List<Double> again = new ArrayList<>();
    for (RiskTrend t : trend) {
      years.add(t.year());
      flagged.add((double) t.flagged());
      again.add((double) t.flaggedAgain());
    }
    out.append("<div class=\"grid2\"><figure><figcaption>Школы в зоне риска по годам</figcaption>")
        .append(LineChart.render("Школы в зоне риска по годам", years, List.of(
            new LineChart.Series("В зоне риска", flagged, Palette.UNIT, null, false),
            new LineChart.Series("Из них второй год подряд", again, Palette.SECOND, "5 4", true)), false, 560, 260))
        .append("</figure><div>");
    out.append("<table class=\"dynamics\"><thead><tr><th>Год</th><th class=\"num\">Школ с результатами</th>")
        .append("<th class=\"num\">В зоне риска</th><th class=\"num\">Второй год подряд</th><th class=\"num\">Вышли</th>")
        .append("<th class=\"num\">Вошли впервые</th></tr></thead><tbody>");
    for (RiskTrend t : trend) {
      out.append("<tr><td>").append(t.year()).append("</td><td class=\"num\">").append(Fmt.count(t.schoolsScored()))
          .append("</td><td class=\"num\">").append(Fmt.count(t.flagged()));
      if (t.schoolsScored() > 0) out.append(" <span class=\"sub\">(").append(Fmt.pct((double) t.flagged() / t.schoolsScored(), 1)).append(")</span>");
      out.append("</td><td class=\"num\">").append(Fmt.count(t.flaggedAgain())).append("</td><td class=\"num\">")
          .append(Fmt.count(t.left())).append("</td><td class=\"num\">").append(Fmt.count(t.entered())).append("</td></tr>");
    }
    out.append("</tbody></table><p class=\"explain\">«Вышли» — школы, которые были в зоне риска в прошлом году, ")
        .append("а в этом году имеют результаты и в зону риска не попали. «Вошли впервые» — в зоне риска в этом году, ")
        .append("но не в прошлом.</p></div></div>");
    return out.append("</section>").toString();
  }

  /** The slope in words: «Зона риска сокращается: в среднем на 1,5 школы в год». */
  static String slopeText(Double slope) {
    if (slope == null || !Double.isFinite(slope)) return "Для оценки динамики нужны данные хотя бы за два года.";
    if (Math.abs(slope) < FLAT) return "Зона риска почти не меняется из года в год.";
    // A number with a decimal comma takes the genitive singular: «1,5 школы», «2,0 школы».
    String perYear = "в среднем на " + Fmt.decimal(Math.abs(slope), 1) + " школы в год";
    return slope < 0 ? "Зона риска сокращается: " + perYear + "." : "Зона риска растёт: " + perYear + ".";
  }

  /** The slope for a table cell: «↓ −1,5 в год». */
  static String slopeShort(Double slope) {
    if (slope == null || !Double.isFinite(slope)) return Fmt.DASH;
    if (Math.abs(slope) < FLAT) return "≈ без изменений";
    return (slope < 0 ? "↓ " : "↑ +") + Fmt.decimal(slope, 1) + " в год";
  }
}
