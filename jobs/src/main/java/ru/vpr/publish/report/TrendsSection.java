package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import ru.vpr.publish.model.WorkTrend;
import ru.vpr.publish.model.YearPoint;

/** Each work over the years: the share of mark 2 and the quality, the unit against the region. */
final class TrendsSection {
  private TrendsSection() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"trends\"><h2>Результаты по годам</h2>");
    List<WorkTrend> trends = list(ctx.report.trends());
    if (trends.isEmpty()) return out.append("<p class=\"empty\">Данных за прошлые годы нет.</p></section>").toString();
    out.append("<p class=\"explain\">Качество знаний — доля отметок «4» и «5». ")
        .append(ctx.regional() ? "" : "Сплошная линия — муниципалитет, пунктир — регион.").append("</p>");
    for (WorkTrend t : trends) trend(out, ctx, t);
    return out.append("</section>").toString();
  }

  private static void trend(StringBuilder out, ReportContext ctx, WorkTrend t) {
    String name = ctx.workName(t.subject(), t.subjectName(), t.grade());
    List<YearPoint> points = list(t.points());
    out.append("<article class=\"trend\"><h3>").append(Html.esc(name)).append("</h3>");
    if (points.isEmpty()) {
      out.append("<p class=\"empty\">Данных нет.</p></article>");
      return;
    }
    if (points.size() == 1) out.append("<p class=\"more\">Данные есть только за ").append(points.get(0).year()).append(" год.</p>");
    List<Integer> years = new ArrayList<>();
    for (YearPoint p : points) years.add(p.year());
    out.append("<div class=\"grid2\"><figure><figcaption>Доля отметок «2»</figcaption>")
        .append(LineChart.render("Доля отметок «2» по годам: " + name, years,
            series(ctx, points, YearPoint::unitShare2, YearPoint::regionShare2), true, 560, 240))
        .append("</figure><figure><figcaption>Качество знаний</figcaption>")
        .append(LineChart.render("Качество знаний по годам: " + name, years,
            series(ctx, points, YearPoint::unitQuality, YearPoint::regionQuality), true, 560, 240))
        .append("</figure></div></article>");
  }

  private static List<LineChart.Series> series(ReportContext ctx, List<YearPoint> points, ToDoubleFunction<YearPoint> unit,
      ToDoubleFunction<YearPoint> region) {
    List<Double> unitValues = new ArrayList<>();
    List<Double> regionValues = new ArrayList<>();
    for (YearPoint p : points) {
      unitValues.add(unit.applyAsDouble(p));
      regionValues.add(region.applyAsDouble(p));
    }
    List<LineChart.Series> series = new ArrayList<>();
    series.add(new LineChart.Series(ctx.unitLabel(), unitValues, Palette.UNIT, null, false));
    if (!ctx.regional()) {
      series.add(new LineChart.Series("Регион", regionValues, Palette.REGION_LINE, Palette.REGION_DASH, true));
    }
    return series;
  }
}
