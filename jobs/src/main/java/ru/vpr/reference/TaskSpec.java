package ru.vpr.reference;

import java.io.Serializable;

/**
 * One task of a work as the spec declares it.
 *
 * @param code canonical task code ({@code 1}, {@code 5.1}, {@code 1К1})
 * @param max max points
 * @param level {@code Б} basic, {@code П} advanced, {@code В} high
 * @param scoring {@code key} (checked against a key) or {@code rubric} (judged by the teacher)
 */
public record TaskSpec(String code, int max, String level, String scoring) implements Serializable {
  public static final String BASIC = "Б";
  public static final String ADVANCED = "П";
  public static final String HIGH = "В";
  public static final String KEY = "key";
  public static final String RUBRIC = "rubric";

  public boolean isRubric() {
    return RUBRIC.equals(scoring);
  }
}
