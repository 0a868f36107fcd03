package ru.vpr.publish.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.vpr.publish.model.TaskCompletion;

/**
 * Completion of each task by the unit as a bar coloured by the task's level (Б, П, В), the region as
 * a black mark across the bar: a bar short of its mark is a task the unit finds harder than the
 * region does.
 */
final class TaskChart {
  private static final double LEFT = 50;
  private static final double RIGHT = 12;
  private static final double TOP = 40;

  private TaskChart() {}

  static String render(String title, List<TaskCompletion> tasks, String unitLabel, boolean withRegion, double width,
      double height) {
    double widest = 0;
    for (TaskCompletion task : tasks) widest = Math.max(widest, Svg.textWidth(label(task), 11));
    double band = (width - LEFT - RIGHT) / Math.max(1, tasks.size());
    boolean slanted = widest > band - 4;
    double bottom = slanted ? 30 + widest * 0.72 : 46;
    Plot plot = Plot.shares(LEFT, TOP, width - LEFT - RIGHT, height - TOP - bottom, 1);
    Svg svg = new Svg(width, height, title);
    Legend.draw(svg, LEFT, 6, legend(tasks, unitLabel, withRegion));
    plot.grid(svg);

    double barWidth = Math.min(40, band * 0.7);
    for (int i = 0; i < tasks.size(); i++) {
      TaskCompletion task = tasks.get(i);
      double x = plot.left + band * i + (band - barWidth) / 2;
      double unit = share(task.unitPct());
      double y = plot.y(unit);
      String tip = "Задание " + label(task) + " (" + Palette.levelName(task.level()) + "): " + Fmt.pct(unit, 0)
          + (withRegion ? ", регион " + Fmt.pct(share(task.regionPct()), 0) : "");
      svg.rect(x, y, barWidth, plot.bottom() - y, Palette.level(task.level()), tip);
      if (withRegion && Double.isFinite(task.regionPct())) {
        double ry = plot.y(share(task.regionPct()));
        svg.line(x - 3, ry, x + barWidth + 3, ry, Palette.MARKER, 3, null, "region-mark");
      }
      double cx = x + barWidth / 2;
      if (slanted) svg.slantedText(cx + 3, plot.bottom() + 12, label(task), 11, Palette.TEXT);
      else svg.text(cx, plot.bottom() + 16, label(task), "middle", 11, Palette.TEXT);
    }
    svg.text(plot.left + plot.width / 2, height - 6, "Задание", "middle", 12, Palette.MUTED);
    return svg.end();
  }

  private static List<Legend.Item> legend(List<TaskCompletion> tasks, String unitLabel, boolean withRegion) {
    Set<String> levels = new LinkedHashSet<>();
    for (String level : List.of("Б", "П", "В")) {
      for (TaskCompletion task : tasks) if (task.level() != null && level.equals(task.level().trim())) levels.add(level);
    }
    boolean other = false;
    for (TaskCompletion task : tasks) other |= !levels.contains(task.level() == null ? "" : task.level().trim());
    List<Legend.Item> items = new ArrayList<>();
    for (String level : levels) items.add(Legend.Item.bar(Palette.levelName(level), Palette.level(level)));
    if (other) items.add(Legend.Item.bar(levels.isEmpty() ? unitLabel : "без уровня", Palette.level(null)));
    if (withRegion) items.add(Legend.Item.marker("Регион", Palette.MARKER));
    return items;
  }

  private static String label(TaskCompletion task) {
    return task.task() == null ? "" : task.task();
  }

  private static double share(double pct) {
    return Double.isFinite(pct) ? Math.max(0, Math.min(100, pct)) / 100 : Double.NaN;
  }
}
