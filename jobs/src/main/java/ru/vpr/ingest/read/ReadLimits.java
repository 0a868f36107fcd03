package ru.vpr.ingest.read;

import java.io.Serializable;

/**
 * How big a form may be (configuration {@code vpr.ingest.limits}). A file past a limit is refused with
 * {@code file_too_large}, saying by how much, instead of taking the executor's memory or the run's time:
 * a 1.3 MB xlsx whose sheet inflates to 1.3 GB is refused at once, a legitimate regional export of a
 * million rows (about 50 MB, a gigabyte inflated) is read, in bounded memory, row by row.
 *
 * @param maxFileBytes the file's own size
 * @param maxInflatedBytes an xlsx's parts inflated, all together
 * @param maxCompressionRatio inflated over compressed size, judged once the parts pass {@code ratioFloorBytes}
 * @param ratioFloorBytes below this inflated size any ratio is fine (tiny repetitive files compress well)
 * @param maxRows data rows of one form
 */
public record ReadLimits(long maxFileBytes, long maxInflatedBytes, double maxCompressionRatio, long ratioFloorBytes,
    long maxRows) implements Serializable {

  private static final long MB = 1024L * 1024L;

  /** The defaults of {@code application.conf}. */
  public static final ReadLimits DEFAULT = new ReadLimits(1024 * MB, 4096 * MB, 100, 64 * MB, 5_000_000);

  public ReadLimits {
    if (maxFileBytes <= 0 || maxInflatedBytes <= 0 || maxCompressionRatio <= 1 || ratioFloorBytes < 0 || maxRows <= 0) {
      throw new IllegalArgumentException("vpr.ingest.limits must all be positive (and the ratio above 1)");
    }
  }

  /** Megabytes as people read them in messages. */
  static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f МБ", bytes / (double) MB).replace('.', ',');
  }
}
