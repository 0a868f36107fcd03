package ru.vpr.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Classes and pupil abilities of a school in a year.
 *
 * <p>A class belongs to a cohort (the year it started grade 1), so 4А of 2023 is 5А of 2024 with the
 * same pupils: their ability is drawn once per cohort and drifts a little each year. Ability is
 * measured against the grade's norm, so a typical pupil stays near 0 as the works get harder.
 * theta = school effect + class effect (+ strong-class boost) + own ability (Normal(0, 1)).
 */
final class AbilityModel {
  private static final String LETTERS = "АБВГД";
  /** How much stronger a strong_honest class is than its school. */
  static final double STRONG_BOOST = 1.0;

  private final long seed;
  private final double strongClassShare;

  AbilityModel(long seed, double strongClassShare) {
    this.seed = seed;
    this.strongClassShare = strongClassShare;
  }

  /** The school's classes of every given grade this year, with participant codes unique in the school. */
  List<SchoolClass> classes(SchoolProfile school, int year, List<Integer> grades) {
    SplittableRandom yearRandom = Seeds.random(seed, school.login(), year, "year");
    double schoolYearShock = 0.1 * Seeds.gaussian(yearRandom);
    List<List<double[]>> drafts = new ArrayList<>(); // per class: {theta, gender}
    List<int[]> keys = new ArrayList<>(); // {grade, letterIndex, strong}
    for (int grade : grades) {
      if (!school.kind().teaches(grade)) continue;
      int cohort = year - grade;
      // Grade 10 is a new intake after grade 9, so it is its own cohort.
      SplittableRandom c = Seeds.random(seed, school.login(), "cohort", cohort, grade == 10 ? "senior" : "basic");
      SchoolKind kind = school.kind();
      int classes = kind.minClasses + c.nextInt(kind.maxClasses - kind.minClasses + 1);
      if (grade == 10) classes = Math.max(1, classes - 1);
      for (int k = 0; k < classes; k++) {
        int size = kind.minClassSize + c.nextInt(kind.maxClassSize - kind.minClassSize + 1);
        double classEffect = 0.25 * Seeds.gaussian(c);
        boolean strong = c.nextDouble() < strongChance(kind);
        List<double[]> pupils = new ArrayList<>();
        for (int p = 0; p < size; p++) {
          double own = Seeds.gaussian(c);
          double gender = c.nextDouble() < 0.5 ? 0 : 1;
          SplittableRandom drift = Seeds.random(seed, school.login(), year, grade, k, p, "drift");
          double theta = school.effect() + schoolYearShock + classEffect + (strong ? STRONG_BOOST : 0)
              + own + 0.3 * Seeds.gaussian(drift);
          pupils.add(new double[] {theta, gender});
        }
        drafts.add(pupils);
        keys.add(new int[] {grade, k, strong ? 1 : 0});
      }
    }
    List<String> codes = codes(school, year, drafts.stream().mapToInt(List::size).sum());
    List<SchoolClass> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < drafts.size(); i++) {
      List<Pupil> pupils = new ArrayList<>();
      for (double[] d : drafts.get(i)) {
        pupils.add(new Pupil(codes.get(next++), d[1] == 0 ? 'М' : 'Ж', d[0]));
      }
      pupils.sort((a, b) -> a.code().compareTo(b.code()));
      int[] key = keys.get(i);
      out.add(new SchoolClass(key[0], LETTERS.charAt(key[1]), pupils, key[2] == 1));
    }
    return out;
  }

  /**
   * Strong classes sit mostly in gymnasia, lyceums and advanced-study schools; the chance is scaled
   * so that their share of all classes comes near the requested share.
   */
  private double strongChance(SchoolKind kind) {
    return kind.strong() ? Math.min(0.9, strongClassShare * 5) : strongClassShare * 0.15;
  }

  /** Distinct codes of the school's length, shuffled so that codes do not reveal the class order. */
  private List<String> codes(SchoolProfile school, int year, int count) {
    SplittableRandom r = Seeds.random(seed, school.login(), year, "codes");
    int digits = school.codeDigits();
    int low = (int) Math.pow(10, digits - 1);
    int span = 9 * low;
    TreeSet<Integer> seen = new TreeSet<>();
    List<String> out = new ArrayList<>();
    while (out.size() < count) {
      int code = low + r.nextInt(span);
      if (seen.add(code)) out.add(String.valueOf(code));
    }
    return out;
  }
}
