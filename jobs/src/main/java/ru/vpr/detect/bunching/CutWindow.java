package ru.vpr.detect.bunching;

/**
 * Scores around one cut of a work, split into the part under the cut ({@code score - below .. score - 1},
 * where pushing leaves a hole) and the part on and over it ({@code score .. score + above}, where the
 * pushed pupils land). A placebo window has the same shape at a score that is no cut, where nobody
 * gains by pushing: how far honest classes stray from the counterfactual there is how far they may
 * stray at a real cut.
 *
 * @param mark 3, 4 or 5 for a real cut, 0 for a placebo
 */
public record CutWindow(int mark, int score, int below, int above) {
  public boolean placebo() {
    return mark == 0;
  }

  public int first() {
    return score - below;
  }

  public int last() {
    return score + above;
  }

  boolean overlaps(int from, int to) {
    return first() <= to && from <= last();
  }
}
