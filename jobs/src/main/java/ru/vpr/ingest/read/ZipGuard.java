package ru.vpr.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an xlsx's parts before the reader opens them: inflates each one to nowhere, counting, and stops
 * as soon as the total passes {@link ReadLimits#maxInflatedBytes()} or the compression ratio shows a zip
 * bomb. The sizes a zip declares are not trusted: a bomb can lie about them; the bytes that come out
 * cannot. The zip is read as the xlsx reader reads it (commons-compress, through the central directory),
 * so what passes here is what it will see. A legitimate file costs one extra inflation (about a second
 * per gigabyte).
 */
final class ZipGuard {
  private ZipGuard() {}

  /**
   * @throws FormTooLargeException with the numbers, when a limit is passed
   * @throws IOException when the zip itself is broken (the reader will say so)
   */
  static void check(byte[] zip, ReadLimits limits) throws FormTooLargeException, IOException {
    long inflated = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      for (Enumeration<ZipArchiveEntry> entries = file.getEntries(); entries.hasMoreElements(); ) {
        try (InputStream in = file.getInputStream(entries.nextElement())) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            inflated += n;
            check(inflated, zip.length, limits);
          }
        }
      }
    }
  }

  private static void check(long inflated, long compressed, ReadLimits limits) throws FormTooLargeException {
    if (inflated > limits.maxInflatedBytes()) {
      throw new FormTooLargeException("после распаковки книга занимает больше "
          + ReadLimits.megabytes(limits.maxInflatedBytes()) + " (файл " + ReadLimits.megabytes(compressed) + ")");
    }
    double ratio = inflated / (double) Math.max(1, compressed);
    if (inflated > limits.ratioFloorBytes() && ratio > limits.maxCompressionRatio()) {
      throw new FormTooLargeException(String.format(java.util.Locale.ROOT,
          "книга сжата больше чем в %.0f раз (файл %s распаковывается больше чем в %s); так сжимают не данные, а «zip-бомбы»",
          limits.maxCompressionRatio(), ReadLimits.megabytes(compressed), ReadLimits.megabytes(inflated)));
    }
  }
}
