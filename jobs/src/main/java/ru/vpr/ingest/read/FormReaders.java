package ru.vpr.ingest.read;

import java.util.Locale;
import java.util.Optional;

/** Chooses the reader by the file's extension; only xlsx and csv are forms (contract §1.2). */
public final class FormReaders {
  private static final FormReader XLSX = new XlsxFormReader();
  private static final FormReader CSV = new CsvFormReader();

  private FormReaders() {}

  /** The reader for the file, or empty when its format is not supported (e.g. old {@code .xls}). */
  public static Optional<FormReader> forFile(String fileName) {
    return switch (extension(fileName)) {
      case "xlsx" -> Optional.of(XLSX);
      case "csv" -> Optional.of(CSV);
      default -> Optional.empty();
    };
  }

  /** The lower-case extension without the dot, or "" when the name has none. */
  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
  }
}
