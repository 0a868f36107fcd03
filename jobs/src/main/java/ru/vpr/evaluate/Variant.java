package ru.vpr.evaluate;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.detect.stats.Combination;

/**
 * A way to score classes that the evaluation compares: the Cauchy combination of some p-value columns
 * (the full model, an ablation, one signal alone) or the rule baseline's marker count.
 */
record Variant(String name, List<String> columns, boolean rule) {
  /** p-values above this enter the combination as this (as in detection). */
  private static final double MAX_P = 0.99;

  static Variant combination(String name, List<String> columns) {
    return new Variant(name, List.copyOf(columns), false);
  }

  static Variant ruleBaseline() {
    return new Variant("rule baseline (FIOKO-style markers)", List.of(), true);
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
    List<Double> values = new ArrayList<>();
    for (String column : columns) {
      Double v = c.p(column);
      if (v != null && !v.isNaN()) values.add(Math.min(MAX_P, v));
    }
    if (values.isEmpty()) return Double.NaN;
    return Combination.cauchy(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
