package ru.vpr.reference;

import java.io.Serializable;

/** The year's conversion of a primary score to a mark: first scores of marks 3, 4, 5 and the max. */
public record Scale(int min3, int min4, int min5, int max) implements Serializable {

  public Scale {
    if (!(0 < min3 && min3 < min4 && min4 < min5 && min5 <= max)) {
      throw new IllegalArgumentException(
          "scale thresholds must rise: min3=" + min3 + " min4=" + min4 + " min5=" + min5 + " max=" + max);
    }
  }

  public int markFor(int primaryScore) {
    if (primaryScore >= min5) return 5;
    if (primaryScore >= min4) return 4;
    if (primaryScore >= min3) return 3;
    return 2;
  }

  /** The first primary score of a mark (3..5). */
  public int firstScoreOf(int mark) {
    return switch (mark) {
      case 3 -> min3;
      case 4 -> min4;
      case 5 -> min5;
      default -> throw new IllegalArgumentException("no threshold for mark " + mark);
    };
  }
}
