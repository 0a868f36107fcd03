package ru.vpr.generate;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.io.Storage;

/**
 * The region's list of its schools as coordinators keep it ({@code логин | имя | регион}, the municipality
 * under {@code регион}): what a region without a {@code schools.csv} has, and what
 * {@code bin/vpr registry --schools-list} reads.
 */
final class SchoolListWriter {
  static final String FILE = "logins.xlsx";

  private SchoolListWriter() {}

  static void write(Storage storage, String path, List<SchoolProfile> schools) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("логин", "имя", "регион"));
    for (SchoolProfile s : schools) rows.add(List.of(s.login(), s.school().name(), s.municipality().name()));
    GeneratedWorkbook.write(storage, path, List.of(new GeneratedWorkbook.Sheet("Лист1", rows)));
  }
}
