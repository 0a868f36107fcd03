package ru.vpr.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The statistics the report uses. */
public final class Stats {
  private Stats() {}

  /** The median; the mean of the middle two for an even count. */
  public static double median(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("median of nothing");
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
