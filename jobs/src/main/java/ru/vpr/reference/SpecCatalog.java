package ru.vpr.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
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
    String subjectsPath = Storage.join(specsDir, SUBJECTS_FILE);
    try (InputStream tasks = storage.open(Storage.join(specsDir, TASKS_FILE));
        InputStream scales = storage.open(Storage.join(specsDir, SCALES_FILE));
        InputStream subjects = storage.exists(subjectsPath) ? storage.open(subjectsPath) : null) {
      return read(tasks, scales, subjects, specsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the specs in " + specsDir, e);
    }
  }

  /**
   * The region's spec folder over the built-in specs of real works; {@link BuiltinSpecs#ONLY} (or a blank
   * location) for the built-in ones alone.
   */
  public static SpecCatalog readWithBuiltins(Storage storage, String specsDir) {
    if (specsDir == null || specsDir.isBlank() || specsDir.trim().equals(BuiltinSpecs.ONLY)) return BuiltinSpecs.catalog();
    return read(storage, specsDir).over(BuiltinSpecs.catalog());
  }

  /**
   * Reads a spec from its three files' contents.
   *
   * @param subjects may be null
   * @param what names the source in error messages
   */
  public static SpecCatalog read(InputStream tasksIn, InputStream scalesIn, InputStream subjectsIn, String what) {
    List<String[]> taskRows = ReferenceCsv.read(tasksIn, what + "/" + TASKS_FILE, r -> new String[] {
        r.get("year"), r.get("subject"), r.get("grade"), r.get("task"), r.get("max"), r.get("level"), r.get("scoring")});
    Map<WorkKey, Scale> scales = new LinkedHashMap<>();
    ReferenceCsv.read(scalesIn, what + "/" + SCALES_FILE, r -> scales.put(
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
        throw new IllegalArgumentException(what + ": work " + e.getKey() + " has tasks but no row in " + SCALES_FILE);
      }
      works.add(new WorkSpec(e.getKey(), e.getValue(), scale));
    }
    Map<String, String> subjects = new LinkedHashMap<>();
    if (subjectsIn != null) ReferenceCsv.read(subjectsIn, what + "/" + SUBJECTS_FILE, r -> subjects.put(r.get("subject"), r.get("name")));
    return new SpecCatalog(works, subjects);
  }

  /** These works over the given ones: a work both describe is taken from this catalog, as are subject names. */
  public SpecCatalog over(SpecCatalog base) {
    Map<WorkKey, WorkSpec> merged = new TreeMap<>(base.works);
    merged.putAll(works);
    Map<String, String> names = new LinkedHashMap<>(base.subjectNames);
    names.putAll(subjectNames);
    return new SpecCatalog(merged.values(), names);
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
