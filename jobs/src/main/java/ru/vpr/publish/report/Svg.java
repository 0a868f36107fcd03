package ru.vpr.publish.report;

import java.util.List;
import java.util.Locale;

/**
 * A minimal writer of one inline SVG chart: a {@code viewBox} so it scales with the page,
 * {@code role="img"} and a {@code <title>} for screen readers, coordinates with a dot whatever the
 * machine's locale. Every text goes through {@link Html#esc}.
 */
final class Svg {
  static final String FONT = "DejaVu Sans, Segoe UI, Arial, sans-serif";
  /** Average glyph width of the font in em, Latin and Cyrillic alike: enough to lay labels out. */
  private static final double EM_WIDTH = 0.6;

  private final StringBuilder out = new StringBuilder(4096);

  Svg(double width, double height, String title) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(n(width))
        .append(' ').append(n(height)).append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
        .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\" font-family=\"").append(FONT)
        .append("\"><title>").append(Html.esc(title)).append("</title>");
  }

  static double textWidth(String text, double size) {
    return text == null ? 0 : text.length() * size * EM_WIDTH;
  }

  /** A coordinate: at most two decimals, a dot, no trailing zeros. */
  static String n(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return "0";
    String text = String.format(Locale.ROOT, "%.2f", value);
    if (text.indexOf('.') >= 0) text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    return "-0".equals(text) ? "0" : text;
  }

  Svg rect(double x, double y, double width, double height, String fill) {
    return rect(x, y, width, height, fill, null);
  }

  /** A rectangle; {@code tooltip} (may be null) is shown on hover without scripts. */
  Svg rect(double x, double y, double width, double height, String fill, String tooltip) {
    out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
        .append(n(Math.max(0, width))).append("\" height=\"").append(n(Math.max(0, height))).append("\" fill=\"")
        .append(fill).append('"');
    if (tooltip == null) return raw("/>");
    return raw("><title>").raw(Html.esc(tooltip)).raw("</title></rect>");
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    return line(x1, y1, x2, y2, stroke, width, dash, null);
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash, String cssClass) {
    out.append("<line");
    if (cssClass != null) out.append(" class=\"").append(cssClass).append('"');
    out.append(" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(width)).append('"');
    if (dash != null) out.append(" stroke-dasharray=\"").append(dash).append('"');
    return raw("/>");
  }

  /** An open line through the points (x, y pairs), nothing for fewer than two; {@code dash} may be null. */
  Svg polyline(List<double[]> points, String stroke, double width, String dash) {
    if (points.size() < 2) return this;
    out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(width))
        .append("\" stroke-linejoin=\"round\"");
    if (dash != null) out.append(" stroke-dasharray=\"").append(dash).append('"');
    out.append(" points=\"");
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) out.append(' ');
      out.append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1]));
    }
    return raw("\"/>");
  }

  Svg circle(double cx, double cy, double r, String fill, String stroke) {
    return raw("<circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r) + "\" fill=\"" + fill
        + "\" stroke=\"" + stroke + "\" stroke-width=\"1.5\"/>");
  }

  /** Text at (x, y) on its baseline; {@code anchor} start, middle or end. */
  Svg text(double x, double y, String text, String anchor, double size, String fill) {
    return text(x, y, text, anchor, size, fill, false);
  }

  Svg text(double x, double y, String text, String anchor, double size, String fill, boolean bold) {
    out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
        .append("\" fill=\"").append(fill).append('"');
    if (!"start".equals(anchor)) out.append(" text-anchor=\"").append(anchor).append('"');
    if (bold) out.append(" font-weight=\"bold\"");
    return raw(">").raw(Html.esc(text)).raw("</text>");
  }

  /** Text turned 45° counter-clockwise, ending at (x, y): for long labels under narrow bars. */
  Svg slantedText(double x, double y, String text, double size, String fill) {
    out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
        .append("\" fill=\"").append(fill).append("\" text-anchor=\"end\" transform=\"rotate(-45 ").append(n(x))
        .append(' ').append(n(y)).append(")\">");
    return raw(Html.esc(text)).raw("</text>");
  }

  Svg raw(String markup) {
    out.append(markup);
    return this;
  }

  String end() {
    return out.append("</svg>").toString();
  }
}
