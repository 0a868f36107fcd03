package ru.vpr.evaluate;

import java.util.List;
import ru.vpr.detect.RiskScoring;

/**
 * A way to score classes that the evaluation compares: the Cauchy combination of some p-value columns
 * (the full model, an ablation, one signal alone) or the rule baseline's marker count.
 */
record Variant(String name, List<String> columns, boolean rule, double maxCombinedP) {
  static Variant combination(String name, List<String> columns, double maxCombinedP) {
    return new Variant(name, List.copyOf(columns), false, maxCombinedP);
  }

  static Variant ruleBaseline() {
    return new Variant("rule baseline (FIOKO-style markers)", List.of(), true, Double.NaN);
  }

  /** Higher = riskier; NaN when the class has nothing to score. */
  double score(LabelledClass c) {
    if (!c.scored()) return Double.NaN;
    if (rule) return c.ruleScore();
    // -log p rather than 1 - p: strong units differ at p = 1e-12 and 1e-20, which 1 - p cannot tell apart.
    double p = pValue(c);
    return Double.isNaN(p) ? Double.NaN : -Math.log(Math.max(p, Double.MIN_NORMAL));
  }

  /** The combined p-value (NaN for the rule baseline or when no column has a value). */
  double pValue(LabelledClass c) {
    if (rule || !c.scored()) return Double.NaN;
    double[] values = new double[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Double v = c.p(columns.get(i));
      values[i] = v == null ? Double.NaN : v;
    }
    return RiskScoring.combine(maxCombinedP, values);
  }
}
