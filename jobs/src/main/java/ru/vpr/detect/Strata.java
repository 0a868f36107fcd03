package ru.vpr.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The groupings detection works in. A work is year × subject × grade; a stratum adds the variant,
 * because variants of one work differ in difficulty and a pupil is compared with those who wrote the
 * same variant. A class is the unit that gets a risk score.
 */
final class Strata {
  static final List<String> WORK = List.of("year", "subject", "grade");
  static final List<String> STRATUM = List.of("year", "subject", "grade", "variant_key");
  static final List<String> CLASS = List.of("year", "subject", "grade", "municipality_code", "login", "class");
  static final List<String> SCHOOL_WORK = List.of("year", "subject", "grade", "municipality_code", "login");
  static final List<String> PUPIL = List.of("year", "subject", "grade", "login", "code");

  private Strata() {}

  static List<String> plus(List<String> key, String... more) {
    List<String> all = new ArrayList<>(key);
    all.addAll(List.of(more));
    return all;
  }

  static String[] array(List<String> key) {
    return key.toArray(String[]::new);
  }
}
