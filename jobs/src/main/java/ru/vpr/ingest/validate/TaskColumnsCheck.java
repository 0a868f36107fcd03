package ru.vpr.ingest.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.vpr.ingest.read.FormHeader.TaskColumn;
import ru.vpr.ingest.read.TaskHeader;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkSpec;

/**
 * Compares a form's task columns with the work's spec. A form of another year or subject has other
 * tasks; scoring it against this spec would produce nonsense, so any difference refuses the file.
 */
public final class TaskColumnsCheck {
  private TaskColumnsCheck() {}

  /** What differs, in Russian for the coordinator; empty when the columns match the spec. */
  public static String differences(List<TaskColumn> columns, WorkSpec spec) {
    Map<String, TaskSpec> specTasks = specByCanonicalCode(spec);
    Set<String> seen = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    List<String> extra = new ArrayList<>();
    List<String> wrongMax = new ArrayList<>();
    for (TaskColumn column : columns) {
      TaskHeader task = column.task();
      if (!seen.add(task.code())) {
        repeated.add(task.code());
        continue;
      }
      TaskSpec specTask = specTasks.get(task.code());
      if (specTask == null) {
        extra.add(task.code());
      } else if (task.maxInHeader() != null && task.maxInHeader() != specTask.max()) {
        wrongMax.add("задание " + task.code() + ": в форме " + task.maxInHeader() + "б, по описанию " + specTask.max() + "б");
      }
    }
    List<String> missing = new ArrayList<>();
    specTasks.keySet().stream().filter(code -> !seen.contains(code)).forEach(missing::add);

    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) parts.add("нет заданий " + String.join(", ", missing));
    if (!extra.isEmpty()) parts.add("лишние задания " + String.join(", ", extra));
    if (!repeated.isEmpty()) parts.add("повторяются задания " + String.join(", ", repeated));
    parts.addAll(wrongMax);
    return String.join("; ", parts);
  }

  /** The spec's tasks keyed by canonical code, in spec order. */
  public static Map<String, TaskSpec> specByCanonicalCode(WorkSpec spec) {
    Map<String, TaskSpec> byCode = new LinkedHashMap<>();
    for (TaskSpec t : spec.tasks()) byCode.put(TaskHeader.canonicalCode(t.code()), t);
    return byCode;
  }
}
