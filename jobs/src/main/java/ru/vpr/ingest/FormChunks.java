package ru.vpr.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import ru.vpr.ingest.FormOutcome.RawRecord;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.FormOutcome.ResultRecord;
import ru.vpr.ingest.read.FormSource;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.ingest.validate.RowCheck;
import ru.vpr.ingest.validate.RowValidator;

/**
 * The second pass over a form that passed the file-level checks: its rows checked as they stream by and
 * handed on in chunks of at most a given number of rows, each a {@link FormOutcome} of its own. The
 * stream is closed when the last chunk is taken, or when a row breaks it (a refusal chunk follows).
 */
final class FormChunks implements Iterator<FormOutcome> {
  private final FormProcessor.OpenForm form;
  private final int chunkRows;
  private final RowValidator validator;
  private final List<String> rawKeys;
  private FormSource.Rows rows;
  private boolean done;

  FormChunks(FormProcessor.OpenForm form, int chunkRows) {
    this.form = form;
    this.chunkRows = chunkRows;
    this.validator = new RowValidator(form.spec(), form.header(), form.binding());
    this.rawKeys = rawKeys(form.source().header());
    this.rows = form.source().rows();
  }

  @Override
  public boolean hasNext() {
    return !done;
  }

  @Override
  public FormOutcome next() {
    if (done) throw new NoSuchElementException();
    List<ResultRecord> results = new ArrayList<>();
    List<RejectRecord> rejects = new ArrayList<>();
    List<RawRecord> raw = new ArrayList<>();
    boolean anyRefused = false;
    try {
      while (raw.size() < chunkRows && rows.hasNext()) {
        RawRow row = rows.next();
        String login = FormProcessor.rowLogin(row, form);
        raw.add(new RawRecord(row.rowNumber(), login, cellsByHeader(row)));
        RowCheck check = form.header().isRegionalExport() && (login == null || !form.reference().schools().contains(login))
            ? unknownSchoolRow(row, login)
            : form.duplicates().check(validator.check(row, login), row.joined());
        if (check.result() != null) results.add(check.result());
        rejects.addAll(check.rejects());
        anyRefused |= check.refused();
      }
    } catch (RuntimeException e) {
      // The first pass read these bytes whole; a second that breaks is a fault, not the school's: the file
      // is refused, and what its earlier chunks brought is left out (FileAudit, OutcomeTables).
      close();
      return FormProcessor.unexpected(form.fileLogin(), e);
    }
    if (!rows.hasNext()) close();
    return new FormOutcome(anyRefused ? FormOutcome.PARTIAL : FormOutcome.ACCEPTED, form.kind(), results, rejects, raw);
  }

  private void close() {
    done = true;
    if (rows != null) rows.close();
    rows = null;
  }

  private static RowCheck unknownSchoolRow(RawRow row, String login) {
    RejectReason reason = RejectReason.ROW_UNKNOWN_SCHOOL;
    RejectRecord reject = new RejectRecord(row.rowNumber(), login, null, reason.code(),
        reason.message(login == null ? "(пусто)" : login), reason.severity(), row.joined());
    return new RowCheck(row.rowNumber(), login, null, List.of(reject), List.of(), null);
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

  private Map<String, String> cellsByHeader(RawRow row) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < rawKeys.size(); i++) cells.put(rawKeys.get(i), row.cell(i));
    for (int i = rawKeys.size(); i < row.cells().size(); i++) {
      if (!row.cell(i).isBlank()) cells.put("столбец " + (i + 1), row.cell(i));
    }
    return cells;
  }
}
