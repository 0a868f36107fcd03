package ru.vpr.publish.report;

import java.util.List;

/** A one-row legend of a chart: a swatch per series (a bar, a line or a marker) and its name. */
final class Legend {
  private static final double SIZE = 12;

  enum Kind { BAR, LINE, MARKER }

  record Item(String label, Kind kind, String colour, String dash) {
    static Item bar(String label, String colour) { return new Item(label, Kind.BAR, colour, null); }

    static Item line(String label, String colour, String dash) { return new Item(label, Kind.LINE, colour, dash); }

    static Item marker(String label, String colour) { return new Item(label, Kind.MARKER, colour, null); }
  }

  private Legend() {}

  /** Draws the items left to right with (x, y) the top left corner. */
  static void draw(Svg svg, double x, double y, List<Item> items) {
    double at = x;
    for (Item item : items) {
      switch (item.kind()) {
        case BAR -> svg.rect(at, y, SIZE, SIZE, item.colour());
        case LINE -> svg.line(at - 2, y + SIZE / 2, at + 20, y + SIZE / 2, item.colour(), 2.5, item.dash());
        case MARKER -> svg.line(at - 2, y + SIZE / 2, at + 16, y + SIZE / 2, item.colour(), 3.5, null);
      }
      double swatch = item.kind() == Kind.BAR ? SIZE : 20;
      svg.text(at + swatch + 5, y + SIZE - 1.5, item.label(), "start", 12, Palette.TEXT);
      at += swatch + 5 + Svg.textWidth(item.label(), 12) + 16;
    }
  }
}
