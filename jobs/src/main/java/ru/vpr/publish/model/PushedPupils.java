package ru.vpr.publish.model;

import java.util.List;

/**
 * One work's bunching in a report's unit (the region or a municipality): its score histogram with the
 * counterfactual curve drawn over it, and the estimate at each mark cut (table {@code bunching}).
 *
 * @param chart the unit's pupils per score as bars, the counterfactual's shares as the line
 */
public record PushedPupils(String subject, String subjectName, int grade, ScoreHistogram chart, List<Cut> cuts) {
  public PushedPupils {
    cuts = cuts == null ? List.of() : List.copyOf(cuts);
  }

  /**
   * @param pushed estimated pupils pushed over the cut
   * @param low low end of its 90% interval (null when not estimated)
   * @param high its high end
   */
  public record Cut(int mark, int score, double pushed, Double low, Double high) {
    /** The pushing is clear of chance: the 90% interval lies above zero. */
    public boolean clear() {
      return low != null && high != null && low > 0 && pushed >= 1;
    }
  }
}
