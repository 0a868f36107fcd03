package ru.vpr.detect.bunching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bunching on histograms with a known planted excess, and none: pupils drawn from a smooth score
 * distribution, then some of those just under a cut pushed onto it.
 */
class BunchingEstimatorTest {
  private static final BunchingEstimator ESTIMATOR = new BunchingEstimator(BunchingEstimator.Options.DEFAULT);
  /** A 25-point work: marks 3, 4, 5 from 8, 15, 21. */
  private static final int MAX = 25;
  private static final int[] CUTS = {8, 15, 21};

  /** Scores of {@code pupils} pupils: a binomial on 0..MAX around {@code mean} (a smooth, honest histogram). */
  private static long[] honest(int pupils, double mean, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] counts = new long[MAX + 1];
    for (int i = 0; i < pupils; i++) {
      // Pupils differ in ability: a beta-ish mix of binomials keeps the histogram wide and smooth.
      double p = Math.min(0.97, Math.max(0.03, mean / MAX + 0.18 * (r.nextDouble() + r.nextDouble() - 1)));
      int score = 0;
      for (int t = 0; t < MAX; t++) if (r.nextDouble() < p) score++;
      counts[score]++;
    }
    return counts;
  }

  /** Moves {@code share} of the pupils on {@code cut - reach .. cut - 1} onto the cut; returns how many moved. */
  private static long push(long[] counts, int cut, int reach, double share, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long moved = 0;
    for (int s = cut - reach; s < cut; s++) {
      long n = 0;
      for (long i = 0; i < counts[s]; i++) if (r.nextDouble() < share) n++;
      counts[s] -= n;
      counts[cut] += n;
      moved += n;
    }
    return moved;
  }

  private static BunchingEstimate at(List<BunchingEstimate> estimates, int mark) {
    return estimates.stream().filter(e -> e.cutMark() == mark).findFirst().orElseThrow();
  }

  @Test
  void anHonestHistogramHasNoExcess() {
    long[] counts = honest(20_000, 13, 1);
    List<BunchingEstimate> estimates = ESTIMATOR.estimate(counts, CUTS, 7);
    assertEquals(3, estimates.size());
    for (BunchingEstimate e : estimates) {
      assertTrue(e.ciLow() <= 0 && 0 <= e.ciHigh() || Math.abs(e.excess()) < 0.01 * 20_000,
          "no planted excess at " + e.cutScore() + ": " + e);
    }
  }

  @Test
  void aPlantedPushIsFoundWithinFifteenPerCentAndInsideItsInterval() {
    for (int reach : new int[] {1, 3, 5}) {
      long[] counts = honest(25_000, 12, 2 + reach);
      long planted = push(counts, 8, reach, 0.45, 11);
      BunchingEstimate three = at(ESTIMATOR.estimate(counts, CUTS, 5), 3);
      assertTrue(Math.abs(three.excess() - planted) <= 0.15 * planted,
          "push from " + reach + " below: planted " + planted + ", estimated " + three);
      assertTrue(three.ciLow() <= planted && planted <= three.ciHigh(), "the interval covers it: " + three);
      assertTrue(Math.abs(three.missingBelow() - planted) <= 0.25 * planted, "the hole below shows it too: " + three);
      assertTrue(three.below() >= Math.min(reach, 2), "the window reaches the pushed scores: " + three);
    }
  }

  @Test
  void smallHistogramsAndScalesWithoutRoomAreNotEstimated() {
    assertEquals(List.of(), ESTIMATOR.estimate(honest(150, 12, 3), CUTS, 1), "too few pupils");
    long[] tiny = new long[6];
    java.util.Arrays.fill(tiny, 500);
    assertEquals(List.of(), ESTIMATOR.estimate(tiny, new int[] {2, 3, 4}, 1), "no room for a curve beside three windows");
  }

  @Test
  void theSameHistogramAndSeedGiveTheSameInterval() {
    long[] counts = honest(10_000, 12, 4);
    push(counts, 8, 2, 0.4, 3);
    assertEquals(ESTIMATOR.estimate(counts, CUTS, 9), ESTIMATOR.estimate(counts, CUTS, 9));
  }
}
