package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.List;
import java.util.TreeSet;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.RiskReason;
import ru.vpr.publish.model.ScoreHistogram;

/** "Зона риска": what the list means, the flagged classes with their reasons, their histograms. */
final class RiskZoneSection {
  /** Rows of the table and histograms shown; the full list is the xlsx file. */
  static final int MAX_ROWS = 100;
  static final int MAX_HISTOGRAMS = 24;

  private RiskZoneSection() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"risk\"><h2>Зона риска</h2>");
    out.append("<aside class=\"caution\"><b>Как читать этот раздел.</b> Зона риска — это отбор классов для ")
        .append("перепроверки работ и методической поддержки, а не вывод о нарушениях и не рейтинг школ. ")
        .append("Класс попадает в список, когда распределение его результатов заметно отличается от ожидаемого; ")
        .append("у такого отличия бывают и честные причины.</aside>");
    List<FlaggedUnit> flagged = list(ctx.report.flagged());
    if (flagged.isEmpty()) {
      out.append("<p class=\"empty\">В ").append(ctx.report.year()).append(" году ни один класс ")
          .append(ctx.regional() ? "региона" : "муниципалитета").append(" не попал в зону риска.</p>");
    } else {
      TreeSet<String> schools = new TreeSet<>();
      for (FlaggedUnit f : flagged) schools.add(f.login() == null ? "" : f.login());
      out.append("<p>В зоне риска ").append(Fmt.count(flagged.size(), "класс", "класса", "классов")).append(" (класс × работа) из ")
          .append(Fmt.count(schools.size(), "школы", "школ", "школ")).append(". Сверху — классы с наибольшей оценкой риска.</p>");
      table(out, ctx, flagged);
    }
    histograms(out, ctx);
    return out.append("</section>").toString();
  }

  private static void table(StringBuilder out, ReportContext ctx, List<FlaggedUnit> flagged) {
    out.append("<table class=\"flagged\"><thead><tr><th>Школа</th><th>Класс</th><th>Работа</th>")
        .append("<th class=\"num\">Писали</th><th class=\"num\">Оценка риска</th><th>Причины</th></tr></thead><tbody>");
    for (FlaggedUnit f : flagged.subList(0, Math.min(MAX_ROWS, flagged.size()))) {
      out.append("<tr><td>").append(Html.esc(f.schoolName() == null ? f.login() : f.schoolName()));
      if (f.login() != null) out.append("<div class=\"sub\">").append(Html.esc(f.login()));
      if (f.login() != null && ctx.regional() && f.municipalityCode() != null) {
        out.append(" · ").append(Html.esc(ctx.municipalityName(f.municipalityCode())));
      }
      if (f.login() != null) out.append("</div>");
      out.append("</td><td>").append(f.className() == null ? "вся школа" : Html.esc(f.className()))
          .append("</td><td class=\"nowrap\">").append(Html.esc(ctx.workName(f.subject(), null, f.grade())))
          .append("</td><td class=\"num\">").append(Fmt.count(f.written()))
          .append("</td><td class=\"num\">").append(Fmt.decimal(f.riskScore(), 4)).append("</td><td>");
      reasons(out, f.reasons());
      out.append("</td></tr>");
    }
    out.append("</tbody></table>");
    if (flagged.size() > MAX_ROWS) {
      out.append("<p class=\"more\">Показаны первые ").append(MAX_ROWS).append(" классов; ещё ")
          .append(Fmt.count(flagged.size() - MAX_ROWS)).append(" — в полном списке зоны риска (risk_zone.xlsx).</p>");
    }
  }

  private static void reasons(StringBuilder out, List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      out.append(Fmt.DASH);
      return;
    }
    out.append("<ul class=\"reasons\">");
    for (String code : codes) out.append("<li>").append(Html.esc(RiskReason.russian(code))).append("</li>");
    out.append("</ul>");
  }

  private static void histograms(StringBuilder out, ReportContext ctx) {
    List<ScoreHistogram> all = list(ctx.report.histograms());
    if (all.isEmpty()) return;
    out.append("<h3>Распределение баллов в классах зоны риска</h3><p class=\"explain\">Столбцы — доля учащихся ")
        .append("с данным первичным баллом, ступенчатая линия — то же по региону, пунктир — минимальные баллы отметок ")
        .append("«3», «4» и «5» (светлым фоном — баллы отметок «3» и «5»). Скопление столбцов сразу справа от пунктира при провале слева от него — признак ")
        .append("того, что баллы «дотягивали» до границы отметки.</p><div class=\"grid3\">");
    for (ScoreHistogram h : all.subList(0, Math.min(MAX_HISTOGRAMS, all.size()))) {
      ScoreHistogramChart chart = new ScoreHistogramChart(h);
      out.append("<figure><figcaption><b>").append(Html.esc(h.title())).append("</b> <span>")
          .append(Fmt.count(chart.total(), "участник", "участника", "участников")).append("</span></figcaption>")
          .append(chart.render("Участники")).append("</figure>");
    }
    out.append("</div>");
    if (all.size() > MAX_HISTOGRAMS) {
      out.append("<p class=\"more\">Показаны ").append(MAX_HISTOGRAMS).append(" из ").append(Fmt.count(all.size()))
          .append(" диаграмм; остальные классы — в таблице выше и в списке зоны риска.</p>");
    }
  }
}
