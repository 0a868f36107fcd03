package ru.vpr.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster of one master and one worker, each its own JVM on the loopback
 * interface, watched through the master's web UI JSON ({@code /json/}). Closing it stops both, and
 * with the worker the executors it launched.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI masterJson;
  private final Path root;
  private SparkProcess master;
  private SparkProcess worker;
  private String masterUrl;

  private StandaloneCluster(int webUiPort, Path root) {
    this.masterJson = URI.create("http://127.0.0.1:" + webUiPort + "/json/");
    this.root = root;
  }

  /**
   * Starts the master, waits for its UI, starts a worker with {@code cores} and {@code memory} and
   * waits until the master counts it alive. Whatever was started is stopped if this fails.
   */
  static StandaloneCluster start(SparkDistribution spark, Path dir, int cores, String memory, Duration timeout)
      throws IOException, InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(freePort(), dir);
    Path logs = Files.createDirectories(cluster.logDir());
    Path work = Files.createDirectories(cluster.workDir());
    try {
      cluster.master = SparkProcess.start(spark, "master", "512m", "org.apache.spark.deploy.master.Master",
          List.of("--host", "127.0.0.1", "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(cluster.masterJson.getPort())),
          logs);
      // The master's own report of its URL: it moves to the next port if the chosen one was taken meanwhile.
      cluster.masterUrl = cluster.await("the master's web UI", s -> s.hasNonNull("url"), timeout).get("url").asText();
      cluster.worker = SparkProcess.start(spark, "worker", "512m", "org.apache.spark.deploy.worker.Worker",
          List.of("--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(cores),
              "--memory", memory, "--work-dir", work.toString(), cluster.masterUrl),
          logs);
      cluster.await("a registered worker", s -> s.path("aliveworkers").asInt() >= 1, timeout);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  /** The worker's work folder: one folder per application, one per executor, with its stdout and stderr. */
  Path workDir() {
    return root.resolve("work");
  }

  /** Where the master's, the worker's (and a submit's, if started there) output goes. */
  Path logDir() {
    return root.resolve("logs");
  }

  /**
   * When an executor last wrote to its log, or {@code since} if none has since: executors log every
   * task, so a working application never leaves them quiet for long, while a driver that waits for
   * resources (and warns about it every few seconds) does.
   */
  Instant lastExecutorActivity(Instant since) {
    try (Stream<Path> files = Files.walk(workDir())) {
      return files.filter(Files::isRegularFile).map(StandaloneCluster::modified).filter(since::isBefore)
          .max(Comparator.naturalOrder()).orElse(since);
    } catch (IOException | UncheckedIOException e) {
      return Instant.now(); // a file vanished while listing: something is going on
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  /** The master's state as its web UI reports it. */
  JsonNode state() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(masterJson).timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IOException(masterJson + " answered " + response.statusCode());
    return JSON.readTree(response.body());
  }

  /** The master's record of a finished application, once it has one. */
  JsonNode awaitCompletedApp(String appId, Duration timeout) throws InterruptedException {
    Predicate<JsonNode> done = s -> completedApp(s, appId).isPresent();
    return completedApp(await("application " + appId + " among the completed ones", done, timeout), appId).orElseThrow();
  }

  private static Optional<JsonNode> completedApp(JsonNode state, String appId) {
    for (JsonNode app : state.path("completedapps")) {
      if (appId.equals(app.path("id").asText())) return Optional.of(app);
    }
    return Optional.empty();
  }

  /** Polls the master's state until {@code condition} holds; fails early if a cluster JVM died. */
  private JsonNode await(String what, Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      for (SparkProcess p : new SparkProcess[] {master, worker}) {
        if (p != null && !p.isAlive()) throw new AssertionError("a cluster JVM ended while waiting for " + what + "\n" + logs());
      }
      try {
        JsonNode state = state();
        if (condition.test(state)) return state;
      } catch (IOException e) {
        last = e; // not listening yet
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new AssertionError("no " + what + " within " + timeout + (last == null ? "" : " (" + last + ")") + "\n" + logs());
  }

  /** The last lines of the master's and the worker's logs. */
  String logs() {
    StringBuilder s = new StringBuilder();
    if (master != null) s.append(master.tail(40)).append('\n');
    if (worker != null) s.append(worker.tail(40)).append('\n');
    return s.toString();
  }

  /** Worker first (it stops its executors), then the master. */
  @Override
  public void close() {
    if (worker != null) worker.close();
    if (master != null) master.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
