package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.List;
import ru.vpr.publish.model.LowResultSchool;

/** Schools with low results: a list for support, with the reasons the indicators wrote. */
final class LowResultsSection {
  private LowResultsSection() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"low\"><h2>Школы с низкими результатами</h2>");
    List<LowResultSchool> rows = list(ctx.report.lowResults());
    if (rows.isEmpty()) {
      return out.append("<p class=\"empty\">В ").append(ctx.report.year())
          .append(" году школ с низкими результатами нет.</p></section>").toString();
    }
    out.append("<p class=\"explain\">Школы, где доля отметок «2» несколько лет подряд высока: список для адресной ")
        .append("методической поддержки.</p><table class=\"low\"><thead><tr><th>Школа</th>");
    if (ctx.regional()) out.append("<th>Муниципалитет</th>");
    out.append("<th>Предметы</th><th class=\"num\">Наибольшая доля «2»</th><th>Основания</th></tr></thead><tbody>");
    for (LowResultSchool s : rows) {
      out.append("<tr><td>").append(Html.esc(s.schoolName() == null ? s.login() : s.schoolName()));
      if (s.login() != null) out.append("<div class=\"sub\">").append(Html.esc(s.login())).append("</div>");
      out.append("</td>");
      if (ctx.regional()) out.append("<td>").append(Html.esc(ctx.municipalityName(s.municipalityCode()))).append("</td>");
      out.append("<td>").append(Html.esc(subjects(ctx, s.subjects()))).append("</td><td class=\"num\">")
          .append(Fmt.pct(s.maxShare2(), 1)).append("</td><td>");
      // The indicators join one reason per work with "; ": a line each reads better.
      String[] reasons = s.reasonsText() == null ? new String[0] : s.reasonsText().split("; ");
      for (int i = 0; i < reasons.length; i++) out.append(i > 0 ? "<br>" : "").append(Html.esc(reasons[i]));
      out.append("</td></tr>");
    }
    return out.append("</tbody></table></section>").toString();
  }

  /** Subject codes joined with | as names: "Математика, Русский язык". */
  private static String subjects(ReportContext ctx, String codes) {
    if (codes == null || codes.isBlank()) return Fmt.DASH;
    StringBuilder names = new StringBuilder();
    for (String code : codes.split("\\|")) {
      if (code.isBlank()) continue;
      if (names.length() > 0) names.append(", ");
      names.append(ctx.subjectName(code));
    }
    return names.toString();
  }
}
