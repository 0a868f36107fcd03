package ru.vpr.evaluate;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How well a risk score finds planted manipulations: the numbers an evaluation on simulated
 * regions reports. Scores are "higher = riskier", labels are "true = planted".
 *
 * <p>Conventions, chosen so that a detector cannot gain from ties or missing values:
 *
 * <ul>
 *   <li>NaN scores are treated as {@code -infinity} (the lowest possible risk, tied with a real
 *       {@code -infinity}): a unit the detector could not score counts as not flagged.
 *   <li>Tied scores are one threshold: a cut never separates them. ROC AUC counts a tied
 *       positive-negative pair as half (Mann-Whitney); average precision adds a whole tie group at
 *       once, as scikit-learn does.
 *   <li>Precision and recall at k break ties at the cut <b>pessimistically</b>: when the k-th
 *       place falls inside a tie group, the negatives of that group fill the remaining places
 *       first. A constant score thus gets no credit, whatever the input order.
 *   <li>Recall at a false-positive rate takes the lowest threshold whose whole tie group still
 *       keeps {@code FP <= floor(target * negatives)}; a group that would cross it is left out
 *       entirely (possibly leaving recall 0).
 *   <li>Undefined values are NaN: AUC without positives or negatives, AP and recalls without
 *       positives, recall at FPR without negatives, precision and recall at k for {@code k <= 0}.
 * </ul>
 *
 * Pure static functions of arrays; O(n log n).
 */
public final class DetectionMetrics {
  private DetectionMetrics() {}

  /** The summary of one score against the planted labels. */
  public record Metrics(int positives, int negatives, double rocAuc, double averagePrecision,
      double precisionAtK, double recallAtK, double recallAtFpr1, double recallAtFpr5) implements Serializable {}

  /** All metrics, with k the number of positives. */
  public static Metrics evaluate(double[] scores, boolean[] labels) {
    return evaluate(scores, labels, count(labels));
  }

  /** All metrics, with precision and recall at the given k. */
  public static Metrics evaluate(double[] scores, boolean[] labels, int k) {
    Groups g = Groups.of(scores, labels);
    return new Metrics(g.positives, g.negatives, g.rocAuc(), g.averagePrecision(), g.precisionAtK(k),
        g.recallAtK(k), g.recallAtFpr(0.01), g.recallAtFpr(0.05));
  }

  /** ROC AUC: the probability that a random positive scores above a random negative, ties half. */
  public static double rocAuc(double[] scores, boolean[] labels) {
    return Groups.of(scores, labels).rocAuc();
  }

  /**
   * Average precision as scikit-learn's {@code average_precision_score}: {@code sum_n (R_n -
   * R_{n-1}) P_n} over the distinct score thresholds from the highest down, {@code R_0 = 0}.
   */
  public static double averagePrecision(double[] scores, boolean[] labels) {
    return Groups.of(scores, labels).averagePrecision();
  }

  /** Share of positives among the k highest scores (ties at the cut pessimistic); {@code k} is clipped to n. */
  public static double precisionAtK(double[] scores, boolean[] labels, int k) {
    return Groups.of(scores, labels).precisionAtK(k);
  }

  /** Share of all positives found among the k highest scores (ties at the cut pessimistic). */
  public static double recallAtK(double[] scores, boolean[] labels, int k) {
    return Groups.of(scores, labels).recallAtK(k);
  }

  /** Recall at the lowest threshold whose false-positive rate is at most {@code maxFpr}. */
  public static double recallAtFpr(double[] scores, boolean[] labels, double maxFpr) {
    return Groups.of(scores, labels).recallAtFpr(maxFpr);
  }

  /**
   * The share of a control group that is flagged, e.g. of genuinely strong classes that a detector
   * wrongly points at. NaN when the control group is empty.
   */
  public static double flaggedShare(boolean[] flagged, boolean[] control) {
    if (flagged.length != control.length) throw new IllegalArgumentException("flagged and control differ in length");
    int inControl = 0;
    int hit = 0;
    for (int i = 0; i < control.length; i++) {
      if (!control[i]) continue;
      inControl++;
      if (flagged[i]) hit++;
    }
    return inControl == 0 ? Double.NaN : hit / (double) inControl;
  }

  private static int count(boolean[] labels) {
    int c = 0;
    for (boolean b : labels) if (b) c++;
    return c;
  }

  /** The units sorted by descending score and merged into tie groups: positives and negatives per group. */
  private static final class Groups {
    final int[] pos;
    final int[] neg;
    final int positives;
    final int negatives;

    private Groups(int[] pos, int[] neg, int positives, int negatives) {
      this.pos = pos;
      this.neg = neg;
      this.positives = positives;
      this.negatives = negatives;
    }

    static Groups of(double[] scores, boolean[] labels) {
      if (scores.length != labels.length) throw new IllegalArgumentException("scores and labels differ in length");
      int n = scores.length;
      double[] key = new double[n];
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        key[i] = Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i];
        order[i] = i;
      }
      // Descending; -0.0 and 0.0 compare equal here (Double.compare would split them).
      Arrays.sort(order, (a, b) -> key[a] > key[b] ? -1 : key[a] < key[b] ? 1 : 0);
      int[] pos = new int[n];
      int[] neg = new int[n];
      int groups = 0;
      for (int r = 0; r < n; r++) {
        int i = order[r];
        if (r == 0 || key[i] != key[order[r - 1]]) groups++;
        if (labels[i]) pos[groups - 1]++;
        else neg[groups - 1]++;
      }
      int positives = count(labels);
      return new Groups(Arrays.copyOf(pos, groups), Arrays.copyOf(neg, groups), positives, n - positives);
    }

    double rocAuc() {
      if (positives == 0 || negatives == 0) return Double.NaN;
      double pairs = 0;
      long posAbove = 0;
      for (int g = 0; g < pos.length; g++) {
        pairs += neg[g] * (posAbove + 0.5 * pos[g]);
        posAbove += pos[g];
      }
      return pairs / ((double) positives * negatives);
    }

    double averagePrecision() {
      if (positives == 0) return Double.NaN;
      double ap = 0;
      long tp = 0;
      long seen = 0;
      for (int g = 0; g < pos.length; g++) {
        tp += pos[g];
        seen += pos[g] + neg[g];
        if (pos[g] > 0) ap += pos[g] / (double) positives * tp / seen;
      }
      return ap;
    }

    /** True positives among the k first, the tie group at the cut filled with its negatives first. */
    private long truePositivesAtK(int k) {
      long taken = 0;
      long tp = 0;
      for (int g = 0; g < pos.length && taken < k; g++) {
        int size = pos[g] + neg[g];
        if (taken + size <= k) {
          taken += size;
          tp += pos[g];
        } else {
          long slots = k - taken;
          tp += Math.max(0, slots - neg[g]);
          taken = k;
        }
      }
      return tp;
    }

    double precisionAtK(int k) {
      int n = positives + negatives;
      int kk = Math.min(k, n);
      if (kk <= 0) return Double.NaN;
      return truePositivesAtK(kk) / (double) kk;
    }

    double recallAtK(int k) {
      if (positives == 0 || k <= 0) return Double.NaN;
      return truePositivesAtK(Math.min(k, positives + negatives)) / (double) positives;
    }

    double recallAtFpr(double maxFpr) {
      if (!(maxFpr >= 0 && maxFpr <= 1)) {
        throw new IllegalArgumentException("false-positive rate outside [0, 1]: " + maxFpr);
      }
      if (positives == 0 || negatives == 0) return Double.NaN;
      // The tolerance keeps 0.05 * 100 at 5 false positives despite its binary rounding.
      long allowed = (long) Math.floor(maxFpr * negatives + 1e-9);
      long fp = 0;
      long tp = 0;
      for (int g = 0; g < pos.length; g++) {
        if (fp + neg[g] > allowed) break;
        fp += neg[g];
        tp += pos[g];
      }
      return tp / (double) positives;
    }
  }
}
