package ru.vpr.detect.bunching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Bunching estimates at the mark cuts of a score histogram (Dee, Dobbie, Jacob and Rockoff 2019; Kleven
 * 2016 reviews the method). A smooth curve ({@link PoissonCurve}) is fitted to the histogram outside a
 * window around each cut; the pupils the histogram has on and just above the cut beyond the curve are
 * the excess, the pupils it lacks just below the cut the missing mass. When checkers push pupils over a
 * cut, both are the pupils pushed. The curve never sees the region's own counts near the cuts, so an
 * inflation the whole region shares does not become its yardstick.
 *
 * <p>The window is chosen from the data, not assumed: between one score under the cut and {@code maxBelow}
 * under it, up to {@code maxAbove} over it, as far as the neighbouring cuts allow, the shape where the
 * excess on the cut and the mass missing under it agree (see {@link #chooseWindows}). A push of one
 * point and a push of five both end in their own windows.
 *
 * <p>The interval, of the pupils pushed (the mean of excess and missing mass), is a percentile
 * bootstrap: the histogram is redrawn (each score's count Poisson around
 * the observed one), and the curve is fitted again with the same windows. Stateless; the random draws
 * come from the seed given.
 */
public final class BunchingEstimator {
  /**
   * How the estimate is made; {@link #DEFAULT} are the values of {@code vpr.detect.bunching}.
   *
   * @param widthPenalty what one more score of window costs, against the squared disagreement (in standard
   *     errors) between excess and missing mass that it must remove: 2 is the AIC's price of a parameter
   */
  public record Options(int maxDegree, int maxBelow, int maxAbove, double widthPenalty, long minPupils, int bootstrap) {
    public static final Options DEFAULT = new Options(6, 5, 2, 2.0, 200, 200);
  }

  private final Options options;

  public BunchingEstimator(Options options) {
    this.options = options;
  }

  /**
   * @param counts pupils per primary score, index = score (0..max)
   * @param cuts first scores of marks 3, 4 and 5
   * @param seed of the bootstrap draws
   * @return one estimate per cut that the histogram allows (enough pupils, room for a curve); none else
   */
  public List<BunchingEstimate> estimate(long[] counts, int[] cuts, long seed) {
    BunchingFit fit = fit(counts, cuts, seed);
    return fit == null ? List.of() : fit.estimates();
  }

  /** The estimates with the curve and windows behind them; null when the histogram allows none. */
  public BunchingFit fit(long[] counts, int[] cuts, long seed) {
    if (Arrays.stream(counts).sum() < options.minPupils()) return null;
    double[] observed = Arrays.stream(counts).asDoubleStream().toArray();
    return fit(observed, counts, cuts, chooseWindows(observed, cuts), seed);
  }

  /**
   * The estimates of a part of a larger histogram (a municipality of a region) in the windows the whole
   * chose: a few hundred pupils cannot tell a window's edge from noise, while the whole can, and the
   * parts' estimates then add up like for like.
   */
  public BunchingFit fitWithin(long[] counts, BunchingFit whole, long seed) {
    if (Arrays.stream(counts).sum() < options.minPupils() || whole.estimates().isEmpty()) return null;
    int[] cuts = whole.estimates().stream().mapToInt(BunchingEstimate::cutScore).toArray();
    Windows w = new Windows(cuts, counts.length);
    for (int c = 0; c < cuts.length; c++) {
      BunchingEstimate e = whole.estimates().get(c);
      w.valid[c] = true;
      w.below[c] = e.below();
      w.above[c] = e.above();
    }
    w.marks = whole.estimates().stream().mapToInt(BunchingEstimate::cutMark).toArray();
    if (!fitsDegree(w)) return null;
    w.degree = Math.min(w.degree, whole.degree());
    return fit(Arrays.stream(counts).asDoubleStream().toArray(), counts, cuts, w, seed);
  }

  private BunchingFit fit(double[] observed, long[] counts, int[] cuts, Windows windows, long seed) {
    if (windows == null) return null;
    PoissonCurve curve = PoissonCurve.fit(observed, windows.outside(), windows.degree);
    if (curve == null) return null;

    double[][] bootPushed = new double[cuts.length][options.bootstrap()];
    RandomDataGenerator random = new RandomDataGenerator(new Well19937c(seed));
    double[] redrawn = new double[observed.length];
    int drawn = 0;
    for (int b = 0; b < options.bootstrap(); b++) {
      for (int s = 0; s < observed.length; s++) redrawn[s] = observed[s] > 0 ? random.nextPoisson(observed[s]) : 0;
      PoissonCurve again = PoissonCurve.fit(redrawn, windows.outside(), windows.degree);
      if (again == null) continue;
      for (int c = 0; c < cuts.length; c++) {
        if (windows.valid[c]) {
          bootPushed[c][drawn] = (excess(redrawn, again, cuts[c], windows.above[c])
              + missing(redrawn, again, cuts[c], windows.below[c])) / 2;
        }
      }
      drawn++;
    }
    List<BunchingEstimate> out = new ArrayList<>();
    for (int c = 0; c < cuts.length; c++) {
      if (!windows.valid[c]) continue;
      int k = cuts[c];
      double[] draws = Arrays.copyOf(bootPushed[c], drawn);
      Arrays.sort(draws);
      int from = Math.max(0, k - windows.below[c]);
      int to = Math.min(observed.length - 1, k + windows.above[c]);
      out.add(new BunchingEstimate(windows.marks[c], k, windows.below[c], windows.above[c], counts[k], curve.at(k),
          sum(counts, k, to), curve.sum(k, to), sum(counts, from, k - 1), curve.sum(from, k - 1),
          quantile(draws, 0.05), quantile(draws, 0.95)));
    }
    double[] counterfactual = new double[observed.length];
    for (int s = 0; s < observed.length; s++) counterfactual[s] = curve.at(s);
    return new BunchingFit(out, counterfactual, windows.outside(), windows.degree);
  }

  /** The windows around the cuts and the degree of the curve they leave room for. */
  private static final class Windows {
    final int[] below;
    final int[] above;
    final boolean[] valid;
    final int bins;
    int degree;

    final int[] cutScores;
    /** The mark each cut opens: 3, 4, 5 for a work's three cuts. */
    int[] marks;

    Windows(int[] cuts, int bins) {
      cutScores = cuts;
      marks = new int[cuts.length];
      for (int c = 0; c < cuts.length; c++) marks[c] = c + 3;
      below = new int[cuts.length];
      above = new int[cuts.length];
      valid = new boolean[cuts.length];
      this.bins = bins;
    }

    boolean[] outside() {
      boolean[] use = new boolean[bins];
      Arrays.fill(use, true);
      for (int c = 0; c < valid.length; c++) {
        if (!valid[c]) continue;
        for (int s = cutScores[c] - below[c]; s <= cutScores[c] + above[c]; s++) if (s >= 0 && s < bins) use[s] = false;
      }
      return use;
    }

    int free() {
      int n = 0;
      for (boolean u : outside()) if (u) n++;
      return n;
    }
  }

  /**
   * Windows by the integration constraint (Kleven 2016): pushing moves pupils within a window, from
   * under the cut onto it, so with the right window the excess on the cut equals the mass missing under
   * it. A window too narrow leaves pushed-from scores in the fit, the curve bends into the hole and the
   * two disagree; a window too wide leaves the curve to bridge a gap it cannot. Each window, one cut at a
   * time and again until nothing changes, takes the shape that minimises the squared disagreements in
   * Poisson standard errors, plus widthPenalty per score of window (so that without evidence a window
   * stays narrow).
   */
  private Windows chooseWindows(double[] observed, int[] cuts) {
    int bins = observed.length;
    Windows w = new Windows(cuts, bins);
    int[] maxBelow = new int[cuts.length];
    int[] maxAbove = new int[cuts.length];
    for (int c = 0; c < cuts.length; c++) {
      w.valid[c] = cuts[c] >= 1 && cuts[c] < bins;
      int lowLimit = c == 0 ? 0 : cuts[c - 1] + 1;
      int highLimit = c == cuts.length - 1 ? bins - 1 : cuts[c + 1] - 2;
      maxBelow[c] = Math.max(1, Math.min(options.maxBelow(), cuts[c] - lowLimit));
      maxAbove[c] = Math.max(0, Math.min(options.maxAbove(), highLimit - cuts[c]));
      w.below[c] = 1;
      w.above[c] = 0;
    }
    if (!fitsDegree(w)) return null;
    double best = criterion(observed, w);
    for (int round = 0; round < 4; round++) {
      boolean changed = false;
      for (int c = 0; c < cuts.length; c++) {
        if (!w.valid[c]) continue;
        int keptBelow = w.below[c];
        int keptAbove = w.above[c];
        for (int b = 1; b <= maxBelow[c]; b++) {
          for (int a = 0; a <= maxAbove[c]; a++) {
            if (b == keptBelow && a == keptAbove) continue;
            w.below[c] = b;
            w.above[c] = a;
            double score = overlapsNeighbour(w, c) || !fitsDegree(w) ? Double.POSITIVE_INFINITY : criterion(observed, w);
            if (score < best - 1e-9) {
              best = score;
              keptBelow = b;
              keptAbove = a;
              changed = true;
            }
          }
        }
        w.below[c] = keptBelow;
        w.above[c] = keptAbove;
      }
      if (!changed) break;
    }
    fitsDegree(w);
    return Double.isFinite(best) ? w : null;
  }

  private static boolean overlapsNeighbour(Windows w, int c) {
    int[] k = w.cutScores;
    boolean left = c > 0 && w.valid[c - 1] && k[c - 1] + w.above[c - 1] >= k[c] - w.below[c];
    boolean right = c + 1 < k.length && w.valid[c + 1] && k[c] + w.above[c] >= k[c + 1] - w.below[c + 1];
    return left || right;
  }

  /** Squared excess-minus-missing of every window in Poisson standard errors, plus the width penalty. */
  private double criterion(double[] observed, Windows w) {
    PoissonCurve curve = PoissonCurve.fit(observed, w.outside(), w.degree);
    if (curve == null) return Double.POSITIVE_INFINITY;
    double sum = 0;
    for (int c = 0; c < w.valid.length; c++) {
      if (!w.valid[c]) continue;
      int k = w.cutScores[c];
      double gap = excess(observed, curve, k, w.above[c]) - missing(observed, curve, k, w.below[c]);
      double inWindow = sum(observed, Math.max(0, k - w.below[c]), Math.min(observed.length - 1, k + w.above[c]));
      sum += gap * gap / Math.max(1, inWindow) + options.widthPenalty() * (w.below[c] + w.above[c]);
    }
    return sum;
  }

  /**
   * Sets the degree the fitted scores allow: at most maxDegree, and at least two fitted scores per
   * coefficient beyond the first two, so that the curve bridges a window instead of interpolating
   * its edges (a high degree through few points swings wildly across the gap).
   */
  private boolean fitsDegree(Windows w) {
    int free = w.free();
    w.degree = Math.min(options.maxDegree(), (free - 2) / 2);
    return w.degree >= 2;
  }

  private static double excess(double[] counts, PoissonCurve curve, int cut, int above) {
    int to = Math.min(counts.length - 1, cut + above);
    return sum(counts, cut, to) - curve.sum(cut, to);
  }

  private static double missing(double[] counts, PoissonCurve curve, int cut, int below) {
    int from = Math.max(0, cut - below);
    return curve.sum(from, cut - 1) - sum(counts, from, cut - 1);
  }

  private static double sum(double[] counts, int from, int to) {
    double sum = 0;
    for (int s = from; s <= to; s++) sum += counts[s];
    return sum;
  }

  private static long sum(long[] counts, int from, int to) {
    long sum = 0;
    for (int s = from; s <= to; s++) sum += counts[s];
    return sum;
  }

  private static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
