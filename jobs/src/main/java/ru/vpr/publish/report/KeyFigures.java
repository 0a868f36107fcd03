package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.TreeSet;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.RecheckPrecision;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.WorkProfile;

/** The few numbers at the top of the page, as cards. */
final class KeyFigures {
  private KeyFigures() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"key\" class=\"figures\">");
    long written = 0;
    for (WorkProfile w : list(ctx.report.works())) written += Math.max(0, w.written());
    int works = list(ctx.report.works()).size();
    card(out, Fmt.count(written), "написано работ",
        works == 0 ? "данных о работах нет" : Fmt.count(works, "вид", "вида", "видов") + " работ: предмет × класс");

    RiskTrend risk = ctx.currentRisk();
    if (risk != null) {
      Double share = risk.schoolsScored() > 0 ? (double) risk.flagged() / risk.schoolsScored() : null;
      card(out, Fmt.count(risk.flagged()), Fmt.plural(risk.flagged(), "школа", "школы", "школ") + " в зоне риска",
          "из " + Fmt.count(risk.schoolsScored()) + " с результатами" + (share == null ? "" : " (" + Fmt.pct(share, 1) + ")"));
    } else {
      TreeSet<String> schools = new TreeSet<>();
      for (FlaggedUnit f : list(ctx.report.flagged())) if (f.login() != null) schools.add(f.login());
      card(out, Fmt.count(schools.size()), Fmt.plural(schools.size(), "школа", "школы", "школ") + " в зоне риска",
          "с классами в зоне риска");
    }
    long classes = list(ctx.report.flagged()).stream().filter(f -> f.className() != null).count();
    card(out, Fmt.count(classes), Fmt.plural(classes, "класс", "класса", "классов") + " в зоне риска",
        "класс × работа, по всем работам");
    long low = list(ctx.report.lowResults()).size();
    card(out, Fmt.count(low), Fmt.plural(low, "школа", "школы", "школ") + " с низкими результатами",
        "по доле отметок «2»");

    RecheckPrecision flagged = null;
    for (RecheckPrecision p : list(ctx.report.precision())) if ("flagged".equals(p.group())) flagged = p;
    if (flagged != null && flagged.share() != null) {
      card(out, Fmt.pct(flagged.share(), 0), "подтвердила перепроверка",
          "завышение у " + Fmt.count(flagged.inflated()) + " из " + Fmt.count(flagged.schools(), "школы", "школ", "школ")
              + " зоны риска");
    } else {
      card(out, Fmt.DASH, "перепроверка", list(ctx.report.precision()).isEmpty()
          ? "перепроверка не проводилась" : "школы зоны риска не перепроверялись");
    }
    return out.append("</section>").toString();
  }

  private static void card(StringBuilder out, String value, String label, String note) {
    out.append("<div class=\"card\"><div class=\"value\">").append(Html.esc(value)).append("</div><div class=\"label\">")
        .append(Html.esc(label)).append("</div><div class=\"note\">").append(Html.esc(note)).append("</div></div>");
  }
}
