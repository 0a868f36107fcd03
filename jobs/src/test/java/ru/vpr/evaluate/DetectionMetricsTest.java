package ru.vpr.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DetectionMetricsTest {
  static final boolean T = true;
  static final boolean F = false;

  @Test
  void aPerfectRanking() {
    double[] scores = {5, 4, 3, 2, 1};
    boolean[] labels = {T, T, F, F, F};
    DetectionMetrics.Metrics m = DetectionMetrics.evaluate(scores, labels);
    assertEquals(new DetectionMetrics.Metrics(2, 3, 1, 1, 1, 1, 1, 1), m);
  }

  @Test
  void aReversedRanking() {
    double[] scores = {5, 4, 3, 2, 1};
    boolean[] labels = {F, F, F, T, T};
    assertEquals(0, DetectionMetrics.rocAuc(scores, labels));
    // Positives at ranks 4 and 5: AP = 1/2 * 1/4 + 1/2 * 2/5 = 0.325.
    assertEquals(0.325, DetectionMetrics.averagePrecision(scores, labels), 1e-15);
    assertEquals(0, DetectionMetrics.precisionAtK(scores, labels, 2));
    assertEquals(0, DetectionMetrics.recallAtFpr(scores, labels, 0.05));
  }

  /**
   * Seven units with ties, by hand (and what scikit-learn gives):
   *
   * <pre>
   *   score  0.9 | 0.8  0.8 | 0.7  0.7  0.7 | 0.3
   *   label   T  |  T    F  |  T    F    F  |  F        P = 3, N = 4
   * </pre>
   *
   * AUC: each negative counts the positives strictly above it plus half those tied with it:
   * 0.8: 1 * (1 + 0.5); 0.7: 2 * (2 + 0.5); 0.3: 1 * 3; total 9.5 of 12 pairs = 0.7916666.
   * (Mann-Whitney: midranks of the positives 7 + 5.5 + 3 = 15.5, U = 15.5 - 3*4/2 = 9.5.)
   *
   * <p>AP (sklearn): thresholds 0.9, 0.8, 0.7, 0.3 give (R, P) = (1/3, 1), (2/3, 2/3), (1, 1/2), (1,
   * 3/7); AP = 1/3 * 1 + 1/3 * 2/3 + 1/3 * 1/2 + 0 * 3/7 = 13/18 = 0.7222222. roc_auc_score 0.7916666.
   *
   * <p>Precision at k = 3: the groups 0.9 and 0.8 fill the three places exactly, 2 hits: 2/3. At k
   * = 4 the cut falls in the 0.7 group (1 positive, 2 negatives); pessimistically its one place
   * goes to a negative: 2/4 (input order would have given the positive at index 3: 3/4).
   */
  @Test
  void aHandComputedExampleWithTies() {
    double[] scores = {0.9, 0.8, 0.8, 0.7, 0.7, 0.7, 0.3};
    boolean[] labels = {T, T, F, T, F, F, F};
    DetectionMetrics.Metrics m = DetectionMetrics.evaluate(scores, labels);
    assertEquals(3, m.positives());
    assertEquals(4, m.negatives());
    assertEquals(9.5 / 12, m.rocAuc(), 1e-15);
    assertEquals(13.0 / 18, m.averagePrecision(), 1e-15);
    assertEquals(2.0 / 3, m.precisionAtK(), 1e-15);
    assertEquals(2.0 / 3, m.recallAtK(), 1e-15);
    // N = 4: 1% and 5% of 4 allow no false positive; the 0.8 group brings one, so only 0.9 is kept.
    assertEquals(1.0 / 3, m.recallAtFpr1(), 1e-15);
    assertEquals(1.0 / 3, m.recallAtFpr5(), 1e-15);

    assertEquals(2.0 / 4, DetectionMetrics.precisionAtK(scores, labels, 4), 1e-15);
    assertEquals(2.0 / 5, DetectionMetrics.precisionAtK(scores, labels, 5), 1e-15);
    assertEquals(3.0 / 6, DetectionMetrics.precisionAtK(scores, labels, 6), 1e-15);
    assertEquals(3.0 / 7, DetectionMetrics.precisionAtK(scores, labels, 100), 1e-15);
    assertEquals(1.0 / 3, DetectionMetrics.recallAtK(scores, labels, 1), 1e-15);
    assertEquals(1.0, DetectionMetrics.recallAtK(scores, labels, 6), 1e-15);
    assertEquals(2.0 / 3, DetectionMetrics.evaluate(scores, labels, 4).recallAtK(), 1e-15);
    // 25% of 4 negatives allows one: the 0.8 group (FP = 1) is in, the 0.7 group (FP = 3) is not.
    assertEquals(2.0 / 3, DetectionMetrics.recallAtFpr(scores, labels, 0.25), 1e-15);
    assertEquals(1.0, DetectionMetrics.recallAtFpr(scores, labels, 0.75), 1e-15);
    // The input order does not matter.
    double[] shuffledScores = {0.7, 0.3, 0.8, 0.9, 0.7, 0.8, 0.7};
    boolean[] shuffledLabels = {F, F, F, T, T, T, F};
    assertEquals(m, DetectionMetrics.evaluate(shuffledScores, shuffledLabels));
  }

  @Test
  void aConstantScoreGetsNoCredit() {
    double[] scores = {1, 1, 1, 1, 1, 1};
    boolean[] labels = {T, T, F, F, F, F};
    DetectionMetrics.Metrics m = DetectionMetrics.evaluate(scores, labels);
    assertEquals(0.5, m.rocAuc());
    assertEquals(2.0 / 6, m.averagePrecision(), 1e-15); // the prevalence, as in sklearn
    assertEquals(0, m.precisionAtK());
    assertEquals(0, m.recallAtK());
    assertEquals(0, m.recallAtFpr5());
    assertEquals(2.0 / 6, DetectionMetrics.precisionAtK(scores, labels, 6), 1e-15);
  }

  /**
   * 100 negatives scored 0.00, 0.01, ..., 0.99 and 10 positives. At FPR 1% one false positive is
   * allowed: the threshold goes down to 0.985 (below the negative at 0.99, above the one at 0.98),
   * finding 2.0, 1.5, 0.995, 0.985: recall 0.4. At 5%, five (0.99 .. 0.95): also 0.975, 0.965,
   * 0.955: recall 0.7.
   */
  @Test
  void recallAtAFalsePositiveRate() {
    double[] positives = {2.0, 1.5, 0.995, 0.985, 0.975, 0.965, 0.955, 0.5, 0.3, 0.1};
    double[] scores = new double[110];
    boolean[] labels = new boolean[110];
    for (int i = 0; i < 100; i++) scores[i] = i / 100.0;
    for (int i = 0; i < 10; i++) {
      scores[100 + i] = positives[i];
      labels[100 + i] = true;
    }
    DetectionMetrics.Metrics m = DetectionMetrics.evaluate(scores, labels);
    assertEquals(0.4, m.recallAtFpr1(), 1e-15);
    assertEquals(0.7, m.recallAtFpr5(), 1e-15);
    assertEquals(1.0, DetectionMetrics.recallAtFpr(scores, labels, 0.9), 1e-15);
    assertEquals(0.3, DetectionMetrics.recallAtFpr(scores, labels, 0), 1e-15);
    // A tie of a positive and a negative at the boundary is all in or all out.
    double[] tied = {3, 2, 2, 1};
    boolean[] tiedLabels = {T, T, F, F};
    assertEquals(1.0, DetectionMetrics.recallAtFpr(tied, tiedLabels, 0.5), 1e-15);
    assertEquals(0.5, DetectionMetrics.recallAtFpr(tied, tiedLabels, 0.4), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> DetectionMetrics.recallAtFpr(tied, tiedLabels, 1.5));
  }

  @Test
  void nanScoresAreTheLowest() {
    assertEquals(0, DetectionMetrics.rocAuc(new double[] {Double.NaN, 1, 0}, new boolean[] {T, F, F}));
    assertEquals(1, DetectionMetrics.rocAuc(new double[] {-5, Double.NaN}, new boolean[] {T, F}));
    // NaN ties with NaN and with -infinity.
    assertEquals(0.5, DetectionMetrics.rocAuc(new double[] {Double.NaN, Double.NaN}, new boolean[] {T, F}));
    assertEquals(0.5,
        DetectionMetrics.rocAuc(new double[] {Double.NaN, Double.NEGATIVE_INFINITY}, new boolean[] {T, F}));
  }

  @Test
  void undefinedWithoutPositivesOrNegatives() {
    DetectionMetrics.Metrics none = DetectionMetrics.evaluate(new double[] {1, 2}, new boolean[] {F, F});
    assertEquals(0, none.positives());
    assertTrue(Double.isNaN(none.rocAuc()));
    assertTrue(Double.isNaN(none.averagePrecision()));
    assertTrue(Double.isNaN(none.precisionAtK())); // k = positives = 0
    assertTrue(Double.isNaN(none.recallAtK()));
    assertTrue(Double.isNaN(none.recallAtFpr1()));
    assertEquals(0, DetectionMetrics.precisionAtK(new double[] {1, 2}, new boolean[] {F, F}, 1));

    DetectionMetrics.Metrics all = DetectionMetrics.evaluate(new double[] {1, 2}, new boolean[] {T, T});
    assertTrue(Double.isNaN(all.rocAuc()));
    assertEquals(1, all.averagePrecision());
    assertEquals(1, all.precisionAtK());
    assertTrue(Double.isNaN(all.recallAtFpr5()));

    DetectionMetrics.Metrics empty = DetectionMetrics.evaluate(new double[0], new boolean[0]);
    assertEquals(0, empty.positives() + empty.negatives());
    assertTrue(Double.isNaN(empty.rocAuc()));
    assertThrows(IllegalArgumentException.class, () -> DetectionMetrics.rocAuc(new double[1], new boolean[2]));
  }

  @Test
  void shareOfAControlGroupThatIsFlagged() {
    boolean[] flagged = {T, F, T, T, F};
    boolean[] strong = {T, T, F, F, T};
    assertEquals(1.0 / 3, DetectionMetrics.flaggedShare(flagged, strong), 1e-15);
    assertTrue(Double.isNaN(DetectionMetrics.flaggedShare(flagged, new boolean[5])));
  }
}
