package ru.vpr.generate;

import java.util.List;

/**
 * Region sizes. The sample is kept to a few MB on disk (it is checked into data-samples), so it
 * covers two grades; the regional presets cover every VPR grade.
 */
public enum Preset {
  /** About 40 schools in 5 municipalities, grades 4 and 5: small enough for tests and the repo. */
  SAMPLE(40, 5, List.of(4, 5), 1, 1, 0.2),
  /** About 500 schools in 15 municipalities. */
  REGION_M(500, 15, List.of(4, 5, 6, 7, 8, 10), 2, 1, 0.3),
  /** About 1800 schools in 40 municipalities: roughly 1.5 million pupil × work rows over three years
   * (one extra subject per grade keeps it there). */
  REGION_L(1800, 40, List.of(4, 5, 6, 7, 8, 10), 1, 2, 0.3);

  private final int schools;
  private final int municipalities;
  private final List<Integer> grades;
  private final int maxExtraSubjects;
  private final int exportMunicipalitiesPerYear;
  private final double xlsxShare;

  Preset(int schools, int municipalities, List<Integer> grades, int maxExtraSubjects,
      int exportMunicipalitiesPerYear, double xlsxShare) {
    this.schools = schools;
    this.municipalities = municipalities;
    this.grades = grades;
    this.maxExtraSubjects = maxExtraSubjects;
    this.exportMunicipalitiesPerYear = exportMunicipalitiesPerYear;
    this.xlsxShare = xlsxShare;
  }

  public int schools() { return schools; }
  public int municipalities() { return municipalities; }
  /** Grades whose forms land (grade 10 only in years that have it). */
  public List<Integer> grades() { return grades; }
  /** Besides ru and ma, each school-grade writes 1..this many other subjects. */
  public int maxExtraSubjects() { return maxExtraSubjects; }
  public int exportMunicipalitiesPerYear() { return exportMunicipalitiesPerYear; }
  /** Share of schools that fill the form in Excel rather than csv. */
  public double xlsxShare() { return xlsxShare; }

  /** Parses {@code sample}, {@code region-m}, {@code REGION_L}... */
  public static Preset parse(String name) {
    return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
