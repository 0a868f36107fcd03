package ru.vpr.ingest.validate;

import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.RejectReason;
import ru.vpr.ingest.read.RawRow;

/** Builds row-level reject records: row number, reason, filled message and the row's cells. */
final class Rejects {
  private Rejects() {}

  static RejectRecord of(RejectReason reason, RawRow row, String login, String code, Object... args) {
    return new RejectRecord(row.rowNumber(), login, code, reason.code(), reason.message(args), reason.severity(), row.joined());
  }
}
