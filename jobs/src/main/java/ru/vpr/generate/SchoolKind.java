package ru.vpr.generate;

import ru.vpr.reference.School;

/**
 * The kinds of school the generator knows, with what makes them differ in the data: ability level,
 * class count and size per grade, and the grades they teach.
 */
enum SchoolKind {
  VILLAGE_PRIMARY("НОШ", School.VILLAGE, -0.35, 1, 1, 3, 8, 4, 0.12),
  VILLAGE_BASIC("ООШ", School.VILLAGE, -0.35, 1, 1, 3, 10, 9, 0.22),
  VILLAGE_SECONDARY("СОШ", School.VILLAGE, -0.25, 1, 1, 4, 10, 11, 0.31),
  CITY_SECONDARY("СОШ", School.CITY, 0.0, 1, 3, 18, 28, 11, 0.18),
  ADVANCED_STUDY("СОШ с УИОП", School.CITY, 0.35, 2, 3, 22, 30, 11, 0.04),
  GYMNASIUM("гимназия", School.CITY, 0.75, 2, 3, 22, 30, 11, 0.04),
  LYCEUM("лицей", School.CITY, 0.85, 2, 3, 22, 30, 11, 0.03),
  EDUCATION_CENTRE("ЦО", School.CITY, -0.05, 1, 2, 15, 28, 11, 0.03),
  CORRECTIONAL("коррекционная", School.CITY, -1.6, 1, 1, 6, 12, 9, 0.025);

  final String registryKind;
  final String locality;
  /** Mean school effect on pupil ability (logits); pupils' own spread is 1. */
  final double effect;
  final int minClasses;
  final int maxClasses;
  final int minClassSize;
  final int maxClassSize;
  final int lastGrade;
  /** Share of the region's schools. */
  final double weight;

  SchoolKind(String registryKind, String locality, double effect, int minClasses, int maxClasses,
      int minClassSize, int maxClassSize, int lastGrade, double weight) {
    this.registryKind = registryKind;
    this.locality = locality;
    this.effect = effect;
    this.minClasses = minClasses;
    this.maxClasses = maxClasses;
    this.minClassSize = minClassSize;
    this.maxClassSize = maxClassSize;
    this.lastGrade = lastGrade;
    this.weight = weight;
  }

  boolean village() {
    return School.VILLAGE.equals(locality);
  }

  /** Schools whose high results are expected: the population for strong_honest classes. */
  boolean strong() {
    return this == GYMNASIUM || this == LYCEUM || this == ADVANCED_STUDY;
  }

  boolean teaches(int grade) {
    return grade <= lastGrade;
  }
}
