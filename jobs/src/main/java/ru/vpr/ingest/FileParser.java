package ru.vpr.ingest;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Runs on the executors: one landing file's bytes in, its outcome row out. Never throws for a bad
 * file: whatever the reader did not foresee becomes an {@code unreadable_file} refusal, so one broken
 * upload cannot stop a region's ingest.
 */
final class FileParser implements MapFunction<Row, Row> {
  private final Broadcast<Reference> reference;
  private final String landingRoot;

  /** @param landingRoot the landing root, fully qualified: files are placed by the folders below it */
  FileParser(Broadcast<Reference> reference, String landingRoot) {
    this.reference = reference;
    this.landingRoot = landingRoot;
  }

  @Override
  public Row call(Row file) {
    String path = file.getAs("path");
    long size = file.<Long>getAs("size");
    Timestamp modifiedAt = file.getAs("modified_at");
    String checksum = file.getAs("checksum");
    byte[] content = file.getAs("content");
    LandingLayout.Placement placement = LandingLayout.place(landingRoot, path);
    FormFile form = new FormFile(path, placement.work(), placement.login(), content);
    FormOutcome outcome;
    try {
      outcome = FormProcessor.process(form, reference.value());
    } catch (RuntimeException | StackOverflowError e) {
      outcome = FormOutcome.refused(null, RejectReason.UNREADABLE_FILE, form.loginFromName(),
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    return OutcomeRows.toRow(form, size, modifiedAt, checksum, outcome, reference.value());
  }

  static List<String> inputColumns() {
    return List.of("path", "size", "modified_at", "checksum", "content");
  }
}
