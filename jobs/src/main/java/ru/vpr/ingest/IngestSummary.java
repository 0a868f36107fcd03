package ru.vpr.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an ingest run did: files seen and what became of them, rows accepted, and rows refused by
 * reason. Immutable; printed at the end of a run and recorded in {@code runs}.
 */
public record IngestSummary(
    String runId,
    long filesSeen,
    long filesSkipped,
    long filesAccepted,
    long filesPartial,
    long filesRefused,
    long rowsAccepted,
    long rowsRefused,
    long warnings,
    Map<String, Long> refusedByReason,
    Map<String, Long> refusedFilesByReason,
    Map<String, Long> warningsByReason,
    java.util.List<String> refusedFiles,
    long filesMissing,
    boolean missingRetired) {

  /** The refused files the summary names; the rest are counted. */
  public static final int NAMED = 20;

  public IngestSummary {
    refusedByReason = Map.copyOf(refusedByReason);
    refusedFilesByReason = Map.copyOf(refusedFilesByReason);
    warningsByReason = Map.copyOf(warningsByReason);
    refusedFiles = java.util.List.copyOf(refusedFiles);
  }

  /** The summary of files read, with files found missing from the landing (and whether their rows were removed). */
  public IngestSummary(String runId, long filesSeen, long filesSkipped, long filesAccepted, long filesPartial,
      long filesRefused, long rowsAccepted, long rowsRefused, long warnings, Map<String, Long> refusedByReason,
      Map<String, Long> refusedFilesByReason, Map<String, Long> warningsByReason, java.util.List<String> refusedFiles) {
    this(runId, filesSeen, filesSkipped, filesAccepted, filesPartial, filesRefused, rowsAccepted, rowsRefused, warnings,
        refusedByReason, refusedFilesByReason, warningsByReason, refusedFiles, 0, false);
  }

  public IngestSummary withMissing(long missing, boolean retired) {
    return new IngestSummary(runId, filesSeen, filesSkipped, filesAccepted, filesPartial, filesRefused, rowsAccepted,
        rowsRefused, warnings, refusedByReason, refusedFilesByReason, warningsByReason, refusedFiles, missing, retired);
  }

  public long filesRead() {
    return filesAccepted + filesPartial + filesRefused;
  }

  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("files_seen", filesSeen);
    counts.put("files_skipped", filesSkipped);
    counts.put("files_accepted", filesAccepted);
    counts.put("files_partial", filesPartial);
    counts.put("files_refused", filesRefused);
    counts.put("rows_accepted", rowsAccepted);
    counts.put("rows_refused", rowsRefused);
    counts.put("warnings", warnings);
    counts.put(missingRetired ? "files_retired" : "files_missing", filesMissing);
    refusedByReason.forEach((reason, n) -> counts.put("rows_refused." + reason, n));
    refusedFilesByReason.forEach((reason, n) -> counts.put("files_refused." + reason, n));
    warningsByReason.forEach((reason, n) -> counts.put("warnings." + reason, n));
    return counts;
  }

  public String format() {
    StringBuilder s = new StringBuilder();
    s.append("Ingest run ").append(runId).append('\n');
    s.append(String.format("  files: %d seen, %d unchanged (skipped), %d read: %d accepted, %d partly refused, %d refused%n",
        filesSeen, filesSkipped, filesRead(), filesAccepted, filesPartial, filesRefused));
    new TreeMap<>(refusedFilesByReason).forEach((r, n) -> s.append(String.format("    refused files, %-22s %d%n", r + ":", n)));
    refusedFiles.forEach(f -> s.append("      ").append(f).append('\n'));
    if (filesRefused > refusedFiles.size()) {
      s.append(String.format("      ... and %d more (vpr.ingest_files WHERE status = 'refused')%n", filesRefused - refusedFiles.size()));
    }
    if (filesMissing > 0) {
      s.append(missingRetired
          ? String.format("  files: %d no longer in the landing: their rows were removed (ingest_files status 'retired')%n", filesMissing)
          : String.format("  files: %d no longer in the landing: their rows are kept (status 'missing'); --retire-missing removes them%n",
              filesMissing));
    }
    s.append(String.format("  rows: %d accepted, %d refused, %d kept with a warning%n", rowsAccepted, rowsRefused, warnings));
    new TreeMap<>(refusedByReason).forEach((r, n) -> s.append(String.format("    refused rows, %-23s %d%n", r + ":", n)));
    new TreeMap<>(warningsByReason).forEach((r, n) -> s.append(String.format("    warnings,     %-23s %d%n", r + ":", n)));
    return s.toString();
  }
}
