package ru.vpr.detect.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class PoissonTailTest {

  /** The tail from commons-math's pmf, summed from c upwards (no 1 - cdf cancellation). */
  static double reference(int c, double lambda) {
    PoissonDistribution poisson = new PoissonDistribution(null, lambda, 1e-12, 10_000);
    double tail = 0;
    for (int j = Math.max(0, c); j < c + 1000; j++) tail += poisson.probability(j);
    return tail;
  }

  @Test
  void matchesCommonsMathForModerateLambda() {
    for (double lambda : new double[] {0.01, 0.1, 0.5, 1, 3, 10, 25, 39.5, 40, 41, 60}) {
      for (int c = 0; c <= 40; c++) {
        double expected = reference(c, lambda);
        double got = PoissonTail.upperTail(c, lambda);
        assertEquals(expected, got, 1e-11 * expected, "c=" + c + " lambda=" + lambda);
      }
      // And the plain 1 - cdf where it is not cancelled away.
      PoissonDistribution poisson = new PoissonDistribution(null, lambda, 1e-12, 10_000);
      int c = (int) Math.floor(lambda);
      assertEquals(1 - poisson.cumulativeProbability(c - 1), PoissonTail.upperTail(c, lambda), 1e-12);
    }
  }

  @Test
  void tinyLambdaKeepsItsRelativePrecision() {
    double lambda = 1e-9;
    // P(X >= 1) = 1 - exp(-lambda), P(X >= 2) = lambda^2/2 (1 - 2 lambda/3 + ...). Going through
    // the logarithm costs a relative error of about |log P| * 1e-16, here 2e-15.
    assertEquals(-Math.expm1(-lambda), PoissonTail.upperTail(1, lambda), 1e-13 * lambda);
    double two = PoissonTail.upperTail(2, lambda);
    assertTrue(two > 0);
    assertEquals(lambda * lambda / 2 * (1 - 2 * lambda / 3), two, 1e-12 * two);
    assertEquals(Math.pow(lambda, 5) / 120, PoissonTail.upperTail(5, lambda), 1e-8 * Math.pow(lambda, 5) / 120);
    // c = 40: about 1e-408, below the smallest double; the log keeps it.
    double expectedLog = 40 * Math.log(lambda) - CombinatoricsUtils.factorialLog(40) - lambda + lambda / 41;
    assertEquals(expectedLog, PoissonTail.logUpperTail(40, lambda), 1e-12 * Math.abs(expectedLog));
    assertEquals(0.0, PoissonTail.upperTail(40, lambda));
    // Still a double at lambda = 1e-6: 1e-240 / 40!.
    double tail = PoissonTail.upperTail(40, 1e-6);
    assertTrue(tail > 0);
    double expected = 1e-240 / CombinatoricsUtils.factorialDouble(40) * Math.exp(-1e-6) * (1 + 1e-6 / 41);
    assertEquals(expected, tail, 1e-12 * tail);
  }

  @Test
  void edges() {
    assertEquals(1.0, PoissonTail.upperTail(0, 3));
    assertEquals(1.0, PoissonTail.upperTail(-2, 3));
    assertEquals(1.0, PoissonTail.upperTail(0, 0));
    assertEquals(0.0, PoissonTail.upperTail(1, 0));
    assertEquals(1.0, PoissonTail.upperTail(5, Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(PoissonTail.upperTail(1, -1)));
    assertTrue(Double.isNaN(PoissonTail.upperTail(1, Double.NaN)));
    // Decreasing in c, increasing in lambda.
    for (int c = 1; c < 40; c++) assertTrue(PoissonTail.upperTail(c + 1, 2.5) < PoissonTail.upperTail(c, 2.5));
    assertTrue(PoissonTail.upperTail(3, 1e-3) < PoissonTail.upperTail(3, 2e-3));
  }
}
