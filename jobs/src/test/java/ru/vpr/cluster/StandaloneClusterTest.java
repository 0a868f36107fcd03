package ru.vpr.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.cli.VprMain;
import ru.vpr.test.SampleRegion;
import ru.vpr.test.SparkTestBase;

/**
 * The pipeline run like production: a Spark standalone master and worker, each its own JVM, and
 * {@code SparkSubmit} of the application jar in client mode, as in the README's standalone line.
 * Executors are separate JVMs the worker launches, so anything that only works inside the driver
 * (a local path the executors cannot see, a closure that does not serialise, a class that is only on
 * the driver's class path) fails here while it passes in {@code local[2]}.
 *
 * <p>There is no Spark distribution on these machines: {@link SparkDistribution} makes a
 * {@code SPARK_HOME} from the test's Maven class path, and every cluster JVM starts from it as
 * {@code bin/spark-class} would. Executors get their class path the production way, from
 * {@code $SPARK_HOME/jars/*} as the worker builds it, plus the submitted jar that they fetch from the
 * driver.
 *
 * <p>Which jar is submitted: {@code target/classes} packed into a temp jar ({@link AppJar}), not
 * {@code target/vpr-jobs.jar}. The test runs in Maven's {@code test} phase, before {@code package}
 * shades that jar, so on a fresh clone where CI runs {@code mvn test} it does not exist, and after an
 * edit it is stale. The packed classes are exactly what this build compiled. They are left out of the
 * cluster's class path, so the driver and the executors can only load the application from the jar;
 * its dependencies (Delta, picocli, ...) come from the cluster's class path, as on a cluster that has
 * them installed. Whether the shaded jar bundles them right is {@code mvn package}'s concern, not
 * this test's.
 *
 * <p>Input is one work of 2025 from the committed sample region (a second work only added run
 * time, nothing a cluster could break); every wait has a timeout, and the
 * cluster is stopped in {@link #stopTheCluster()} whatever happens.
 */
class StandaloneClusterTest extends SparkTestBase {
  private static final Duration CLUSTER_START = Duration.ofMinutes(2);
  // About 3 minutes on two idle cores, twice that on a busy machine. A hang fails sooner: no executor
  // log line for STALL (the longest quiet spell seen, the driver opening its catalog, is about 30 s).
  private static final Duration PIPELINE = Duration.ofMinutes(15);
  private static final Duration STALL = Duration.ofMinutes(3);
  private static final Pattern APP_ID = Pattern.compile("Connected to Spark cluster with app ID (app-[0-9-]+)");

  // Kept when a test fails: the cluster's logs and the executors' work folders are in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) static Path dir;
  private static StandaloneCluster cluster;
  private static SparkProcess submit;
  private static int exitCode;
  private static Path warehouse;
  private static Path publishDir;

  @BeforeAll
  static void submitThePipelineToAStandaloneCluster() throws IOException, InterruptedException {
    Path classes = SparkDistribution.codeSource(VprMain.class);
    Path testClasses = SparkDistribution.codeSource(StandaloneClusterTest.class);
    SparkDistribution spark = SparkDistribution.create(dir.resolve("spark-home"), List.of(classes, testClasses));
    Path jar = AppJar.pack(classes, dir.resolve("vpr-app.jar"), VprMain.class.getName());

    Path landing = dir.resolve("landing");
    SampleRegion.copyWorks(landing, List.of(2025), List.of("subject=ma/grade=5"));
    Path sample = SampleRegion.ROOT.toAbsolutePath().normalize();
    warehouse = dir.resolve("warehouse");
    publishDir = dir.resolve("publish");

    long started = System.nanoTime();
    cluster = StandaloneCluster.start(spark, dir.resolve("cluster"), 2, "2g", CLUSTER_START);
    long clusterUp = System.nanoTime();
    List<String> args = List.of(
        "--master", cluster.masterUrl(), "--deploy-mode", "client",
        "--class", VprMain.class.getName(),
        "--conf", "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension",
        "--conf", "spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog",
        "--conf", "spark.executor.memory=1g",
        "--conf", "spark.cores.max=2",
        "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", SparkDistribution.jvmOpens()) + " " + spark.logOption(),
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false",
        // Small data on two cores: few partitions keep the task count (and the run time) down.
        "--conf", "spark.sql.shuffle.partitions=2",
        "--conf", "spark.default.parallelism=2",
        "--conf", "spark.databricks.delta.snapshotPartitions=1",
        jar.toString(),
        "pipeline",
        "--landing", landing.toString(),
        "--registry", sample.resolve("schools.csv").toString(),
        "--specs", sample.resolve("specs").toString(),
        "--control", sample.resolve("control.csv").toString(),
        "--recheck", sample.resolve("recheck").toString(),
        "--warehouse", warehouse.toString(),
        "--publish-dir", publishDir.toString());
    Instant submitted = Instant.now();
    submit = SparkProcess.start(spark, "submit", "1536m", "org.apache.spark.deploy.SparkSubmit", args,
        cluster.logDir());
    exitCode = submit.awaitExit(PIPELINE, STALL, () -> cluster.lastExecutorActivity(submitted));
    System.out.printf("StandaloneClusterTest: cluster up in %d s, pipeline submitted and done in %d s%n",
        (clusterUp - started) / 1_000_000_000, (System.nanoTime() - clusterUp) / 1_000_000_000);
  }

  @AfterAll
  static void stopTheCluster() {
    if (submit != null) submit.close();
    if (cluster != null) cluster.close();
  }

  @Test
  void thePipelineRanEveryStepToTheEnd() {
    assertEquals(0, exitCode, failure());
    String out = submit.output();
    assertTrue(out.contains("Tables are in database 'vpr'"), failure());
    assertTrue(out.contains("Open first: ") && out.contains("/risk_zone.xlsx"), failure());
  }

  @Test
  void theApplicationRanOnTheStandaloneMaster() throws InterruptedException {
    JsonNode app = cluster.awaitCompletedApp(appId(), Duration.ofSeconds(30));
    assertEquals("FINISHED", app.path("state").asText(), app.toString());
    assertEquals(2, app.path("cores").asInt(), app.toString());
  }

  @Test
  void executorsOnTheWorkerFetchedTheJarAndRanTheTasks() throws IOException {
    Path appDir = cluster.workDir().resolve(appId());
    assertTrue(Files.isDirectory(appDir), "no work folder " + appDir + "\n" + cluster.logs());
    List<Path> executors;
    try (Stream<Path> s = Files.list(appDir)) {
      executors = s.filter(Files::isDirectory).toList();
    }
    assertTrue(!executors.isEmpty(), "no executor folder in " + appDir);
    long finishedTasks = 0;
    for (Path executor : executors) {
      // The executor fetched the application jar from the driver: its classes came from nowhere else.
      assertTrue(Files.exists(executor.resolve("vpr-app.jar")), "the jar was not fetched into " + executor);
      String log = Files.readString(executor.resolve("stderr"));
      finishedTasks += log.lines().filter(l -> l.contains("Finished task")).count();
    }
    assertTrue(finishedTasks > 0, "no task finished on the worker's executors " + executors);
  }

  @Test
  void theWarehouseHasTheTables() {
    for (String table : List.of("results", "unit_indicators", "risk_classes")) {
      Path location = warehouse.resolve("vpr.db").resolve(table);
      assertTrue(Files.isDirectory(location.resolve("_delta_log")), "no Delta table at " + location);
      long rows = spark().read().format("delta").load(location.toString()).count();
      assertTrue(rows > 0, table + " is empty");
    }
  }

  @Test
  void thePublishFolderHasTheYearsFiles() {
    for (String file : List.of("risk_classes.csv", "risk_zone.xlsx", "manifest.json")) {
      Path path = publishDir.resolve("2025").resolve(file);
      assertTrue(Files.isRegularFile(path), "no " + path + "\n" + failure());
    }
  }

  /** The application's id, as the driver reported it when it connected to the master. */
  private static String appId() {
    Matcher m = APP_ID.matcher(submit.output());
    assertTrue(m.find(), "the driver did not connect to the standalone master\n" + failure());
    return m.group(1);
  }

  private static String failure() {
    return submit.tail(60) + "\n" + cluster.logs();
  }
}
