package ru.vpr.detect.stats;

import java.util.Arrays;

/**
 * The Benjamini-Hochberg step-up procedure (1995): which units to flag so that the expected share
 * of honest units among the flagged stays below {@code q}.
 *
 * <p>Why FDR and not a fixed p threshold: a region has tens of thousands of classes, so a 1%
 * threshold alone flags hundreds of honest ones. Controlling the false discovery rate adapts the
 * threshold to how many units look genuinely unusual. The capped variant answers the practical
 * constraint that inspectors can only visit so many schools: it keeps the {@code capacity} most
 * significant of the discoveries. BH's guarantee is proved for the whole rejected set, not for
 * this cut; the cut keeps the part of it where false discoveries are rarest, so its share of
 * false ones is in practice lower, but that is not a theorem.
 *
 * <p>Definitions, with {@code m} the number of non-NaN p-values and {@code p(1) <= ... <= p(m)}
 * sorted: the adjusted p-value (q-value) of rank i is {@code min_{j >= i} min(1, p(j) m / j)}, and
 * a unit is rejected when its adjusted p-value is {@code <= q}. That is exactly the step-up rule
 * "reject the k smallest, k the largest i with {@code p(i) <= i q / m}", and deriving both from
 * the same numbers keeps rejections and q-values consistent to the last bit. Equal p-values get
 * equal q-values and are rejected together; the sort is stable, so ties keep their input order
 * wherever an order matters (the capacity cut).
 *
 * <p>NaN p-values are missing: they do not count in {@code m}, get a NaN q-value and are never
 * rejected (as R's {@code p.adjust}). Pure static functions of arrays.
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /**
   * The BH-adjusted p-values (q-values), in input order.
   *
   * @throws IllegalArgumentException for a p-value outside [0, 1]
   */
  public static double[] adjusted(double[] p) {
    Integer[] order = sortedPresent(p);
    int m = order.length;
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      // m / rank >= 1 exactly in floating point, so the q-value is never an ulp below p.
      running = Math.min(running, p[i] * ((double) m / rank));
      q[i] = running;
    }
    return q;
  }

  /**
   * The rejected set at false discovery rate {@code q}, in input order.
   *
   * @throws IllegalArgumentException for q outside (0, 1] or a p-value outside [0, 1]
   */
  public static boolean[] rejected(double[] p, double q) {
    return rejected(p, q, 0);
  }

  /**
   * The rejected set at false discovery rate {@code q}, keeping at most the {@code capacity}
   * smallest p-values among the rejected (ties broken by input order: the earlier index is kept).
   * {@code capacity <= 0} means no cap.
   *
   * @throws IllegalArgumentException for q outside (0, 1] or a p-value outside [0, 1]
   */
  public static boolean[] rejected(double[] p, double q, int capacity) {
    if (!(q > 0 && q <= 1)) throw new IllegalArgumentException("q must be in (0, 1]: " + q);
    double[] adjusted = adjusted(p);
    Integer[] order = sortedPresent(p);
    boolean[] rejected = new boolean[p.length];
    int kept = 0;
    // The adjusted p-values are non-decreasing along the sorted order: the rejected are a prefix.
    for (int i : order) {
      if (adjusted[i] > q || (capacity > 0 && kept == capacity)) break;
      rejected[i] = true;
      kept++;
    }
    return rejected;
  }

  /** Indices of the non-NaN p-values, sorted by p; stable, so ties keep input order. */
  private static Integer[] sortedPresent(double[] p) {
    int m = 0;
    for (double v : p) {
      if (Double.isNaN(v)) continue;
      if (v < 0 || v > 1) throw new IllegalArgumentException("p-value outside [0, 1]: " + v);
      m++;
    }
    Integer[] order = new Integer[m];
    int next = 0;
    for (int i = 0; i < p.length; i++) if (!Double.isNaN(p[i])) order[next++] = i;
    // Not Double.compare: it puts -0.0 before 0.0, which would break the input order of a tie.
    Arrays.sort(order, (a, b) -> p[a] < p[b] ? -1 : p[a] > p[b] ? 1 : 0);
    return order;
  }
}
