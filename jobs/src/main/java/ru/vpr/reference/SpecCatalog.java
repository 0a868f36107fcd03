package ru.vpr.reference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ru.vpr.io.Storage;

/**
 * Every work's spec, read from {@code specs/tasks.csv} and {@code specs/scales.csv}. Small enough to
 * broadcast: a region's year has a few dozen works of a few dozen tasks each.
 */
public final class SpecCatalog implements Serializable {
  public static final String TASKS_FILE = "tasks.csv";
  public static final String SCALES_FILE = "scales.csv";
  public static final String SUBJECTS_FILE = "subjects.csv";

  private final Map<WorkKey, WorkSpec> works;
  private final Map<String, String> subjectNames;

  public SpecCatalog(Collection<WorkSpec> works, Map<String, String> subjectNames) {
    Map<WorkKey, WorkSpec> byKey = new TreeMap<>();
    works.forEach(w -> byKey.put(w.key(), w));
    this.works = byKey;
    this.subjectNames = new LinkedHashMap<>(subjectNames);
  }

  public Optional<WorkSpec> work(WorkKey key) {
    return Optional.ofNullable(works.get(key));
  }

  public Collection<WorkSpec> works() {
    return works.values();
  }

  public Map<String, String> subjectNames() {
    return subjectNames;
  }

  /** Reads the spec folder ({@code tasks.csv}, {@code scales.csv}, optional {@code subjects.csv}). */
  public static SpecCatalog read(Storage storage, String specsDir) {
    List<String[]> taskRows = ReferenceCsv.read(storage, Storage.join(specsDir, TASKS_FILE), r -> new String[] {
        r.get("year"), r.get("subject"), r.get("grade"), r.get("task"), r.get("max"), r.get("level"), r.get("scoring")});
    Map<WorkKey, Scale> scales = new LinkedHashMap<>();
    ReferenceCsv.read(storage, Storage.join(specsDir, SCALES_FILE), r -> scales.put(
        new WorkKey(Integer.parseInt(r.get("year")), r.get("subject"), Integer.parseInt(r.get("grade"))),
        new Scale(Integer.parseInt(r.get("min3")), Integer.parseInt(r.get("min4")),
            Integer.parseInt(r.get("min5")), Integer.parseInt(r.get("max")))));
    Map<WorkKey, List<TaskSpec>> tasks = new LinkedHashMap<>();
    for (String[] r : taskRows) {
      WorkKey key = new WorkKey(Integer.parseInt(r[0]), r[1], Integer.parseInt(r[2]));
      tasks.computeIfAbsent(key, k -> new ArrayList<>())
          .add(new TaskSpec(r[3], Integer.parseInt(r[4]), r[5], r[6]));
    }
    List<WorkSpec> works = new ArrayList<>();
    for (Map.Entry<WorkKey, List<TaskSpec>> e : tasks.entrySet()) {
      Scale scale = scales.get(e.getKey());
      if (scale == null) {
        throw new IllegalArgumentException("work " + e.getKey() + " has tasks but no row in " + SCALES_FILE);
      }
      works.add(new WorkSpec(e.getKey(), e.getValue(), scale));
    }
    Map<String, String> subjects = new LinkedHashMap<>();
    String subjectsPath = Storage.join(specsDir, SUBJECTS_FILE);
    if (storage.exists(subjectsPath)) {
      ReferenceCsv.read(storage, subjectsPath, r -> subjects.put(r.get("subject"), r.get("name")));
    }
    return new SpecCatalog(works, subjects);
  }

  /** Writes the spec folder in the contract's layout. */
  public void write(Storage storage, String specsDir) {
    List<List<?>> taskRows = new ArrayList<>();
    List<List<?>> scaleRows = new ArrayList<>();
    for (WorkSpec w : works.values()) {
      WorkKey k = w.key();
      for (TaskSpec t : w.tasks()) {
        taskRows.add(List.of(k.year(), k.subject(), k.grade(), t.code(), t.max(), t.level(), t.scoring()));
      }
      Scale s = w.scale();
      scaleRows.add(List.of(k.year(), k.subject(), k.grade(), s.min3(), s.min4(), s.min5(), s.max()));
    }
    ReferenceCsv.write(storage, Storage.join(specsDir, TASKS_FILE), List.of("year", "subject", "grade", "task", "max", "level", "scoring"), taskRows);
    ReferenceCsv.write(storage, Storage.join(specsDir, SCALES_FILE), List.of("year", "subject", "grade", "min3", "min4", "min5", "max"), scaleRows);
    List<List<?>> subjectRows = new ArrayList<>();
    subjectNames.forEach((code, name) -> subjectRows.add(List.of(code, name)));
    ReferenceCsv.write(storage, Storage.join(specsDir, SUBJECTS_FILE), List.of("subject", "name"), subjectRows);
  }
}
