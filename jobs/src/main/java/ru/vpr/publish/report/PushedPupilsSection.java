package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.List;
import ru.vpr.publish.model.PushedPupils;

/**
 * How many pupils were probably pushed over each mark cut: per work, the unit's score histogram with the
 * counterfactual curve, and the estimate in words. The figure officials ask for, and one the region's
 * own averages cannot give where pushing is everywhere.
 */
final class PushedPupilsSection {
  private PushedPupilsSection() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"pushed\"><h2>Дотягивание до границ отметок</h2>");
    List<PushedPupils> works = list(ctx.report.pushed());
    if (works.isEmpty()) {
      return out.append("<p class=\"empty\">Оценка не построена: для неё нужно не меньше 200 участников работы ")
          .append(ctx.regional() ? "в регионе" : "в муниципалитете").append(".</p></section>").toString();
    }
    out.append("<p class=\"explain\">Столбцы — доля учащихся с данным первичным баллом, линия — какой была бы эта доля ")
        .append("без дотягивания: гладкая кривая, построенная по баллам вдали от границ отметок. Избыток учащихся ровно ")
        .append("на границе и нехватка чуть ниже неё — учащиеся, которым, вероятно, добавили баллы до отметки. Оценка ")
        .append("не опирается на средние по региону, поэтому она верна и там, где дотягивают почти все школы.</p>")
        .append("<div class=\"grid3\">");
    for (PushedPupils w : works) {
      ScoreHistogramChart chart = new ScoreHistogramChart(w.chart());
      out.append("<figure><figcaption><b>").append(Html.esc(w.subjectName())).append(", ").append(w.grade())
          .append(" класс</b> <span>").append(Fmt.count(chart.total(), "участник", "участника", "участников"))
          .append("</span></figcaption>").append(chart.render("Участники")).append("<ul class=\"reasons\">");
      for (PushedPupils.Cut c : w.cuts()) out.append("<li>").append(Html.esc(sentence(c))).append("</li>");
      out.append("</ul></figure>");
    }
    return out.append("</div></section>").toString();
  }

  /** "Около 120 учащихся, вероятно, дотянуты до отметки «3» (...)", or that nothing shows at the cut. */
  static String sentence(PushedPupils.Cut c) {
    if (!c.clear()) return "На границе отметки «" + c.mark() + "» (" + c.score() + " б.) дотягивание не выявлено.";
    long n = rounded(c.pushed());
    return "Около " + Fmt.count(n) + " " + Fmt.plural(n, "учащегося", "учащихся", "учащихся") + ", вероятно, "
        + Fmt.plural(n, "дотянут", "дотянуты", "дотянуты") + " до отметки «" + c.mark() + "» (" + c.score()
        + " б.); с вероятностью 90% — от " + Fmt.count(rounded(c.low())) + " до " + Fmt.count(rounded(c.high())) + ".";
  }

  /** Whole pupils, and tens from a hundred: the estimate is not more precise than that. */
  private static long rounded(double v) {
    long n = Math.round(Math.max(0, v));
    return n >= 100 ? Math.round(n / 10.0) * 10 : n;
  }
}
