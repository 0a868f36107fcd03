package ru.vpr.detect.bunching;

/**
 * Bunching at one mark cut of one histogram: how many pupils stand on and just above the first score of a
 * mark beyond what a smooth histogram would have there, and how many are missing just below it.
 *
 * @param cutMark 3, 4 or 5
 * @param cutScore the first primary score of that mark
 * @param below how many scores under the cut the window reaches ({@code cutScore - below .. cutScore - 1})
 * @param above how many scores over the cut it reaches ({@code cutScore .. cutScore + above})
 * @param observed pupils on the cut score
 * @param expected pupils the smooth counterfactual puts on the cut score
 * @param observedOn pupils over {@code cutScore .. cutScore + above}
 * @param expectedOn the counterfactual's pupils there
 * @param observedBelow pupils over the scores of the window under the cut
 * @param expectedBelow the counterfactual's pupils there
 * @param ciLow lower end of the 90% bootstrap interval of {@link #pushed()} (unclipped at 0)
 * @param ciHigh upper end of it
 */
public record BunchingEstimate(int cutMark, int cutScore, int below, int above, long observed, double expected,
    long observedOn, double expectedOn, long observedBelow, double expectedBelow, double ciLow, double ciHigh) {

  /** Observed minus counterfactual pupils on and over the cut. */
  public double excess() {
    return observedOn - expectedOn;
  }

  /** Counterfactual minus observed pupils under the cut. */
  public double missingBelow() {
    return expectedBelow - observedBelow;
  }

  /** The pupils most likely pushed across the cut: what the excess and the hole below say together. */
  public double pushed() {
    return Math.max(0, (excess() + missingBelow()) / 2);
  }
}
