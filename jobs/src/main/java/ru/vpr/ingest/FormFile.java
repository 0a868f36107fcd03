package ru.vpr.ingest;

import ru.vpr.reference.WorkKey;

/**
 * One file found in the landing zone, with what its location says about it.
 *
 * @param path the file's full URI, as the tables record it
 * @param work the work from the Hive-style folders {@code year=/subject=/grade=}; null when the file
 *     does not stand in such a folder (then it is refused with {@link RejectReason#BAD_LOCATION})
 * @param content the file's bytes
 */
public record FormFile(String path, WorkKey work, byte[] content) {

  /** The file name without folders. */
  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The school login the file name stands for ({@code edu123456.csv}), or null. */
  public String loginFromName() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    String stem = (dot < 0 ? name : name.substring(0, dot)).trim().toLowerCase(java.util.Locale.ROOT);
    return stem.matches("edu\\d{6}") ? stem : null;
  }
}
