package ru.vpr.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ru.vpr.config.Metastore;
import ru.vpr.config.PipelineConfig;
import ru.vpr.reference.BuiltinSpecs;

/**
 * What a job needs, checked before Spark starts (a session takes tens of seconds here, and a
 * missing landing used to be reported only after it): the inputs it reads exist and can be read,
 * the publish folder can be written, and a shared metastore answers on its port with its password
 * set. Every problem is reported at once, one line each. Local paths are checked; a Hadoop URI
 * ({@code s3a://}, {@code hdfs://}) is left to the job, since reaching it needs the cluster's
 * settings and may take its retries' time.
 */
final class Preflight {
  /** What a job reads or writes besides the catalog. */
  enum Need {
    LANDING, REGISTRY, SPECS, PUBLISH_DIR
  }

  static final Set<Need> CATALOG_ONLY = EnumSet.noneOf(Need.class);
  static final Set<Need> INGEST = EnumSet.of(Need.LANDING, Need.REGISTRY, Need.SPECS);
  static final Set<Need> PUBLISH = EnumSet.of(Need.PUBLISH_DIR);
  static final Set<Need> PIPELINE = EnumSet.allOf(Need.class);

  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private Preflight() {}

  /** The problems that would stop the job; empty when it can start. */
  static List<String> problems(PipelineConfig config, Set<Need> needs) {
    List<String> problems = new ArrayList<>();
    if (needs.contains(Need.LANDING)) folder("the landing (--landing)", config.landing(), problems);
    if (needs.contains(Need.REGISTRY)) file("the school registry (--registry)", config.registry(), problems);
    if (needs.contains(Need.SPECS) && !BuiltinSpecs.ONLY.equals(config.specs())) {
      folder("the specs folder (--specs; 'builtin' for the built-in specs alone)", config.specs(), problems);
    }
    if (needs.contains(Need.PUBLISH_DIR)) writable("the publish folder (--publish-dir)", config.publishDir(), problems);
    metastore(config.metastore(), problems);
    return problems;
  }

  /** Refuses to start, naming every problem, when there is one. */
  static void require(PipelineConfig config, Set<Need> needs) {
    List<String> problems = problems(config, needs);
    if (problems.isEmpty()) return;
    throw new IllegalArgumentException(problems.size() == 1 ? problems.get(0)
        : "cannot start:" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
  }

  /** Refuses to start when a file a command names (a school list) is missing or unreadable. */
  static void requireFile(String what, String location) {
    List<String> problems = new ArrayList<>();
    file(what, location, problems);
    if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0));
  }

  private static void folder(String what, String location, List<String> problems) {
    Path path = local(location);
    if (path == null) return;
    if (!Files.exists(path)) problems.add(what + " " + shown(path) + " does not exist");
    else if (!Files.isDirectory(path)) problems.add(what + " " + shown(path) + " is a file, not a folder");
    else if (!Files.isReadable(path) || !Files.isExecutable(path)) problems.add(what + " " + shown(path) + " cannot be read");
  }

  private static void file(String what, String location, List<String> problems) {
    Path path = local(location);
    if (path == null) return;
    if (!Files.exists(path)) problems.add(what + " " + shown(path) + " does not exist");
    else if (!Files.isRegularFile(path)) problems.add(what + " " + shown(path) + " is not a file");
    else if (!Files.isReadable(path)) problems.add(what + " " + shown(path) + " cannot be read");
  }

  /** The folder, or the nearest folder above it that exists (where it will be created), can be written. */
  private static void writable(String what, String location, List<String> problems) {
    Path path = local(location);
    if (path == null) return;
    Path existing = path;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return;
    if (!Files.isDirectory(existing)) problems.add(what + " " + shown(path) + ": " + shown(existing) + " is a file");
    else if (!Files.isWritable(existing)) problems.add(what + " " + shown(path) + ": " + shown(existing) + " cannot be written");
  }

  private static void metastore(Metastore metastore, List<String> problems) {
    switch (metastore.kind()) {
      case EMBEDDED -> { }
      case EXTERNAL -> {
        for (String uri : metastore.uris().split(",")) {
          if (!uri.isBlank()) reachable("the Hive metastore", URI.create(uri.trim()), 9083, problems);
        }
      }
      case JDBC -> {
        if (!metastore.user().isEmpty() && metastore.password().isEmpty()
            && !metastore.url().toLowerCase(java.util.Locale.ROOT).contains("password=")) {
          problems.add("the metastore database user " + metastore.user() + " has no password: set VPR_METASTORE_PASSWORD");
        }
        // jdbc:postgresql://host:port/db is a URI once the "jdbc:" is taken off.
        reachable("the metastore database", URI.create(metastore.url().substring("jdbc:".length())),
            defaultPort(metastore.url()), problems);
      }
    }
  }

  private static int defaultPort(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? 5432 : 3306;
  }

  private static void reachable(String what, URI uri, int defaultPort, List<String> problems) {
    if (uri.getHost() == null) return;  // a socket path or a driver-specific form: the driver will say
    int port = uri.getPort() > 0 ? uri.getPort() : defaultPort;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      problems.add("cannot reach " + what + " at " + uri.getHost() + ":" + port + " (" + e.getMessage() + ")");
    }
  }

  /** The local path of a location, or null for a Hadoop URI with another scheme. */
  private static Path local(String location) {
    if (!PipelineConfig.isSet(location)) return null;
    if (location.startsWith("file:")) {
      try {
        return Path.of(URI.create(location));
      } catch (IllegalArgumentException e) {
        return null;  // not a hierarchical file URI: Hadoop will read it its own way
      }
    }
    if (location.contains("://")) return null;
    return Path.of(location);
  }

  private static String shown(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }
}
