package ru.vpr.publish.report;

/**
 * The rectangle a chart draws its data in, and its value axis from 0 to a round top with 3 to 6
 * gridlines: shares (0..1, labelled in %, never above 100 %) or counts (whole steps).
 */
final class Plot {
  final double left;
  final double top;
  final double width;
  final double height;
  final double max;
  final double step;
  private final boolean shares;

  private Plot(double left, double top, double width, double height, double max, double step, boolean shares) {
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
    this.max = max;
    this.step = step;
    this.shares = shares;
  }

  /** An axis for shares up to {@code maxValue} (0..1). */
  static Plot shares(double left, double top, double width, double height, double maxValue) {
    double highest = Double.isFinite(maxValue) ? Math.min(Math.max(maxValue, 0), 1) : 0;
    if (highest <= 0) return new Plot(left, top, width, height, 0.1, 0.05, true);
    double step = niceStep(highest / 5);
    double topValue = Math.min(1, Math.ceil(highest / step - 1e-9) * step);
    if (topValue < highest) topValue = highest;
    return new Plot(left, top, width, height, topValue, step, true);
  }

  /** An axis for counts up to {@code maxValue}. */
  static Plot counts(double left, double top, double width, double height, double maxValue) {
    double highest = Double.isFinite(maxValue) ? Math.max(maxValue, 0) : 0;
    double step = Math.max(1, Math.ceil(niceStep(highest / 5)));
    double topValue = Math.max(step, Math.ceil(highest / step) * step);
    return new Plot(left, top, width, height, topValue, step, false);
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0)) return 1;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / magnitude;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  double bottom() { return top + height; }

  double right() { return left + width; }

  /** The y of a value; values outside the axis are clamped to it, NaN sits on the baseline. */
  double y(double value) {
    double clamped = Double.isNaN(value) ? 0 : Math.max(0, Math.min(max, value));
    return bottom() - height * clamped / max;
  }

  String label(double value) {
    if (!shares) return Fmt.count(Math.round(value));
    boolean whole = Math.abs(step * 100 - Math.rint(step * 100)) < 1e-9;
    return Fmt.pct(value, whole ? 0 : 1);
  }

  /** Horizontal gridlines with their labels left of the plot, and the baseline. */
  void grid(Svg svg) {
    int lines = (int) Math.round(max / step);
    for (int i = 0; i <= lines; i++) {
      double value = Math.min(max, i * step);
      double y = y(value);
      if (i > 0) svg.line(left, y, right(), y, Palette.GRID, 1, null);
      svg.text(left - 6, y + 4, label(value), "end", 11, Palette.MUTED);
    }
    svg.line(left, bottom(), right(), bottom(), Palette.AXIS, 1, null);
  }
}
