package ru.vpr.ingest.read;

import java.util.ArrayList;
import java.util.List;

/**
 * What each column of a form's header means: column indexes of the known columns ({@link #NONE} when
 * absent), the task columns, and the first personal-data column if any.
 */
public record FormHeader(
    int code, int sex, int variant, int className, int journalMark, int textbook, int login,
    List<TaskColumn> tasks, String personalDataColumn) {

  public static final int NONE = -1;

  public FormHeader {
    tasks = List.copyOf(tasks);
  }

  /** A task column: where it is, what the header said, and what that means. */
  public record TaskColumn(int index, String headerText, TaskHeader task) {}

  public boolean hasPersonalData() {
    return personalDataColumn != null;
  }

  /** A regional export carries the school login on every row (contract §1). */
  public boolean isRegionalExport() {
    return login != NONE;
  }

  /** The required columns that are missing, named as the FIS OKO form names them. */
  public List<String> missingRequired() {
    List<String> missing = new ArrayList<>();
    if (code == NONE) missing.add("«Код участника»");
    if (variant == NONE) missing.add("«Вариант»");
    if (className == NONE) missing.add("«Наименование класса»");
    if (tasks.isEmpty()) missing.add("столбцы заданий вида «1 (2б)»");
    return missing;
  }
}
