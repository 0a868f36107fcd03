package ru.vpr.ingest;

/** Reads one landing file and validates it against the reference: the pure core of ingest. */
public final class FormProcessor {
  private FormProcessor() {}

  public static FormOutcome process(FormFile file, Reference reference) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
