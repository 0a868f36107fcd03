package ru.vpr.generate;

import java.util.List;
import ru.vpr.reference.WorkSpec;

/** One class's results in one work, with what was planted in it. */
final class ClassWork {
  final SchoolProfile school;
  final SchoolClass schoolClass;
  final WorkSpec spec;
  final List<PupilWork> rows;
  Manipulation planted;
  double intensity;
  int pupilsAffected;

  ClassWork(SchoolProfile school, SchoolClass schoolClass, WorkSpec spec, List<PupilWork> rows) {
    this.school = school;
    this.schoolClass = schoolClass;
    this.spec = spec;
    this.rows = rows;
  }

  List<PupilWork> present() {
    return rows.stream().filter(r -> !r.absent).toList();
  }
}
