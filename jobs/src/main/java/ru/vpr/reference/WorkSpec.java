package ru.vpr.reference;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A work's tasks (in form order) and its scale. */
public record WorkSpec(WorkKey key, List<TaskSpec> tasks, Scale scale) implements Serializable {

  public WorkSpec {
    tasks = List.copyOf(tasks);
    int sum = tasks.stream().mapToInt(TaskSpec::max).sum();
    if (sum != scale.max()) {
      throw new IllegalArgumentException(
          "work " + key + ": task maxima sum to " + sum + " but the scale max is " + scale.max());
    }
  }

  public Optional<TaskSpec> task(String code) {
    return tasks.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  public Map<String, TaskSpec> tasksByCode() {
    Map<String, TaskSpec> byCode = new LinkedHashMap<>();
    tasks.forEach(t -> byCode.put(t.code(), t));
    return byCode;
  }
}
