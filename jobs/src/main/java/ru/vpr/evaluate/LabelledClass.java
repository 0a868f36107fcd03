package ru.vpr.evaluate;

import java.util.Map;

/**
 * One class × work of an evaluated region: its signals' p-values (by column name), the rule baseline,
 * and what the generator planted there (null manipulation: nothing).
 */
record LabelledClass(int seed, int year, String subject, int grade, String login, String className, long written,
    boolean scored, Map<String, Double> p, double ruleScore, boolean ruleFlagged, String manipulation, double intensity,
    boolean listed) {

  static final String STRONG_HONEST = "strong_honest";

  boolean manipulated() {
    return manipulation != null && !manipulation.equals(STRONG_HONEST);
  }

  boolean strongHonest() {
    return STRONG_HONEST.equals(manipulation);
  }

  Double p(String column) {
    return p.get(column);
  }
}
