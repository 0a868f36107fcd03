package ru.vpr.ingest.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ru.vpr.ingest.read.FormHeader;
import ru.vpr.ingest.read.FormHeader.TaskColumn;
import ru.vpr.ingest.read.TaskHeader;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkSpec;

/**
 * Binds a form's task columns to the work's spec. A form of another year or subject has other tasks;
 * scoring it against this spec would produce nonsense, so any difference refuses the file.
 *
 * <p>Named columns ({@code 5.1 (1б)}) bind by canonical code. Numbered columns of FIS OKO's exports bind
 * by position: {@code балл за k} and {@code a-k-grade} are the k-th task of the spec (contract §1.4).
 * The 2021 export has exactly one column per task, so another count means another work; the raw export
 * always has 40 columns, the work's tasks first, and the columns past them are not read.
 */
public final class TaskColumnsCheck {
  private TaskColumnsCheck() {}

  /**
   * The spec's tasks in spec order, each with the form column that holds it.
   *
   * @param differences what differs, in Russian for the coordinator; empty when the columns match
   */
  public record Binding(List<TaskSpec> tasks, int[] columns, String differences) {
    public boolean matches() {
      return differences.isEmpty();
    }
  }

  public static Binding bind(FormHeader header, WorkSpec spec) {
    List<TaskColumn> columns = header.tasks();
    boolean numbered = header.hasNumberedTasks();
    if (numbered && columns.stream().anyMatch(c -> !c.task().isNumbered())) {
      return mismatch(spec, "в файле есть и пронумерованные («балл за 1»), и названные («1 (2б)») столбцы заданий");
    }
    return numbered ? bindByPosition(columns, spec) : bindByCode(columns, spec);
  }

  private static Binding bindByCode(List<TaskColumn> columns, WorkSpec spec) {
    Map<String, TaskSpec> specTasks = specByCanonicalCode(spec);
    Map<String, Integer> columnOf = new LinkedHashMap<>();
    Set<String> repeated = new LinkedHashSet<>();
    List<String> extra = new ArrayList<>();
    List<String> wrongMax = new ArrayList<>();
    for (TaskColumn column : columns) {
      TaskHeader task = column.task();
      if (columnOf.putIfAbsent(task.code(), column.index()) != null) {
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
    List<String> missing = specTasks.keySet().stream().filter(code -> !columnOf.containsKey(code)).toList();
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) parts.add("нет заданий " + String.join(", ", missing));
    if (!extra.isEmpty()) parts.add("лишние задания " + String.join(", ", extra));
    if (!repeated.isEmpty()) parts.add("повторяются задания " + String.join(", ", repeated));
    parts.addAll(wrongMax);
    int[] bound = specTasks.keySet().stream().mapToInt(code -> columnOf.getOrDefault(code, FormHeader.NONE)).toArray();
    return new Binding(List.copyOf(specTasks.values()), bound, String.join("; ", parts));
  }

  private static Binding bindByPosition(List<TaskColumn> columns, WorkSpec spec) {
    List<TaskSpec> tasks = spec.tasks();
    boolean fixedWidth = columns.stream().anyMatch(c -> c.task().fixedWidth());
    TreeMap<Integer, Integer> columnOf = new TreeMap<>();
    Set<Integer> repeated = new LinkedHashSet<>();
    for (TaskColumn column : columns) {
      if (columnOf.putIfAbsent(column.task().ordinal(), column.index()) != null) repeated.add(column.task().ordinal());
    }
    List<String> parts = new ArrayList<>();
    if (!repeated.isEmpty()) parts.add("повторяются столбцы заданий с номерами " + joined(repeated));
    List<Integer> missing = new ArrayList<>();
    for (int k = 1; k <= tasks.size(); k++) if (!columnOf.containsKey(k)) missing.add(k);
    if (!missing.isEmpty()) parts.add("нет столбцов заданий с номерами " + joined(missing));
    if (!fixedWidth && columnOf.lastKey() > tasks.size()) {
      parts.add("в файле " + columnOf.size() + " столбцов заданий, а в описании работы " + tasks.size()
          + " (" + String.join(", ", tasks.stream().map(TaskSpec::code).toList()) + ")");
    }
    int[] bound = new int[tasks.size()];
    for (int k = 1; k <= tasks.size(); k++) bound[k - 1] = columnOf.getOrDefault(k, FormHeader.NONE);
    return new Binding(tasks, bound, String.join("; ", parts));
  }

  private static Binding mismatch(WorkSpec spec, String why) {
    int[] none = new int[spec.tasks().size()];
    Arrays.fill(none, FormHeader.NONE);
    return new Binding(spec.tasks(), none, why);
  }

  private static String joined(Iterable<Integer> numbers) {
    List<String> out = new ArrayList<>();
    numbers.forEach(n -> out.add(String.valueOf(n)));
    return String.join(", ", out);
  }

  /** The spec's tasks keyed by canonical code, in spec order. */
  public static Map<String, TaskSpec> specByCanonicalCode(WorkSpec spec) {
    Map<String, TaskSpec> byCode = new LinkedHashMap<>();
    for (TaskSpec t : spec.tasks()) byCode.put(TaskHeader.canonicalCode(t.code()), t);
    return byCode;
  }
}
