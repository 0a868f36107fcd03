package ru.vpr.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Files on any Hadoop file system (local path, {@code file:}, {@code s3a://}, {@code hdfs://}), so that
 * reference data and landing roots are read and written the same way on a laptop and on a cluster.
 */
public final class Storage {
  private final Configuration hadoopConf;

  public Storage(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /** A storage on the local defaults: for tools and tests that run outside Spark. */
  public static Storage local() {
    return new Storage(new Configuration());
  }

  public InputStream open(String location) {
    try {
      Path path = new Path(location);
      return fileSystem(path).open(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + location + ": " + e.getMessage(), e);
    }
  }

  public OutputStream create(String location) {
    try {
      Path path = new Path(location);
      return fileSystem(path).create(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates (or replaces) a file without a Hadoop checksum file beside it: for files published to
   * people and other programs, where a {@code .name.crc} next to every file is litter. On the local
   * file system this writes through its raw file system (the cached {@code LocalFileSystem} itself is
   * left as Spark uses it); object stores and HDFS write no side files anyway.
   */
  public OutputStream createWithoutChecksum(String location) {
    try {
      Path path = new Path(location);
      return withoutChecksum(fileSystem(path)).create(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves a file to {@code to}, replacing a file there and creating missing parent folders. Both must
   * be on the same file system. On local disks the file is replaced in one atomic step; on object
   * stores ({@code s3a://}) a rename is a copy and a delete, and an existing target is deleted first,
   * so readers may briefly find no file (never a half-written one). A checksum file of the source
   * travels with it; a stale one of the replaced target is removed, so that reading through the
   * checksummed local file system still works.
   */
  public void rename(String from, String to) {
    Path src = new Path(from);
    Path dst = new Path(to);
    try {
      FileSystem fs = fileSystem(src);
      FileSystem dstFs = fileSystem(dst);
      if (!Objects.equals(fs.getUri(), dstFs.getUri())) {
        throw new IllegalArgumentException("cannot rename " + from + " to " + to + ": not the same file system");
      }
      FileSystem raw = withoutChecksum(fs);
      if (raw instanceof RawLocalFileSystem local) {
        java.nio.file.Path source = local.pathToFile(src).toPath();
        java.nio.file.Path target = local.pathToFile(dst).toPath();
        moveReplacing(source, target);
        if (fs instanceof ChecksumFileSystem checksummed) {
          java.nio.file.Path sourceCrc = local.pathToFile(checksummed.getChecksumFile(src)).toPath();
          java.nio.file.Path targetCrc = local.pathToFile(checksummed.getChecksumFile(dst)).toPath();
          if (Files.exists(sourceCrc)) moveReplacing(sourceCrc, targetCrc);
          else Files.deleteIfExists(targetCrc);
        }
        return;
      }
      if (!fs.getFileStatus(src).isFile()) throw new IOException(from + " is not a file");
      if (fs.exists(dst)) {
        if (!fs.getFileStatus(dst).isFile()) throw new IOException(to + " is a folder");
        fs.delete(dst, false);
      }
      if (dst.getParent() != null) fs.mkdirs(dst.getParent());
      if (!fs.rename(src, dst)) throw new IOException("the file system refused the rename");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  public boolean exists(String location) {
    try {
      Path path = new Path(location);
      return fileSystem(path).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + location + ": " + e.getMessage(), e);
    }
  }

  public void deleteRecursively(String location) {
    try {
      Path path = new Path(location);
      fileSystem(path).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location + ": " + e.getMessage(), e);
    }
  }

  /** The names of a folder's own entries (files and folders, not below them); empty when it does not exist. */
  public List<String> listNames(String location) {
    try {
      Path path = new Path(location);
      FileSystem fs = fileSystem(path);
      List<String> names = new ArrayList<>();
      if (!fs.exists(path)) return names;
      for (FileStatus status : fs.listStatus(path)) names.add(status.getPath().getName());
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + location + ": " + e.getMessage(), e);
    }
  }

  /** Every file below a folder, recursively, as fully qualified URIs. */
  public List<String> listFiles(String location) {
    try {
      Path path = new Path(location);
      FileSystem fs = fileSystem(path);
      List<String> files = new ArrayList<>();
      if (!fs.exists(path)) return files;
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        FileStatus status = it.next();
        files.add(status.getPath().toString());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + location + ": " + e.getMessage(), e);
    }
  }

  /** The location fully qualified (scheme and authority), as Spark reports file paths. */
  public String qualify(String location) {
    try {
      Path path = new Path(location);
      return fileSystem(path).makeQualified(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + location + ": " + e.getMessage(), e);
    }
  }

  /** A location as people should see it: a local path made absolute, a URI as it is. */
  public static String absolute(String location) {
    if (location.contains("://")) return location;
    String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
    return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
  }

  public static String join(String parent, String child) {
    return parent.endsWith("/") ? parent + child : parent + "/" + child;
  }

  private static FileSystem withoutChecksum(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  private static void moveReplacing(java.nio.file.Path source, java.nio.file.Path target) throws IOException {
    if (!Files.isRegularFile(source)) throw new IOException(source + " is not a file");
    if (Files.isDirectory(target)) throw new IOException(target + " is a folder");
    if (target.getParent() != null) Files.createDirectories(target.getParent());
    try {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private FileSystem fileSystem(Path path) throws IOException {
    URI uri = path.toUri();
    return uri.getScheme() == null ? FileSystem.get(hadoopConf) : FileSystem.get(uri, hadoopConf);
  }
}
