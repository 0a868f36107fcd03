package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.List;
import java.util.Locale;
import ru.vpr.publish.model.RiskTrend;

/** For the region's report: the risk zone of every municipality this year, in the order given. */
final class MunicipalitiesSection {
  private MunicipalitiesSection() {}

  static String render(ReportContext ctx) {
    List<RiskTrend> rows = list(ctx.report.municipalities());
    StringBuilder out = new StringBuilder("<section id=\"municipalities\"><h2>Зона риска по муниципалитетам</h2>");
    if (rows.isEmpty()) return out.append("<p class=\"empty\">Данных по муниципалитетам нет.</p></section>").toString();
    out.append("<p class=\"explain\">Доля — школы в зоне риска среди школ муниципалитета с результатами; полоса — та же доля, самая большая в таблице на всю ширину. ")
        .append("Таблица не является рейтингом муниципалитетов.</p>")
        .append("<table class=\"municipalities\"><thead><tr><th>Муниципалитет</th><th class=\"num\">Школ с результатами</th>")
        .append("<th class=\"num\">В зоне риска</th><th>Доля</th><th class=\"num\">Второй год подряд</th>")
        .append("<th class=\"num\">Вышли</th><th class=\"num\">Вошли впервые</th><th>Динамика, школ</th></tr></thead><tbody>");
    // The meters run up to the highest share in the table, so that small shares still show.
    double highest = 0;
    for (RiskTrend t : rows) if (t.schoolsScored() > 0) highest = Math.max(highest, (double) t.flagged() / t.schoolsScored());
    for (RiskTrend t : rows) {
      Double share = t.schoolsScored() > 0 ? (double) t.flagged() / t.schoolsScored() : null;
      out.append("<tr><td>").append(Html.esc(ctx.municipalityName(t.municipalityCode()))).append("</td><td class=\"num\">")
          .append(Fmt.count(t.schoolsScored())).append("</td><td class=\"num\">").append(Fmt.count(t.flagged()))
          .append("</td><td class=\"share\">");
      if (share != null) {
        out.append("<span class=\"meter\"><span style=\"width:")
            .append(String.format(Locale.ROOT, "%.1f", highest > 0 ? 100 * share / highest : 0)).append("%\"></span></span>");
      }
      out.append(Fmt.pct(share, 1)).append("</td><td class=\"num\">").append(Fmt.count(t.flaggedAgain()))
          .append("</td><td class=\"num\">").append(Fmt.count(t.left())).append("</td><td class=\"num\">")
          .append(Fmt.count(t.entered())).append("</td><td class=\"nowrap\">")
          .append(Html.esc(RiskDynamicsSection.slopeShort(t.slope())))
          .append("</td></tr>");
    }
    return out.append("</tbody></table></section>").toString();
  }
}
