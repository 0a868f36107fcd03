package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.publish.model.RecheckPrecision;

/**
 * What the commissions' re-checks found: the share of re-checked schools judged to inflate, per
 * group. For the flagged group it is how often the selection was right; the control sample gives
 * the base rate to compare it with.
 */
final class RecheckSection {
  private RecheckSection() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"recheck\"><h2>Результаты перепроверки</h2>");
    List<RecheckPrecision> rows = list(ctx.report.precision());
    if (rows.isEmpty()) {
      return out.append("<p class=\"empty\">В ").append(ctx.report.year())
          .append(" году перепроверка не проводилась.</p></section>").toString();
    }
    RecheckPrecision flagged = group(rows, "flagged");
    RecheckPrecision control = group(rows, "control");
    if (flagged != null && flagged.share() != null) {
      out.append("<p class=\"lead\">В школах зоны риска комиссия признала проверку завышенной в <b>")
          .append(Fmt.pct(flagged.share(), 0)).append("</b> случаев (").append(Fmt.count(flagged.inflated())).append(" из ")
          .append(Fmt.count(flagged.schools(), "школы", "школ", "школ")).append(")");
      if (control != null && control.share() != null) {
        out.append(", в контрольной выборке — в <b>").append(Fmt.pct(control.share(), 0)).append("</b> (")
            .append(Fmt.count(control.inflated())).append(" из ").append(Fmt.count(control.schools(), "школы", "школ", "школ"))
            .append(")");
      }
      out.append(".</p>");
    }
    List<String> categories = new ArrayList<>();
    double[] shares = new double[rows.size()];
    out.append("<div class=\"grid2\"><div><table class=\"recheck\"><thead><tr><th>Группа школ</th>")
        .append("<th class=\"num\">Перепроверено школ</th><th class=\"num\">Из них с завышением</th>")
        .append("<th class=\"num\">Доля</th></tr></thead><tbody>");
    for (int i = 0; i < rows.size(); i++) {
      RecheckPrecision p = rows.get(i);
      categories.add(groupName(p.group()));
      shares[i] = p.share() == null ? Double.NaN : p.share();
      out.append("<tr><td>").append(Html.esc(groupName(p.group()))).append("</td><td class=\"num\">")
          .append(Fmt.count(p.schools())).append("</td><td class=\"num\">").append(Fmt.count(p.inflated()))
          .append("</td><td class=\"num\">").append(Fmt.pct(p.share(), 1)).append("</td></tr>");
    }
    out.append("</tbody></table><p class=\"explain\">Завышение — доля работ, признанных объективно проверенными, ")
        .append("ниже 90 %. Контрольная выборка — случайные школы вне зоны риска: она показывает, как часто ")
        .append("завышение встречается без отбора.</p></div><figure><figcaption>Доля школ с завышением</figcaption>")
        .append(BarChart.render("Доля перепроверенных школ с завышением по группам", categories,
            List.of(new BarChart.Series("Доля школ с завышением", shares, Palette.UNIT)), 560, 250, null))
        .append("</figure></div>");
    return out.append("</section>").toString();
  }

  private static RecheckPrecision group(List<RecheckPrecision> rows, String group) {
    for (RecheckPrecision p : rows) if (group.equals(p.group())) return p;
    return null;
  }

  static String groupName(String group) {
    if (group == null) return Fmt.DASH;
    return switch (group) {
      case "flagged" -> "Зона риска";
      case "control" -> "Контрольная выборка";
      case "other" -> "Другие школы";
      default -> group;
    };
  }
}
