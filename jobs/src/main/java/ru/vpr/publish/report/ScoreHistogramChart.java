package ru.vpr.publish.report;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.publish.model.ScoreHistogram;

/**
 * The share of a unit's pupils per primary score as bars, the region's as a step line, and the
 * mark thresholds as dashed lines at the left edge of the first score of each mark: bunching just
 * right of a line is what the chart is for.
 */
final class ScoreHistogramChart {
  static final double WIDTH = 360;
  static final double HEIGHT = 250;
  private static final double LEFT = 46;
  private static final double RIGHT = 12;
  private static final double TOP = 42;
  private static final double BOTTOM = 40;

  private final ScoreHistogram histogram;
  private final int scores;
  private final double band;

  ScoreHistogramChart(ScoreHistogram histogram) {
    this.histogram = histogram;
    int fromPupils = histogram.pupils() == null ? 0 : histogram.pupils().length;
    int fromRegion = histogram.regionShare() == null ? 0 : histogram.regionShare().length;
    this.scores = Math.max(1, histogram.maxScore() > 0 ? histogram.maxScore() + 1 : Math.max(fromPupils, fromRegion));
    this.band = (WIDTH - LEFT - RIGHT) / scores;
  }

  static String render(ScoreHistogram histogram, String unitLabel) {
    return new ScoreHistogramChart(histogram).render(unitLabel);
  }

  /** Pupils of the unit with a score 0..maxScore. */
  long total() {
    long total = 0;
    if (histogram.pupils() != null) for (long p : histogram.pupils()) total += Math.max(0, p);
    return total;
  }

  /** Where the bar of {@code score} starts: the threshold of a mark whose minimum is that score. */
  double scoreLeft(int score) {
    return LEFT + band * score;
  }

  String render(String unitLabel) {
    long total = total();
    double[] unit = new double[scores];
    double[] region = new double[scores];
    boolean hasRegion = histogram.regionShare() != null && histogram.regionShare().length > 0;
    double highest = 0;
    for (int s = 0; s < scores; s++) {
      long pupils = at(histogram.pupils(), s);
      unit[s] = total == 0 ? 0 : (double) pupils / total;
      region[s] = hasRegion && s < histogram.regionShare().length ? clean(histogram.regionShare()[s]) : 0;
      highest = Math.max(highest, Math.max(unit[s], region[s]));
    }
    Plot plot = Plot.shares(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM, highest);
    String title = "Распределение первичных баллов: " + (histogram.title() == null ? "" : histogram.title());
    Svg svg = new Svg(WIDTH, HEIGHT, title);
    List<Legend.Item> legend = new ArrayList<>(List.of(Legend.Item.bar(unitLabel, Palette.UNIT)));
    if (hasRegion) {
      String line = histogram.lineLabel() == null ? ScoreHistogram.REGION : histogram.lineLabel();
      legend.add(Legend.Item.line(line, Palette.REGION_LINE, null));
    }
    Legend.draw(svg, LEFT, 6, legend);
    markBands(svg, plot);
    plot.grid(svg);

    for (int s = 0; s < scores; s++) {
      if (unit[s] <= 0) continue;
      double y = plot.y(unit[s]);
      svg.rect(scoreLeft(s) + band * 0.1, y, band * 0.8, plot.bottom() - y, Palette.UNIT,
          "Балл " + s + ": " + Fmt.count(at(histogram.pupils(), s), "учащийся", "учащихся", "учащихся")
              + " (" + Fmt.pct(unit[s], 0) + ")");
    }
    if (hasRegion) {
      List<double[]> steps = new ArrayList<>();
      for (int s = 0; s < scores; s++) {
        double y = plot.y(region[s]);
        steps.add(new double[] {scoreLeft(s), y});
        steps.add(new double[] {scoreLeft(s + 1), y});
      }
      svg.polyline(steps, Palette.REGION_LINE, 2, null);
    }
    thresholds(svg, plot);
    scoreTicks(svg, plot);
    svg.text(plot.left + plot.width / 2, HEIGHT - 6, "Первичный балл", "middle", 12, Palette.MUTED);
    return svg.end();
  }

  /** Every other mark's scores on a light band, so that which score gives which mark reads at a glance. */
  private void markBands(Svg svg, Plot plot) {
    int[] starts = {0, histogram.min3(), histogram.min4(), histogram.min5(), scores};
    for (int mark = 0; mark < 4; mark += 2) {
      int from = Math.max(0, starts[mark + 1]);
      int to = Math.min(scores, starts[mark + 2]);
      if (from > 0 && to > from) svg.rect(scoreLeft(from), plot.top, band * (to - from), plot.height, Palette.BAND);
    }
  }

  private void thresholds(Svg svg, Plot plot) {
    int[] minimums = {histogram.min3(), histogram.min4(), histogram.min5()};
    double lastLabel = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < minimums.length; i++) {
      int min = minimums[i];
      if (min <= 0 || min > scores - 1) continue;
      double x = scoreLeft(min);
      svg.line(x, plot.top - 4, x, plot.bottom(), Palette.THRESHOLD, 1.3, "4 3", "threshold");
      // Thresholds one score apart would print their labels on top of each other.
      double labelX = Math.max(x, lastLabel + 20);
      svg.text(labelX, plot.top - 8, "«" + (i + 3) + "»", "middle", 12, Palette.THRESHOLD, true);
      lastLabel = labelX;
    }
  }

  private void scoreTicks(Svg svg, Plot plot) {
    int every = 1;
    for (int candidate : new int[] {1, 2, 5, 10, 20, 50}) {
      every = candidate;
      if (band * candidate >= 22) break;
    }
    for (int s = 0; s < scores; s += every) {
      double x = scoreLeft(s) + band / 2;
      svg.line(x, plot.bottom(), x, plot.bottom() + 4, Palette.AXIS, 1, null);
      svg.text(x, plot.bottom() + 16, Integer.toString(s), "middle", 11, Palette.MUTED);
    }
  }

  private static long at(long[] values, int i) {
    return values == null || i >= values.length ? 0 : Math.max(0, values[i]);
  }

  private static double clean(double value) {
    return Double.isFinite(value) ? Math.max(0, value) : 0;
  }
}
