package ru.vpr.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import ru.vpr.config.PipelineConfig;
import ru.vpr.io.Storage;
import ru.vpr.reference.ReferenceCsv;
import ru.vpr.reference.School;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;

/**
 * Loads the reference data (registry, specs, objectivity control, re-check outcomes) into its
 * tables. These files are small and read on the driver; a table is rewritten only when its content
 * changed, so re-running on the same reference commits nothing.
 */
final class ReferenceTables {
  private final Storage storage;
  private final DeltaWrites writes;

  ReferenceTables(Storage storage, DeltaWrites writes) {
    this.storage = storage;
    this.writes = writes;
  }

  /** Writes every reference table; returns the names of the tables that changed. */
  List<String> write(Reference reference, PipelineConfig config) {
    List<String> changed = new ArrayList<>();
    write(Tables.SCHOOLS, schools(reference), changed);
    write(Tables.SUBJECTS, subjects(reference), changed);
    write(Tables.TASKS, tasks(reference), changed);
    write(Tables.SCALES, scales(reference), changed);
    write(Tables.CONTROL, control(config.control()), changed);
    write(Tables.RECHECK, recheck(config.recheck()), changed);
    return changed;
  }

  private void write(TableDef table, List<Row> rows, List<String> changed) {
    if (writes.overwriteIfChanged(table, rows)) changed.add(table.name());
  }

  private static List<Row> schools(Reference reference) {
    List<Row> rows = new ArrayList<>();
    for (School s : reference.schools().schools()) {
      rows.add(RowFactory.create(s.login(), s.name(), s.municipalityCode(), s.municipalityName(), s.locality(), s.kind(),
          s.inferred()));
    }
    return rows;
  }

  private static List<Row> subjects(Reference reference) {
    List<Row> rows = new ArrayList<>();
    reference.specs().subjectNames().forEach((code, name) -> rows.add(RowFactory.create(code, name)));
    return rows;
  }

  private static List<Row> tasks(Reference reference) {
    List<Row> rows = new ArrayList<>();
    for (WorkSpec w : reference.specs().works()) {
      WorkKey k = w.key();
      int order = 1;
      for (TaskSpec t : w.tasks()) {
        rows.add(RowFactory.create(k.year(), k.subject(), k.grade(), t.code(), order++, t.max(), t.level(), t.scoring()));
      }
    }
    return rows;
  }

  private static List<Row> scales(Reference reference) {
    List<Row> rows = new ArrayList<>();
    for (WorkSpec w : reference.specs().works()) {
      WorkKey k = w.key();
      rows.add(RowFactory.create(k.year(), k.subject(), k.grade(),
          w.scale().min3(), w.scale().min4(), w.scale().min5(), w.scale().max()));
    }
    return rows;
  }

  private List<Row> control(String location) {
    if (!PipelineConfig.isSet(location) || !storage.exists(location)) return List.of();
    return ReferenceCsv.read(storage, location, r -> RowFactory.create(
        Integer.parseInt(r.get("year")), r.get("subject"), Integer.parseInt(r.get("grade")), r.get("login")));
  }

  /** Re-check outcomes: every {@code .csv} below the folder (or the one file given). */
  private List<Row> recheck(String location) {
    if (!PipelineConfig.isSet(location) || !storage.exists(location)) return List.of();
    List<Row> rows = new ArrayList<>();
    for (String file : storage.listFiles(location)) {
      if (!file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) continue;
      rows.addAll(ReferenceCsv.read(storage, file, r -> RowFactory.create(
          Integer.parseInt(r.get("year")), r.get("subject"), Integer.parseInt(r.get("grade")), r.get("login"),
          r.get("code"), r.get("task"), Integer.parseInt(r.get("original")), Integer.parseInt(r.get("rechecked")))));
    }
    return rows;
  }
}
