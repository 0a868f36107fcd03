package ru.vpr.ingest;

import java.util.List;
import java.util.Map;

/**
 * What ingest made of one landing file: accepted pupil results, refused rows with reasons, and the
 * raw rows as read. A pure value, produced on the executors and turned into table rows there.
 *
 * @param status {@link #ACCEPTED} (every row in), {@link #PARTIAL} (some rows refused) or
 *     {@link #REFUSED} (the whole file refused; {@code results} and {@code raw} are empty)
 * @param kind the file's layout ({@link ru.vpr.ingest.read.FormHeader.Layout}: {@link #SCHOOL_FORM},
 *     {@link #REGIONAL_EXPORT}, or one of FIS OKO's real exports); null when the file could not be read
 * @param raw the data rows as read, for the bronze table; empty for a refused file, so that a file
 *     with personal data never reaches the tables
 */
public record FormOutcome(
    String status, String kind, List<ResultRecord> results, List<RejectRecord> rejects, List<RawRecord> raw) {
  public static final String ACCEPTED = "accepted";
  public static final String PARTIAL = "partial";
  public static final String REFUSED = "refused";
  public static final String SCHOOL_FORM = "school_form";
  public static final String REGIONAL_EXPORT = "regional_export";

  public FormOutcome {
    results = List.copyOf(results);
    rejects = List.copyOf(rejects);
    raw = List.copyOf(raw);
  }

  /** A whole file refused for one reason. */
  public static FormOutcome refused(String kind, RejectReason reason, String login, Object... args) {
    RejectRecord reject = new RejectRecord(0, login, null, reason.code(), reason.message(args), reason.severity(), null);
    return new FormOutcome(REFUSED, kind, List.of(), List.of(reject), List.of());
  }

  /** Chunks of one file as one outcome: refused if any chunk was, partial if any was, else accepted. */
  public static FormOutcome merge(List<FormOutcome> chunks) {
    if (chunks.size() == 1) return chunks.get(0);
    java.util.List<ResultRecord> results = new java.util.ArrayList<>();
    java.util.List<RejectRecord> rejects = new java.util.ArrayList<>();
    java.util.List<RawRecord> raw = new java.util.ArrayList<>();
    String status = ACCEPTED;
    String kind = null;
    for (FormOutcome c : chunks) {
      results.addAll(c.results());
      rejects.addAll(c.rejects());
      raw.addAll(c.raw());
      if (kind == null) kind = c.kind();
      if (c.status().equals(REFUSED)) status = REFUSED;
      else if (c.status().equals(PARTIAL) && !status.equals(REFUSED)) status = PARTIAL;
    }
    return new FormOutcome(status, kind, results, rejects, raw);
  }

  public long errorRows() {
    return rejects.stream().filter(r -> r.rowNumber() > 0 && RejectReason.ERROR.equals(r.severity()))
        .mapToInt(RejectRecord::rowNumber).distinct().count();
  }

  /**
   * One accepted participant row.
   *
   * @param variant null for an absent pupil
   * @param scores one entry per spec task in spec order; a null score is {@code X} (not attempted);
   *     empty for an absent pupil
   * @param primaryScore sum of the scores (X counts 0); null for an absent pupil
   * @param mark VPR mark 2..5 from the year's scale; null for an absent pupil
   * @param journalMark teacher's mark for the previous term 2..5, or null
   */
  public record ResultRecord(
      int rowNumber, String login, String className, String code, String sex, Integer variant,
      boolean absent, Integer journalMark, String textbook, List<TaskScore> scores,
      Integer primaryScore, Integer mark) {}

  /** A task's score; {@code score == null} means {@code X}, not attempted. */
  public record TaskScore(String task, Integer score) {}

  /**
   * A refused row (or, with {@code rowNumber == 0}, the whole file), or a warning on a kept row.
   *
   * @param rowNumber 1-based row number in the file as a person sees it (Excel row / CSV line); 0 for the file
   * @param raw the row's cells joined with {@code ;}, so the coordinator can find it; null for file-level
   *     reasons and never filled for files with personal data
   */
  public record RejectRecord(
      int rowNumber, String login, String code, String reason, String message, String severity, String raw) {}

  /** A data row as read, header name to cell text. */
  public record RawRecord(int rowNumber, String login, Map<String, String> cells) {}
}
