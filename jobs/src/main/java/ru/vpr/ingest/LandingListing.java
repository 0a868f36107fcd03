package ru.vpr.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a local landing, listed without following symbolic links. Hadoop's local file system
 * follows them: a link to a system file outside the landing was read as a form, and a link loop was
 * walked forty levels deep. Here a link is never followed: one whose target lies inside the landing is
 * read at the target's own place (so nothing is read twice), one that leads out of the landing or to
 * nothing is not read at all, and is reported once, with its reason, as a refused file.
 *
 * <p>Object stores and HDFS (no links there) are listed by Spark itself; this is for {@code file:}.
 */
final class LandingListing {
  /** Why a link was not followed. */
  enum LinkReason { OUTSIDE, BROKEN, INSIDE }

  /** A link in the landing: where it is, where it points, and why it was not read there. */
  record SkippedLink(String path, String target, LinkReason reason) {}

  /** The regular files (as {@code file:} URIs in Hadoop's spelling) and the links not followed. */
  record Listing(List<String> files, List<SkippedLink> links) {}

  private LandingListing() {}

  static boolean isLocal(String qualifiedRoot) {
    return qualifiedRoot.toLowerCase(Locale.ROOT).startsWith("file:");
  }

  /** @param qualifiedRoot a {@code file:} URI of the landing root */
  static Listing of(String qualifiedRoot) {
    Path root = Path.of(URI.create(qualifiedRoot.startsWith("file:///") ? qualifiedRoot
        : qualifiedRoot.replaceFirst("^file:", "file://")));
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the landing " + qualifiedRoot, e);
    }
    List<String> files = new ArrayList<>();
    List<SkippedLink> links = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isSymbolicLink()) links.add(link(file, realRoot));
          else if (attrs.isRegularFile()) files.add(hadoopSpelling(file));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // An unreadable entry is listed as a file, so that ingest refuses it with its reason.
          files.add(hadoopSpelling(file));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing " + qualifiedRoot, e);
    }
    files.sort(null);
    links.sort(java.util.Comparator.comparing(SkippedLink::path));
    return new Listing(files, links);
  }

  private static SkippedLink link(Path link, Path realRoot) {
    String target;
    try {
      target = Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      target = "?";
    }
    Path real;
    try {
      real = link.toRealPath();
    } catch (IOException e) {
      return new SkippedLink(hadoopSpelling(link), target, LinkReason.BROKEN);
    }
    boolean inside = real.startsWith(realRoot) && Files.exists(real, LinkOption.NOFOLLOW_LINKS);
    return new SkippedLink(hadoopSpelling(link), target, inside ? LinkReason.INSIDE : LinkReason.OUTSIDE);
  }

  /** {@code file:/a/b}, as Spark's file scan spells a local path. */
  static String hadoopSpelling(Path file) {
    String spelled = new org.apache.hadoop.fs.Path(file.toAbsolutePath().normalize().toUri()).toString();
    // A link to a folder is spelled as the folder it points to would be: with a slash.
    return spelled.endsWith("/") && spelled.length() > "file:/".length() ? spelled.substring(0, spelled.length() - 1) : spelled;
  }
}
