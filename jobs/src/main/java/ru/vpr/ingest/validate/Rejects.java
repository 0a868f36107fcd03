package ru.vpr.ingest.validate;

import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.RejectReason;
import ru.vpr.ingest.read.RawRow;

/** Builds row-level reject records: row number, reason, filled message and the row's cells. */
final class Rejects {
  /** A cell quoted in a message is cut here: a pasted paragraph must not swamp the coordinator's report. */
  private static final int MAX_QUOTED = 60;

  private Rejects() {}

  static RejectRecord of(RejectReason reason, RawRow row, String login, String code, Object... args) {
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) shown[i] = args[i] instanceof String s ? shorten(s) : args[i];
    return new RejectRecord(row.rowNumber(), login, code, reason.code(), reason.message(shown), reason.severity(), row.joined());
  }

  static String shorten(String text) {
    return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
  }
}
