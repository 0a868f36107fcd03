package ru.vpr.publish.report;

/**
 * The colours of every chart. The unit is dark and solid, the region light (bars) or dashed (lines),
 * so the two stay apart in greyscale print too; task levels go from light (Б) to dark (В).
 */
final class Palette {
  static final String UNIT = "#1f5a96";
  static final String REGION = "#f2b25c";
  static final String REGION_LINE = "#c0580a";
  static final String REGION_DASH = "7 4";
  static final String SECOND = "#7b8794";
  static final String TEXT = "#27313b";
  static final String MUTED = "#5f6b77";
  static final String GRID = "#e4e8ed";
  static final String BAND = "#f3f6f9";
  static final String AXIS = "#9aa4ae";
  static final String THRESHOLD = "#4a4f55";
  static final String MARKER = "#1b1f24";
  static final String BACKGROUND = "#ffffff";

  private Palette() {}

  /** Task level: Б basic, П advanced, В high; anything else grey. */
  static String level(String level) {
    if (level == null) return "#a7b1bb";
    return switch (level.trim()) {
      case "Б" -> "#8cc084";
      case "П" -> "#3e8ec4";
      case "В" -> "#6a3d9a";
      default -> "#a7b1bb";
    };
  }

  static String levelName(String level) {
    if (level == null) return "уровень не указан";
    return switch (level.trim()) {
      case "Б" -> "базовый уровень";
      case "П" -> "повышенный уровень";
      case "В" -> "высокий уровень";
      default -> "уровень " + level;
    };
  }
}
