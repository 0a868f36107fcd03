package ru.vpr.publish.report;

import static ru.vpr.publish.report.ReportContext.list;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.publish.model.TaskCompletion;
import ru.vpr.publish.model.WorkProfile;

/** Per work of the year: marks, VPR against the journal, task completion; the unit against the region. */
final class WorksSection {
  private static final List<String> MARKS = List.of("«2»", "«3»", "«4»", "«5»");
  private static final List<String> JOURNAL = List.of("Понизили", "Подтвердили", "Повысили");

  private WorksSection() {}

  static String render(ReportContext ctx) {
    StringBuilder out = new StringBuilder("<section id=\"works\"><h2>Результаты по работам ").append(ctx.report.year())
        .append(" года</h2>");
    List<WorkProfile> works = list(ctx.report.works());
    if (works.isEmpty()) return out.append("<p class=\"empty\">Данных о работах этого года нет.</p></section>").toString();
    for (WorkProfile w : works) work(out, ctx, w);
    return out.append("</section>").toString();
  }

  private static void work(StringBuilder out, ReportContext ctx, WorkProfile w) {
    String name = ctx.workName(w.subject(), w.subjectName(), w.grade());
    boolean withRegion = !ctx.regional();
    out.append("<article class=\"work\"><h3>").append(Html.esc(name)).append("</h3><p class=\"facts\">Писали: <b>")
        .append(Fmt.count(w.written())).append("</b>");
    fact(out, "доля отметок «2»", share(w.unitMarks(), 0), share(w.regionMarks(), 0), withRegion);
    fact(out, "качество знаний («4» и «5»)", quality(w.unitMarks()), quality(w.regionMarks()), withRegion);
    out.append("</p><div class=\"grid2\"><figure><figcaption>Распределение отметок</figcaption>");
    out.append(BarChart.render("Распределение отметок: " + name, MARKS, series(ctx, w.unitMarks(), w.regionMarks()),
        560, 270, "Отметка за ВПР"));
    out.append("</figure><figure><figcaption>Отметки за ВПР и в журнале</figcaption>");
    if (w.unitJournal() == null) {
      out.append("<p class=\"empty\">Журнальных отметок нет.</p>");
    } else {
      out.append(BarChart.render("Соответствие отметок за ВПР отметкам в журнале: " + name, JOURNAL,
          series(ctx, w.unitJournal(), w.regionJournal()), 560, 270, "Отметка за ВПР по сравнению с журнальной"));
    }
    out.append("</figure></div>");
    List<TaskCompletion> tasks = list(w.tasks());
    out.append("<figure class=\"wide\"><figcaption>Выполнение заданий, % от максимального балла</figcaption>");
    if (tasks.isEmpty()) out.append("<p class=\"empty\">Данных по заданиям нет.</p>");
    else out.append(TaskChart.render("Выполнение заданий: " + name, tasks, ctx.unitLabel(), withRegion, 1120, 290));
    out.append("</figure></article>");
  }

  private static List<BarChart.Series> series(ReportContext ctx, double[] unit, double[] region) {
    List<BarChart.Series> series = new ArrayList<>();
    series.add(new BarChart.Series(ctx.unitLabel(), unit, Palette.UNIT));
    if (!ctx.regional()) series.add(new BarChart.Series("Регион", region, Palette.REGION));
    return series;
  }

  private static void fact(StringBuilder out, String label, Double unit, Double region, boolean withRegion) {
    out.append(" · ").append(label).append(": <b>").append(Fmt.pct(unit, 1)).append("</b>");
    if (withRegion) out.append(" (регион ").append(Fmt.pct(region, 1)).append(')');
  }

  private static Double share(double[] marks, int i) {
    return marks == null || marks.length <= i ? null : marks[i];
  }

  private static Double quality(double[] marks) {
    return marks == null || marks.length < 4 ? null : marks[2] + marks[3];
  }
}
