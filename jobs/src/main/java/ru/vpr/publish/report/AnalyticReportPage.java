package ru.vpr.publish.report;

import java.util.List;
import ru.vpr.publish.model.AnalyticReport;
import ru.vpr.publish.model.Municipality;

/**
 * The analytic report of a municipality, or of the region when the report's municipality is null, as
 * one self-contained HTML page in Russian: inline CSS and SVG charts, no scripts, nothing fetched.
 * The same report always gives the same bytes.
 */
public final class AnalyticReportPage {
  private AnalyticReportPage() {}

  /** The page, municipalities named by their codes in the region's report. */
  public static String render(AnalyticReport report) {
    return render(report, List.of());
  }

  /**
   * The page.
   *
   * @param municipalities names for the municipality codes of the region's report (its table and
   *     lists carry codes only); codes without a name show as they are
   */
  public static String render(AnalyticReport report, List<Municipality> municipalities) {
    ReportContext ctx = new ReportContext(report, municipalities);
    String title = title(ctx);
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.esc(title)).append("</title>\n<style>\n").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n")
        .append("<div class=\"page\">\n<header class=\"top\"><p class=\"kicker\">Всероссийские проверочные работы · ")
        .append(report.year()).append("</p><h1>Аналитический отчёт по результатам ВПР ").append(report.year())
        .append(" года</h1><p class=\"unit\">").append(ctx.regional() ? "Регион: все муниципалитеты"
            : "Муниципалитет: " + Html.esc(ctx.unitName())).append("</p></header>\n");
    out.append(toc(ctx)).append('\n');
    out.append(KeyFigures.render(ctx)).append('\n');
    out.append(RiskZoneSection.render(ctx)).append('\n');
    out.append(PushedPupilsSection.render(ctx)).append('\n');
    out.append(WorksSection.render(ctx)).append('\n');
    out.append(TrendsSection.render(ctx)).append('\n');
    out.append(RiskDynamicsSection.render(ctx)).append('\n');
    if (ctx.regional()) out.append(MunicipalitiesSection.render(ctx)).append('\n');
    out.append(RecheckSection.render(ctx)).append('\n');
    out.append(LowResultsSection.render(ctx)).append('\n');
    out.append("<footer>Отчёт построен автоматически по результатам ВПР ").append(report.year())
        .append(" года. Оценка риска — число от 0 до 1: чем ближе к 1, тем менее вероятно, что такие результаты ")
        .append("получены при объективной проверке. Зона риска и список школ с низкими результатами — основание для ")
        .append("перепроверки и поддержки, а не оценка работы школ.</footer>\n</div>\n</body>\n</html>\n");
    return out.toString();
  }

  /** "Аналитический отчёт по результатам ВПР 2025 года — Город N" (or "— регион"). */
  static String title(ReportContext ctx) {
    return "Аналитический отчёт по результатам ВПР " + ctx.report.year() + " года — " + ctx.unitName();
  }

  private static String toc(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<nav class=\"toc\">");
    link(out, "risk", "Зона риска");
    link(out, "pushed", "Дотягивание");
    link(out, "works", "Результаты по работам");
    link(out, "trends", "По годам");
    link(out, "dynamics", "Динамика зоны риска");
    if (ctx.regional()) link(out, "municipalities", "Муниципалитеты");
    link(out, "recheck", "Перепроверка");
    link(out, "low", "Низкие результаты");
    return out.append("</nav>").toString();
  }

  private static void link(StringBuilder out, String id, String text) {
    out.append("<a href=\"#").append(id).append("\">").append(text).append("</a>");
  }
}
