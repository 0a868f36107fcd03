package ru.vpr.publish.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Values over the years, one line per series with its value at each point: the higher of two
 * series labelled above its point, the lower below, so labels of close lines do not collide.
 */
final class LineChart {
  private static final double LEFT = 50;
  private static final double RIGHT = 16;
  private static final double TOP = 42;
  private static final double BOTTOM = 30;

  /** One value per year, null where the year has none; {@code dash} null for a solid line. */
  record Series(String label, List<Double> values, String colour, String dash, boolean square) {
    Double at(int i) {
      Double v = i < values.size() ? values.get(i) : null;
      return v == null || !Double.isFinite(v) ? null : v;
    }
  }

  private LineChart() {}

  /** {@code shares}: values are shares 0..1 shown in %, otherwise counts. */
  static String render(String title, List<Integer> years, List<Series> series, boolean shares, double width,
      double height) {
    double highest = 0;
    for (Series s : series) for (int i = 0; i < years.size(); i++) if (s.at(i) != null) highest = Math.max(highest, s.at(i));
    double plotHeight = height - TOP - BOTTOM;
    // Room above the highest point for its label.
    Plot plot = shares ? Plot.shares(LEFT, TOP, width - LEFT - RIGHT, plotHeight, highest * 1.15)
        : Plot.counts(LEFT, TOP, width - LEFT - RIGHT, plotHeight, highest * 1.15);
    Svg svg = new Svg(width, height, title);
    List<Legend.Item> legend = new ArrayList<>();
    for (Series s : series) legend.add(Legend.Item.line(s.label(), s.colour(), s.dash()));
    Legend.draw(svg, LEFT, 6, legend);
    plot.grid(svg);

    double band = plot.width / Math.max(1, years.size());
    for (int i = 0; i < years.size(); i++) {
      svg.text(x(plot, band, i), plot.bottom() + 18, Integer.toString(years.get(i)), "middle", 12, Palette.TEXT);
    }
    for (Series s : series) {
      List<double[]> run = new ArrayList<>();
      for (int i = 0; i <= years.size(); i++) {
        Double v = i < years.size() ? s.at(i) : null;
        if (v != null) {
          run.add(new double[] {x(plot, band, i), plot.y(v)});
        } else {
          svg.polyline(run, s.colour(), 2.5, s.dash());
          run = new ArrayList<>();
        }
      }
    }
    for (Series s : series) {
      for (int i = 0; i < years.size(); i++) {
        Double v = s.at(i);
        if (v == null) continue;
        double x = x(plot, band, i);
        double y = plot.y(v);
        if (s.square()) svg.rect(x - 4, y - 4, 8, 8, s.colour());
        else svg.circle(x, y, 4.5, s.colour(), Palette.BACKGROUND);
      }
    }
    valueLabels(svg, plot, band, years.size(), series, shares);
    return svg.end();
  }

  private static void valueLabels(Svg svg, Plot plot, double band, int years, List<Series> series, boolean shares) {
    for (int i = 0; i < years; i++) {
      List<Series> present = new ArrayList<>();
      for (Series s : series) if (s.at(i) != null) present.add(s);
      if (present.isEmpty()) continue;
      final int year = i;
      present.sort(Comparator.comparingDouble((Series s) -> -s.at(year)));
      double x = x(plot, band, i);
      Series high = present.get(0);
      svg.text(x, plot.y(high.at(i)) - 10, format(high.at(i), shares), "middle", 11, high.colour(), true);
      if (present.size() < 2) continue;
      Series low = present.get(present.size() - 1);
      if (format(low.at(i), shares).equals(format(high.at(i), shares))) continue;
      double y = plot.y(low.at(i));
      if (y + 19 <= plot.bottom() - 2) svg.text(x, y + 19, format(low.at(i), shares), "middle", 11, low.colour(), true);
      else svg.text(x + 9, y - 4, format(low.at(i), shares), "start", 11, low.colour(), true);
    }
  }

  private static double x(Plot plot, double band, int i) {
    return plot.left + band * (i + 0.5);
  }

  private static String format(double value, boolean shares) {
    return shares ? Fmt.pct(value, 1) : Fmt.count(Math.round(value));
  }
}
