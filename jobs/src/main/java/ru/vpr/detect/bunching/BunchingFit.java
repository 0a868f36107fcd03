package ru.vpr.detect.bunching;

import java.util.List;

/**
 * A histogram's bunching estimates with what they rest on: the counterfactual curve over every score and
 * the scores it was fitted to (outside every cut's window), so that narrower histograms of the same work
 * (a band of pupils, a school) can be judged with the same windows.
 *
 * @param estimates one per cut the histogram allows
 * @param counterfactual the smooth curve's pupils at each score (index = score)
 * @param outside true for the scores outside every window: the ones the curve was fitted to
 * @param degree of the curve's polynomial
 */
public record BunchingFit(List<BunchingEstimate> estimates, double[] counterfactual, boolean[] outside, int degree) {
  public BunchingFit {
    estimates = List.copyOf(estimates);
  }
}
