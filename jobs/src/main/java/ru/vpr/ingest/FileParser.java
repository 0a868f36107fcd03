package ru.vpr.ingest;

import java.sql.Timestamp;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Runs on the executors: one landing file's bytes in, its outcome rows out, one per chunk of its rows,
 * made as Spark takes them (a large export is never held whole). Never throws for a bad file: whatever
 * the reader did not foresee becomes an {@code unreadable_file} refusal, so one broken upload cannot
 * stop a region's ingest.
 */
final class FileParser implements FlatMapFunction<Row, Row> {
  private final Broadcast<Reference> reference;
  private final String landingRoot;

  /** @param landingRoot the landing root, fully qualified: files are placed by the folders below it */
  FileParser(Broadcast<Reference> reference, String landingRoot) {
    this.reference = reference;
    this.landingRoot = landingRoot;
  }

  @Override
  public Iterator<Row> call(Row file) {
    String path = file.getAs("path");
    long size = file.<Long>getAs("size");
    Timestamp modifiedAt = file.getAs("modified_at");
    String checksum = file.getAs("checksum");
    byte[] content = file.getAs("content");
    String link = file.getAs("link");
    LandingLayout.Placement placement = LandingLayout.place(landingRoot, path);
    FormFile form = new FormFile(path, placement.work(), placement.login(), content, link);
    Reference ref = reference.value();
    Iterator<FormOutcome> chunks = FormProcessor.chunks(form, ref, FormProcessor.CHUNK_ROWS);
    return new Iterator<>() {
      private int chunk = 0;
      private boolean failed;

      @Override
      public boolean hasNext() {
        return !failed && chunks.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        FormOutcome outcome;
        try {
          outcome = chunks.next();
        } catch (RuntimeException | StackOverflowError e) {
          failed = true;
          outcome = FormProcessor.unexpected(form.loginFromName(), e);
        }
        return OutcomeRows.toRow(form, size, modifiedAt, checksum, outcome, ref, chunk++);
      }
    };
  }

  static List<String> inputColumns() {
    return List.of("path", "size", "modified_at", "checksum", "content", "link");
  }
}
