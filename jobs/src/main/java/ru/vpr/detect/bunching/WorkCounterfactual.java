package ru.vpr.detect.bunching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one work's pupils would score without pushing, pupil by pupil: for each band of success on the
 * key-scored tasks (which a generous checker cannot move), the share of the band's pupils the
 * counterfactual puts on each score. A class or school is then expected to have, on and under each cut,
 * the sum of its own pupils' shares: a strong school is judged by the curve of strong pupils, not by
 * the whole region's, and the region's own bunching never enters.
 *
 * <p>A band's curve is the work's counterfactual curve reshaped by a quadratic in the score (a Poisson
 * fit with the work's curve as offset, over the scores outside every window): across the windows the
 * band has no counts to trust, and the work's curve carries the shape there. A band with too few
 * pupils outside the windows, and pupils whose work has no key-scored tasks, take the work's shares.
 *
 * <p>Beside the real cuts it keeps placebo windows of the same shape where no mark changes, inside
 * the scores the curve was fitted to: honest and pushed classes alike stray from the counterfactual
 * there only by chance, which calibrates the test at the real cuts.
 */
public final class WorkCounterfactual {
  /** Pupils without key-scored points (or of a work without such tasks). */
  public static final int NO_BAND = -1;

  private final List<CutWindow> windows;
  /** [band][score]: share of the band's pupils on the score; the last row is the whole work's. */
  private final double[][] shares;

  private WorkCounterfactual(List<CutWindow> windows, double[][] shares) {
    this.windows = List.copyOf(windows);
    this.shares = shares;
  }

  /**
   * @param work the work's bunching fit over all its pupils
   * @param bandCounts pupils per band (index 0..bands-1) and score
   * @param minBandPupils a band needs this many pupils outside the windows for a curve of its own
   * @param bandDegree degree of the polynomial that reshapes the work's curve into a band's
   */
  public static WorkCounterfactual of(BunchingFit work, long[][] bandCounts, long minBandPupils, int bandDegree) {
    int bins = work.counterfactual().length;
    double[][] shares = new double[bandCounts.length + 1][];
    shares[bandCounts.length] = normalised(work.counterfactual());
    for (int b = 0; b < bandCounts.length; b++) {
      double[] counts = new double[bins];
      long outsidePupils = 0;
      for (int s = 0; s < bins && s < bandCounts[b].length; s++) {
        counts[s] = bandCounts[b][s];
        if (work.outside()[s]) outsidePupils += bandCounts[b][s];
      }
      PoissonCurve curve = outsidePupils >= minBandPupils
          ? PoissonCurve.fit(counts, work.outside(), bandDegree, work.counterfactual()) : null;
      if (curve == null) {
        shares[b] = shares[bandCounts.length];
        continue;
      }
      double[] values = new double[bins];
      for (int s = 0; s < bins; s++) values[s] = curve.at(s);
      shares[b] = normalised(values);
    }
    return new WorkCounterfactual(windows(work), shares);
  }

  /** Real windows (one per estimated cut), then placebo windows. */
  public List<CutWindow> windows() {
    return windows;
  }

  public int bands() {
    return shares.length - 1;
  }

  /** The counterfactual share of a band's pupils over {@code from .. to}; NO_BAND for the work's. */
  public double share(int band, int from, int to) {
    double[] row = band == NO_BAND || band < 0 || band >= bands() ? shares[bands()] : shares[band];
    double sum = 0;
    for (int s = Math.max(0, from); s <= to && s < row.length; s++) sum += row[s];
    return sum;
  }

  private static double[] normalised(double[] values) {
    double total = Arrays.stream(values).sum();
    double[] out = new double[values.length];
    if (total > 0) for (int s = 0; s < values.length; s++) out[s] = values[s] / total;
    return out;
  }

  /**
   * The real windows as estimated, and placebo windows of their median shape: left to right, inside
   * the fitted scores, none overlapping another, preferably with a fitted score on either side (so
   * that none touches a real window or the edge of the scale). On a short scale the real windows may
   * leave no room for that; the placebos then narrow (first over the score, then under it), and at
   * last may touch a real window: a rougher calibration is far better than calibrating on the real
   * windows, where pushing itself would pass for chance.
   */
  static List<CutWindow> windows(BunchingFit work) {
    List<CutWindow> out = new ArrayList<>();
    for (BunchingEstimate e : work.estimates()) out.add(new CutWindow(e.cutMark(), e.cutScore(), e.below(), e.above()));
    if (out.isEmpty()) return out;
    int below = median(out.stream().mapToInt(CutWindow::below).toArray());
    int above = median(out.stream().mapToInt(CutWindow::above).toArray());
    for (boolean apart : new boolean[] {true, false}) {
      int b = below;
      int a = above;
      while (true) {
        List<CutWindow> placebos = placebos(work.outside(), b, a, apart);
        if (!placebos.isEmpty()) {
          out.addAll(placebos);
          return out;
        }
        if (b <= 1 && a == 0) break;
        if (a > 0) a--;
        else b--;
      }
    }
    return out;
  }

  /** @param apart each placebo needs a fitted score on either side of it */
  private static List<CutWindow> placebos(boolean[] fitted, int below, int above, boolean apart) {
    List<CutWindow> out = new ArrayList<>();
    int margin = apart ? 1 : 0;
    int next = margin;
    while (next + below + above + margin < fitted.length) {
      int from = next;
      int to = next + below + above;
      boolean clear = !apart || (fitted[from - 1] && fitted[to + 1]);
      for (int s = from; s <= to && clear; s++) clear = fitted[s];
      if (clear) {
        out.add(new CutWindow(0, from + below, below, above));
        next = to + 1 + margin;
      } else {
        next++;
      }
    }
    return out;
  }

  private static int median(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }
}
