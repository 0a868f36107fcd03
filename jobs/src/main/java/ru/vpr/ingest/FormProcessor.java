package ru.vpr.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.vpr.ingest.read.FormHeader;
import ru.vpr.ingest.read.FormReader;
import ru.vpr.ingest.read.FormReaders;
import ru.vpr.ingest.read.FormSource;
import ru.vpr.ingest.read.FormTooLargeException;
import ru.vpr.ingest.read.HeaderMapper;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.ingest.read.SchoolCells;
import ru.vpr.ingest.read.UnreadableFormException;
import ru.vpr.ingest.validate.DuplicateCodes;
import ru.vpr.ingest.validate.CellValues;
import ru.vpr.ingest.validate.TaskColumnsCheck;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * Reads one landing file and validates it against the reference: the pure core of ingest.
 *
 * <p>File-level checks come first and refuse the whole file (contract §1.3: only when the file itself is
 * broken); then every row is checked on its own. Personal data is checked right after the header is read
 * and before anything else, so that none of such a file's cells reach any output. The rows are read twice,
 * streamed: a first pass gathers the participant codes (a code repeated anywhere refuses all its rows)
 * and finds whatever breaks the file or passes its limits, before anything of it is kept; the second
 * checks the rows and hands them on in chunks ({@link FormChunks}), so a region's export of a million
 * rows never stands in memory whole. Stateless and thread-safe; never throws for bad input.
 */
public final class FormProcessor {
  /** Rows of a file in one chunk: a few megabytes of table rows. */
  public static final int CHUNK_ROWS = 5_000;

  private FormProcessor() {}

  /** The file's whole outcome at once: for tests, and files known to be small. */
  public static FormOutcome process(FormFile file, Reference reference) {
    List<FormOutcome> chunks = new ArrayList<>();
    chunks(file, reference, Integer.MAX_VALUE).forEachRemaining(chunks::add);
    return FormOutcome.merge(chunks);
  }

  /**
   * The file's outcome in chunks of at most {@code chunkRows} rows, produced as they are asked for. A file
   * refused whole is one chunk; any other has at least one.
   */
  public static Iterator<FormOutcome> chunks(FormFile file, Reference reference, int chunkRows) {
    try {
      Opened opened = open(file, reference);
      return opened.refused != null ? List.of(opened.refused).iterator() : new FormChunks(opened.form, chunkRows);
    } catch (RuntimeException e) {
      return List.of(unexpected(file.loginFromName(), e)).iterator();
    }
  }

  /** A bug or a library failing on a pathological file must not stop the run. */
  static FormOutcome unexpected(String login, Throwable e) {
    // The message is generic on purpose: an exception's text may quote cell values, and this file may
    // hold personal data.
    return FormOutcome.refused(null, RejectReason.UNREADABLE_FILE, login,
        "непредвиденная ошибка при разборе (" + e.getClass().getSimpleName() + ")");
  }

  /** A file past the file-level checks, with what its rows are checked against. */
  record OpenForm(FormSource source, FormHeader header, WorkSpec spec, TaskColumnsCheck.Binding binding, String kind,
      String fileLogin, Reference reference, DuplicateCodes duplicates) {}

  private record Opened(FormOutcome refused, OpenForm form) {
    static Opened refusal(FormOutcome refused) {
      return new Opened(refused, null);
    }
  }

  private static Opened open(FormFile file, Reference reference) {
    String nameLogin = file.loginFromName();
    if (file.link() != null) {
      return Opened.refusal(FormOutcome.refused(null, RejectReason.LINK_NOT_FOLLOWED, nameLogin, file.link()));
    }
    if (file.work() == null) {
      return Opened.refusal(FormOutcome.refused(null, RejectReason.UNPLACED_FILE, nameLogin, file.path()));
    }
    Optional<FormReader> reader = FormReaders.forFile(file.fileName());
    if (reader.isEmpty()) {
      String extension = FormReaders.extension(file.fileName());
      return Opened.refusal(FormOutcome.refused(null, RejectReason.UNSUPPORTED_FORMAT, nameLogin,
          extension.isEmpty() ? "файл без расширения" : "." + extension));
    }
    if (file.content() == null || file.content().length == 0) {
      return Opened.refusal(FormOutcome.refused(null, RejectReason.EMPTY_FILE, nameLogin));
    }
    if (file.content().length > reference.limits().maxFileBytes()) {
      return Opened.refusal(FormOutcome.refused(null, RejectReason.FILE_TOO_LARGE, nameLogin,
          "файл занимает " + megabytes(file.content().length) + ", а можно не больше " + megabytes(reference.limits().maxFileBytes())));
    }
    FormSource source;
    try {
      source = reader.get().open(file.content(), reference.limits());
    } catch (UnreadableFormException e) {
      return Opened.refusal(FormOutcome.refused(null, RejectReason.UNREADABLE_FILE, nameLogin, e.getMessage()));
    } catch (FormTooLargeException e) {
      return Opened.refusal(FormOutcome.refused(null, RejectReason.FILE_TOO_LARGE, nameLogin, e.getMessage()));
    }
    if (!source.hasHeader()) return Opened.refusal(FormOutcome.refused(null, RejectReason.EMPTY_FILE, nameLogin));

    FormHeader header = HeaderMapper.map(source.header());
    String kind = header.layout().code();
    String fileLogin = header.isRegionalExport() ? null : nameLogin != null ? nameLogin : SchoolCells.loginIn(source.preamble());
    if (header.hasPersonalData()) {
      return Opened.refusal(FormOutcome.refused(kind, RejectReason.PERSONAL_DATA, fileLogin, header.personalDataColumn()));
    }
    List<String> missing = header.missingRequired();
    if (!missing.isEmpty()) {
      if (isEmpty(source)) return Opened.refusal(FormOutcome.refused(kind, RejectReason.EMPTY_FILE, fileLogin));
      return Opened.refusal(FormOutcome.refused(kind, RejectReason.MISSING_COLUMN, fileLogin, String.join(", ", missing)));
    }
    Optional<WorkSpec> spec = reference.specs().work(file.work());
    if (spec.isEmpty()) {
      return Opened.refusal(FormOutcome.refused(kind, RejectReason.UNKNOWN_WORK, fileLogin, describe(file.work(), reference)));
    }
    TaskColumnsCheck.Binding binding = TaskColumnsCheck.bind(header, spec.get());
    if (!binding.matches()) {
      return Opened.refusal(FormOutcome.refused(kind, RejectReason.TASK_MISMATCH, fileLogin, binding.differences()));
    }
    if (!header.isRegionalExport() && (fileLogin == null || !reference.schools().contains(fileLogin))) {
      return Opened.refusal(FormOutcome.refused(kind, RejectReason.UNKNOWN_SCHOOL, fileLogin,
          fileLogin == null ? "в имени файла, папке и строках над таблицей нет логина (" + file.fileName() + ")"
              : fileLogin + " (" + file.fileName() + ")"));
    }
    OpenForm form = new OpenForm(source, header, spec.get(), binding, kind, fileLogin, reference, new DuplicateCodes());
    FormOutcome firstPass = gatherCodes(form);
    return firstPass != null ? Opened.refusal(firstPass) : new Opened(null, form);
  }

  /**
   * The first pass: every row's school and code into the form's duplicate index, the rows counted
   * against the limit. A file that breaks or passes the limit is refused here, before any row is kept.
   *
   * @return the refusal, or null when the rows may be checked
   */
  private static FormOutcome gatherCodes(OpenForm form) {
    long rows = 0;
    long maxRows = form.reference().limits().maxRows();
    try (FormSource.Rows it = form.source().rows()) {
      while (it.hasNext()) {
        RawRow row = it.next();
        if (++rows > maxRows) {
          return FormOutcome.refused(form.kind(), RejectReason.FILE_TOO_LARGE, form.fileLogin(),
              "в таблице больше " + maxRows + " строк");
        }
        String login = rowLogin(row, form);
        if (form.header().isRegionalExport() && (login == null || !form.reference().schools().contains(login))) continue;
        String code = row.cell(form.header().code());
        if (CellValues.isParticipantCode(code)) form.duplicates().add(login, code, row.rowNumber());
      }
    } catch (FormSource.UnreadableRowsException e) {
      return FormOutcome.refused(form.kind(), RejectReason.UNREADABLE_FILE, form.fileLogin(), e.getMessage());
    }
    return rows == 0 ? FormOutcome.refused(form.kind(), RejectReason.EMPTY_FILE, form.fileLogin()) : null;
  }

  private static boolean isEmpty(FormSource source) {
    try (FormSource.Rows it = source.rows()) {
      return !it.hasNext();
    } catch (FormSource.UnreadableRowsException e) {
      return false;
    }
  }

  /** A row's school: the file's, or for an export the login cell, else the login part of the {@code Школа} cell. */
  static String rowLogin(RawRow row, OpenForm form) {
    FormHeader header = form.header();
    if (!header.isRegionalExport()) return form.fileLogin();
    String login = row.cell(header.login());
    if (login.isEmpty()) login = SchoolCells.split(row.cell(header.index(FormHeader.Column.SCHOOL))).code();
    return login == null || login.isEmpty() ? null : login.toLowerCase(Locale.ROOT);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f МБ", bytes / 1048576.0).replace('.', ',');
  }

  private static String describe(WorkKey work, Reference reference) {
    String subject = reference.specs().subjectNames().getOrDefault(work.subject(), work.subject());
    return work.year() + " год, предмет «" + subject + "» (" + work.subject() + "), " + work.grade() + " класс";
  }
}
