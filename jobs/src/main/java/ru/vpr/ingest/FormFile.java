package ru.vpr.ingest;

import ru.vpr.reference.WorkKey;

/**
 * One file found in the landing zone, with what its place says about it ({@link LandingLayout}).
 *
 * @param path the file's full URI, as the tables record it
 * @param work the work its folders or name tell; null when they do not (then it is refused with
 *     {@link RejectReason#UNPLACED_FILE})
 * @param placedLogin the school login its name or folder carries, or null
 * @param content the file's bytes
 * @param link for a symbolic link that was not followed, why (where it points); null for a file
 */
public record FormFile(String path, WorkKey work, String placedLogin, byte[] content, String link) {

  /** A file, not a link. */
  public FormFile(String path, WorkKey work, String placedLogin, byte[] content) {
    this(path, work, placedLogin, content, null);
  }

  /** A file placed by its own path alone, as if it stood directly under the landing root's parent. */
  public FormFile(String path, WorkKey work, byte[] content) {
    this(path, work, LandingLayout.place(null, path).login(), content, null);
  }

  /** The file name without folders. */
  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The school login the file's name or folder stands for ({@code edu123456.csv}), or null. */
  public String loginFromName() {
    return placedLogin;
  }
}
