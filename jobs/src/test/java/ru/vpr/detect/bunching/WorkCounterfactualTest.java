package ru.vpr.detect.bunching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-pupil counterfactual of a work: pupils in bands of key-scored success, weak and strong, on
 * a 25-point work whose region pushed a share of the pupils under the first cut onto it.
 */
class WorkCounterfactualTest {
  private static final int MAX = 25;
  private static final int[] CUTS = {8, 15, 21};
  private static final BunchingEstimator ESTIMATOR = new BunchingEstimator(BunchingEstimator.Options.DEFAULT);

  /** [band][score]: three bands of ability, 6,000 pupils each, around 30%, 50% and 70% of the points. */
  private static long[][] bands(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[][] counts = new long[3][MAX + 1];
    double[] means = {0.3, 0.5, 0.7};
    for (int b = 0; b < 3; b++) {
      for (int i = 0; i < 6_000; i++) {
        double p = Math.min(0.97, Math.max(0.03, means[b] + 0.08 * (r.nextDouble() + r.nextDouble() - 1)));
        int score = 0;
        for (int t = 0; t < MAX; t++) if (r.nextDouble() < p) score++;
        counts[b][score]++;
      }
    }
    return counts;
  }

  /** Half the pupils 1..3 points under the cut of mark 3 moved onto it, in every band. */
  private static void pushOntoFirstCut(long[][] bands, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (long[] band : bands) {
      for (int s = CUTS[0] - 3; s < CUTS[0]; s++) {
        long moved = 0;
        for (long i = 0; i < band[s]; i++) if (r.nextDouble() < 0.5) moved++;
        band[s] -= moved;
        band[CUTS[0]] += moved;
      }
    }
  }

  private static long[] total(long[][] bands) {
    long[] all = new long[MAX + 1];
    for (long[] band : bands) for (int s = 0; s <= MAX; s++) all[s] += band[s];
    return all;
  }

  @Test
  void aWeakBandIsExpectedUnderTheFirstCutMoreOftenThanAStrongOneAndNeitherSeesThePush() {
    long[][] honest = bands(1);
    long[][] pushed = bands(1);
    pushOntoFirstCut(pushed, 2);
    BunchingFit fit = ESTIMATOR.fit(total(pushed), CUTS, 3);
    assertNotNull(fit);
    WorkCounterfactual model = WorkCounterfactual.of(fit, pushed, 50, 2);
    CutWindow three = model.windows().get(0);
    assertEquals(3, three.mark());

    double weakBelow = model.share(0, three.first(), three.score() - 1);
    double strongBelow = model.share(2, three.first(), three.score() - 1);
    assertTrue(weakBelow > 5 * strongBelow, "weak " + weakBelow + ", strong " + strongBelow);

    // The counterfactual of the weak band under the cut is near that band's honest histogram, far from its pushed one.
    double honestBelow = share(honest[0], three.first(), three.score() - 1);
    double pushedBelow = share(pushed[0], three.first(), three.score() - 1);
    assertTrue(Math.abs(weakBelow - honestBelow) < 0.25 * honestBelow,
        "expected " + weakBelow + " under the cut, the honest band has " + honestBelow + ", the pushed " + pushedBelow);

    for (int band = WorkCounterfactual.NO_BAND; band < model.bands(); band++) {
      assertEquals(1.0, model.share(band, 0, MAX), 1e-9, "a band's shares add up to one");
    }
  }

  @Test
  void placeboWindowsLieWhereTheCurveWasFittedAndOverlapNoCut() {
    long[][] pushed = bands(4);
    pushOntoFirstCut(pushed, 5);
    BunchingFit fit = ESTIMATOR.fit(total(pushed), CUTS, 6);
    List<CutWindow> windows = WorkCounterfactual.windows(fit);
    List<CutWindow> placebos = windows.stream().filter(CutWindow::placebo).toList();
    assertFalse(placebos.isEmpty(), windows.toString());
    for (CutWindow p : placebos) {
      for (int s = p.first() - 1; s <= p.last() + 1; s++) {
        assertTrue(fit.outside()[s], "placebo " + p + " touches score " + s + ", inside a cut's window");
      }
    }
    for (int i = 1; i < placebos.size(); i++) {
      assertTrue(placebos.get(i).first() > placebos.get(i - 1).last() + 1, "placebos apart: " + placebos);
    }
  }

  @Test
  void aBandTooSmallTakesTheWorksShares() {
    long[][] pushed = bands(7);
    long[][] withTinyBand = {pushed[0], pushed[1], new long[MAX + 1]};
    withTinyBand[2][20] = 10;
    BunchingFit fit = ESTIMATOR.fit(total(withTinyBand), CUTS, 8);
    WorkCounterfactual model = WorkCounterfactual.of(fit, withTinyBand, 50, 2);
    for (int s = 0; s <= MAX; s++) {
      assertEquals(model.share(WorkCounterfactual.NO_BAND, s, s), model.share(2, s, s), 1e-12, "score " + s);
    }
  }

  private static double share(long[] counts, int from, int to) {
    long all = 0;
    long in = 0;
    for (int s = 0; s < counts.length; s++) {
      all += counts[s];
      if (s >= from && s <= to) in += counts[s];
    }
    return (double) in / all;
  }
}
