package ru.vpr.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A stand-in for a Spark distribution, made from the Maven class path: {@code SPARK_HOME} is a temp
 * folder whose {@code jars/} holds one jar with no classes, only a manifest {@code Class-Path} that
 * lists the test JVM's class path in order, and whose {@code conf/} holds the cluster's logging and
 * {@code spark-defaults.conf}.
 *
 * <p>Why this shape: the worker builds each executor's command itself
 * ({@code CommandUtils.buildCommandSeq} → {@code WorkerCommandBuilder} →
 * {@code AbstractCommandBuilder.buildClassPath}), as {@code <extraClassPath>:$SPARK_HOME/conf/:
 * $SPARK_HOME/jars/*}. That needs {@code SPARK_HOME} with a {@code jars/} folder (else "Library
 * directory ... does not exist; make sure Spark is built") and a Scala version, which the launcher
 * reads from {@code SPARK_SCALA_VERSION} (else it looks for Spark's own build folders). With Spark's
 * jars reachable from {@code jars/*}, executors start exactly as on a real cluster and the submit
 * needs no {@code spark.executor.extraClassPath}. A manifest jar rather than links to every jar keeps
 * Maven's class path order (a {@code *} wildcard's order is unspecified) and keeps the command short.
 *
 * <p>The application's own classes (this module's {@code target/classes} and {@code test-classes})
 * are left out: they reach the driver and the executors only inside the submitted jar, as in
 * production. Everything else on the test class path is in, including the jobs' non-provided
 * dependencies (Delta, picocli, ...), so this is a cluster that has them installed; the shaded jar's
 * own bundling is not what this proves.
 */
final class SparkDistribution {
  static final String SCALA_VERSION = "2.13";
  private static final String LOG_CONFIG = "log4j2-cluster.properties";

  private final Path home;

  private SparkDistribution(Path home) {
    this.home = home;
  }

  /** Builds the folder under {@code home}, leaving {@code excluded} class path entries out. */
  static SparkDistribution create(Path home, Collection<Path> excluded) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    Path conf = Files.createDirectories(home.resolve("conf"));
    List<Path> excludedReal = new ArrayList<>();
    for (Path p : excluded) excludedReal.add(p.toAbsolutePath().normalize());
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isBlank()) continue;
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (excludedReal.contains(p) || !Files.exists(p)) continue;
      classPath.add(p.toUri().toString());
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    try (OutputStream out = Files.newOutputStream(jars.resolve("maven-classpath.jar"));
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      // a manifest is all it holds
    }
    try (InputStream log = SparkDistribution.class.getResourceAsStream(LOG_CONFIG)) {
      if (log == null) throw new IllegalStateException(LOG_CONFIG + " is not on the test class path");
      Files.copy(log, conf.resolve("log4j2.properties"));
    }
    // Read by every Spark JVM started from here, as a distribution's conf/ is. The master's REST
    // submission server would take the fixed port 6066; the test submits through SparkSubmit.
    Files.writeString(conf.resolve("spark-defaults.conf"), "spark.master.rest.enabled false\n");
    return new SparkDistribution(home);
  }

  /** Where a class was loaded from: a classes folder or a jar of the class path. */
  static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Path home() {
    return home;
  }

  /** The class path of every Spark JVM, as {@code bin/spark-class} would give it. */
  String classPath() {
    return home.resolve("conf") + File.separator + File.pathSeparator + home.resolve("jars").resolve("*");
  }

  /** The logging of every Spark JVM; executors get it through {@code spark.executor.extraJavaOptions}. */
  String logOption() {
    return "-Dlog4j.configurationFile=" + home.resolve("conf").resolve("log4j2.properties").toUri();
  }

  /** The environment of every Spark JVM (the worker passes its own on to executors). */
  Map<String, String> environment() {
    return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", SCALA_VERSION,
        "SPARK_CONF_DIR", home.resolve("conf").toString(), "SPARK_LOCAL_IP", "127.0.0.1");
  }

  /** Java 17's {@code --add-opens} list that Spark needs, as the test JVM got it from the pom. */
  static List<String> jvmOpens() {
    return Arrays.stream(System.getProperty("spark.test.jvm.opens", "").split(" "))
        .filter(s -> !s.isBlank()).toList();
  }
}
