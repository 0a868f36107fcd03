package ru.vpr.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.vpr.ingest.FormOutcome.RawRecord;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.FormOutcome.ResultRecord;
import ru.vpr.ingest.read.FormHeader;
import ru.vpr.ingest.read.FormReader;
import ru.vpr.ingest.read.FormReaders;
import ru.vpr.ingest.read.HeaderMapper;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.ingest.read.RawTable;
import ru.vpr.ingest.read.UnreadableFormException;
import ru.vpr.ingest.validate.DuplicateCodes;
import ru.vpr.ingest.validate.RowCheck;
import ru.vpr.ingest.validate.RowValidator;
import ru.vpr.ingest.validate.TaskColumnsCheck;
import ru.vpr.ingest.read.SchoolCells;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * Reads one landing file and validates it against the reference: the pure core of ingest.
 *
 * <p>File-level checks come first and refuse the whole file (contract §1.3: only when the file itself is
 * broken); then every row is checked on its own. Personal data is checked right after the header is read
 * and before anything else, so that none of such a file's cells reach any output. Stateless and
 * thread-safe; never throws for bad input.
 */
public final class FormProcessor {
  private FormProcessor() {}

  public static FormOutcome process(FormFile file, Reference reference) {
    try {
      return processChecked(file, reference);
    } catch (RuntimeException e) {
      // A bug or a library failing on a pathological file must not stop the run. The message is generic on
      // purpose: an exception's text may quote cell values, and this file may hold personal data.
      return FormOutcome.refused(null, RejectReason.UNREADABLE_FILE, file.loginFromName(),
          "непредвиденная ошибка при разборе (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static FormOutcome processChecked(FormFile file, Reference reference) {
    String nameLogin = file.loginFromName();
    if (file.work() == null) {
      return FormOutcome.refused(null, RejectReason.UNPLACED_FILE, nameLogin, file.path());
    }
    Optional<FormReader> reader = FormReaders.forFile(file.fileName());
    if (reader.isEmpty()) {
      String extension = FormReaders.extension(file.fileName());
      return FormOutcome.refused(null, RejectReason.UNSUPPORTED_FORMAT, nameLogin,
          extension.isEmpty() ? "файл без расширения" : "." + extension);
    }
    if (file.content() == null || file.content().length == 0) {
      return FormOutcome.refused(null, RejectReason.EMPTY_FILE, nameLogin);
    }
    RawTable table;
    try {
      table = reader.get().read(file.content());
    } catch (UnreadableFormException e) {
      return FormOutcome.refused(null, RejectReason.UNREADABLE_FILE, nameLogin, e.getMessage());
    }
    if (!table.hasHeader()) return FormOutcome.refused(null, RejectReason.EMPTY_FILE, nameLogin);

    FormHeader header = HeaderMapper.map(table.header());
    String kind = header.layout().code();
    String fileLogin = header.isRegionalExport() ? null : nameLogin != null ? nameLogin : SchoolCells.loginIn(table.preamble());
    if (header.hasPersonalData()) {
      return FormOutcome.refused(kind, RejectReason.PERSONAL_DATA, fileLogin, header.personalDataColumn());
    }
    if (table.rows().isEmpty()) return FormOutcome.refused(kind, RejectReason.EMPTY_FILE, fileLogin);
    List<String> missing = header.missingRequired();
    if (!missing.isEmpty()) {
      return FormOutcome.refused(kind, RejectReason.MISSING_COLUMN, fileLogin, String.join(", ", missing));
    }
    Optional<WorkSpec> spec = reference.specs().work(file.work());
    if (spec.isEmpty()) {
      return FormOutcome.refused(kind, RejectReason.UNKNOWN_WORK, fileLogin, describe(file.work(), reference));
    }
    TaskColumnsCheck.Binding binding = TaskColumnsCheck.bind(header, spec.get());
    if (!binding.matches()) {
      return FormOutcome.refused(kind, RejectReason.TASK_MISMATCH, fileLogin, binding.differences());
    }
    if (!header.isRegionalExport() && (fileLogin == null || !reference.schools().contains(fileLogin))) {
      return FormOutcome.refused(kind, RejectReason.UNKNOWN_SCHOOL, fileLogin,
          fileLogin == null ? "в имени файла, папке и строках над таблицей нет логина (" + file.fileName() + ")"
              : fileLogin + " (" + file.fileName() + ")");
    }
    return validateRows(table, header, spec.get(), binding, kind, fileLogin, reference);
  }

  private static FormOutcome validateRows(RawTable table, FormHeader header, WorkSpec spec,
      TaskColumnsCheck.Binding binding, String kind, String fileLogin, Reference reference) {
    RowValidator validator = new RowValidator(spec, header, binding);
    List<RowCheck> checks = new ArrayList<>(table.rows().size());
    List<RawRecord> raw = new ArrayList<>(table.rows().size());
    Map<Integer, String> joinedByRow = new HashMap<>();
    List<String> rawKeys = rawKeys(table.header());
    for (RawRow row : table.rows()) {
      String login = header.isRegionalExport() ? rowLogin(row, header) : fileLogin;
      raw.add(new RawRecord(row.rowNumber(), login, cellsByHeader(rawKeys, row)));
      joinedByRow.put(row.rowNumber(), row.joined());
      if (header.isRegionalExport() && (login == null || !reference.schools().contains(login))) {
        checks.add(unknownSchoolRow(row, login));
      } else {
        checks.add(validator.check(row, login));
      }
    }
    checks = DuplicateCodes.refuseDuplicates(checks, joinedByRow);

    List<ResultRecord> results = new ArrayList<>();
    List<RejectRecord> rejects = new ArrayList<>();
    for (RowCheck check : checks) {
      if (check.result() != null) results.add(check.result());
      rejects.addAll(check.rejects());
    }
    boolean anyRefused = checks.stream().anyMatch(RowCheck::refused);
    return new FormOutcome(anyRefused ? FormOutcome.PARTIAL : FormOutcome.ACCEPTED, kind, results, rejects, raw);
  }

  private static RowCheck unknownSchoolRow(RawRow row, String login) {
    RejectReason reason = RejectReason.ROW_UNKNOWN_SCHOOL;
    RejectRecord reject = new RejectRecord(row.rowNumber(), login, null, reason.code(),
        reason.message(login == null ? "(пусто)" : login), reason.severity(), row.joined());
    return new RowCheck(row.rowNumber(), login, null, List.of(reject), List.of(), null);
  }

  /** A regional export row's school: the login cell, else the login part of the {@code Школа} cell; null when blank. */
  private static String rowLogin(RawRow row, FormHeader header) {
    String login = row.cell(header.login()).toLowerCase(Locale.ROOT);
    if (login.isEmpty()) login = SchoolCells.split(row.cell(header.index(FormHeader.Column.SCHOOL))).code();
    return login == null || login.isEmpty() ? null : login.toLowerCase(Locale.ROOT);
  }

  /** Header texts made usable as map keys: blank and repeated names get a column suffix. */
  private static List<String> rawKeys(List<String> header) {
    List<String> keys = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim();
      if (name.isEmpty()) name = "столбец " + (i + 1);
      if (keys.contains(name)) name = name + " (столбец " + (i + 1) + ")";
      keys.add(name);
    }
    return keys;
  }

  private static Map<String, String> cellsByHeader(List<String> keys, RawRow row) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) cells.put(keys.get(i), row.cell(i));
    for (int i = keys.size(); i < row.cells().size(); i++) {
      if (!row.cell(i).isBlank()) cells.put("столбец " + (i + 1), row.cell(i));
    }
    return cells;
  }

  private static String describe(WorkKey work, Reference reference) {
    String subject = reference.specs().subjectNames().getOrDefault(work.subject(), work.subject());
    return work.year() + " год, предмет «" + subject + "» (" + work.subject() + "), " + work.grade() + " класс";
  }
}
