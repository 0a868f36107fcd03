package ru.vpr.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.vpr.io.Storage;
import ru.vpr.reference.ReferenceCsv;

/**
 * The answer key of a generated region: labels.csv (what was planted where), control.csv (works under
 * objectivity control) and recheck/recheck.csv (re-check outcomes). All UTF-8, {@code ;}-separated.
 */
final class LabelsWriter {
  static final List<String> LABELS_HEADER =
      List.of("year", "subject", "grade", "login", "class", "manipulation", "intensity", "pupils_affected");
  static final List<String> CONTROL_HEADER = List.of("year", "subject", "grade", "login");
  static final List<String> RECHECK_HEADER =
      List.of("year", "subject", "grade", "login", "code", "task", "original", "rechecked");

  /** Rows sort by their leading key columns so that output order never depends on thread timing. */
  private static final Comparator<List<?>> BY_KEY = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareCell(a.get(i), b.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  };

  private final List<List<?>> labels = new ArrayList<>();
  private final List<List<?>> control = new ArrayList<>();
  private final List<List<?>> recheck = new ArrayList<>();

  synchronized void addLabels(List<List<?>> rows) { labels.addAll(rows); }
  synchronized void addControl(List<List<?>> rows) { control.addAll(rows); }
  synchronized void addRecheck(List<List<?>> rows) { recheck.addAll(rows); }

  int labelCount() { return labels.size(); }
  int controlCount() { return control.size(); }
  int recheckCount() { return recheck.size(); }

  void write(Storage storage, String root) {
    write(storage, Storage.join(root, "labels.csv"), LABELS_HEADER, labels, true);
    write(storage, Storage.join(root, "control.csv"), CONTROL_HEADER, control, true);
    // Recheck rows keep the form's task order within a pupil, so sort by pupil only.
    write(storage, Storage.join(root, "recheck/recheck.csv"), RECHECK_HEADER, recheck, false);
  }

  private static void write(Storage storage, String path, List<String> header, List<List<?>> rows, boolean sortAll) {
    List<List<?>> sorted = new ArrayList<>(rows);
    if (sortAll) sorted.sort(BY_KEY);
    else sorted.sort((a, b) -> BY_KEY.compare(a.subList(0, 5), b.subList(0, 5)));
    ReferenceCsv.write(storage, path, header, sorted);
  }

  private static int compareCell(Object a, Object b) {
    if (a instanceof Integer x && b instanceof Integer y) return Integer.compare(x, y);
    return String.valueOf(a).compareTo(String.valueOf(b));
  }
}
