package ru.vpr.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PowerFitTest {
  @Test
  void findsTheExponentOfAnExactPowerLaw() {
    double[] n = {1e5, 3e5, 1e6, 1.5e6};
    double[] t = new double[n.length];
    for (int i = 0; i < n.length; i++) t[i] = 2e-4 * Math.pow(n[i], 1.05);
    PowerFit fit = PowerFit.of(n, t);
    assertEquals(1.05, fit.exponent(), 1e-9);
    assertEquals(1.0, fit.r2(), 1e-9);
    assertEquals(4, fit.points());
  }

  @Test
  void aFixedCostBendsTheRawExponentBelowOne() {
    double[] n = {1e5, 1e6};
    double[] t = {15 + 10, 15 + 100};
    assertEquals(Math.log(115.0 / 25) / Math.log(10), PowerFit.of(n, t).exponent(), 1e-9);
  }

  @Test
  void needsTwoSizes() {
    assertThrows(IllegalArgumentException.class, () -> PowerFit.of(new double[] {1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> PowerFit.of(new double[] {5, 5}, new double[] {1, 2}));
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
  }
}
