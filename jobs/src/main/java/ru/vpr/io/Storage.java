package ru.vpr.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
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

  public static String join(String parent, String child) {
    return parent.endsWith("/") ? parent + child : parent + "/" + child;
  }

  private FileSystem fileSystem(Path path) throws IOException {
    URI uri = path.toUri();
    return uri.getScheme() == null ? FileSystem.get(hadoopConf) : FileSystem.get(uri, hadoopConf);
  }
}
