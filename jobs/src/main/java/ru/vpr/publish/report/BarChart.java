package ru.vpr.publish.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Shares side by side per category, one bar per series (the unit against the region), each bar
 * with its value on top.
 */
final class BarChart {
  private static final double LEFT = 50;
  private static final double RIGHT = 12;
  private static final double TOP = 40;
  private static final double BOTTOM = 46;

  /** One bar per category; {@code values} shares 0..1, a missing or NaN value draws no bar. */
  record Series(String label, double[] values, String colour) {}

  private BarChart() {}

  static String render(String title, List<String> categories, List<Series> series, double width, double height,
      String axisTitle) {
    List<Series> drawn = new ArrayList<>();
    for (Series s : series) if (s.values() != null) drawn.add(s);
    double highest = 0;
    for (Series s : drawn) for (double v : s.values()) if (Double.isFinite(v)) highest = Math.max(highest, v);
    int groups = Math.max(1, categories.size());
    Plot plot = Plot.shares(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM, highest * 1.08);
    Svg svg = new Svg(width, height, title);
    List<Legend.Item> legend = new ArrayList<>();
    for (Series s : drawn) legend.add(Legend.Item.bar(s.label(), s.colour()));
    // A single series is named by the figure's caption.
    if (drawn.size() > 1) Legend.draw(svg, LEFT, 6, legend);
    plot.grid(svg);

    double band = plot.width / groups;
    double barWidth = Math.min(56, band * 0.72 / Math.max(1, drawn.size()));
    for (int c = 0; c < categories.size(); c++) {
      double start = plot.left + band * c + (band - barWidth * drawn.size()) / 2;
      for (int k = 0; k < drawn.size(); k++) {
        double[] values = drawn.get(k).values();
        if (c >= values.length || !Double.isFinite(values[c])) {
          svg.text(start + barWidth * (k + 0.5), plot.bottom() - 6, drawn.size() == 1 ? "нет данных" : Fmt.DASH, "middle", 11,
              Palette.MUTED);
          continue;
        }
        double value = Math.max(0, values[c]);
        double x = start + barWidth * k;
        double y = plot.y(value);
        svg.rect(x + 1, y, barWidth - 2, plot.bottom() - y, drawn.get(k).colour(),
            drawn.get(k).label() + ", " + categories.get(c) + ": " + Fmt.pct(value, 1));
        if (barWidth >= 30) svg.text(x + barWidth / 2, y - 5, Fmt.pct(value, 0), "middle", 11, Palette.TEXT);
      }
      svg.text(plot.left + band * (c + 0.5), plot.bottom() + 18, categories.get(c), "middle", 12, Palette.TEXT);
    }
    if (axisTitle != null) svg.text(plot.left + plot.width / 2, height - 6, axisTitle, "middle", 12, Palette.MUTED);
    return svg.end();
  }
}
