package ru.vpr.reference;

import java.io.Serializable;

/** One VPR work: a subject in a grade in a year (the unit every spec and form is keyed by). */
public record WorkKey(int year, String subject, int grade) implements Serializable, Comparable<WorkKey> {

  @Override
  public int compareTo(WorkKey other) {
    int byYear = Integer.compare(year, other.year);
    if (byYear != 0) return byYear;
    int bySubject = subject.compareTo(other.subject);
    return bySubject != 0 ? bySubject : Integer.compare(grade, other.grade);
  }

  @Override
  public String toString() {
    return year + "/" + subject + "/" + grade;
  }
}
