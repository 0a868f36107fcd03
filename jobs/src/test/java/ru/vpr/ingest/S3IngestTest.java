package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.PipelineConfig;
import ru.vpr.generate.GenerationSummary;
import ru.vpr.generate.GeneratorSettings;
import ru.vpr.generate.Preset;
import ru.vpr.generate.RegionGenerator;
import ru.vpr.io.Storage;
import ru.vpr.test.LandingFixture;
import ru.vpr.test.SparkTestBase;

/**
 * Ingest from an S3-compatible store through {@code s3a://}: an in-process s3proxy (filesystem blob
 * store on a temp folder, loopback only) stands in for MinIO or Ceph. The s3a settings are those of
 * {@code conf/s3.conf}, with the endpoint and credentials of the test server; the warehouse stays
 * local because the embedded metastore needs a local folder.
 */
class S3IngestTest extends SparkTestBase {
  private static final String DB = databaseFor(S3IngestTest.class);
  private static final String BUCKET = "vpr-test";
  private static final String ACCESS_KEY = "vpr-test-access";
  private static final String SECRET_KEY = "vpr-test-secret";

  @TempDir static Path dir;
  private static S3Proxy s3;
  private static BlobStoreContext blobs;
  private static Configuration hadoopConf;

  @BeforeAll
  static void startS3() throws Exception {
    Properties props = new Properties();
    File store = dir.resolve("blobs").toFile();
    store.mkdirs();
    props.setProperty("jclouds.filesystem.basedir", store.getPath());
    blobs = ContextBuilder.newBuilder("filesystem").credentials(ACCESS_KEY, SECRET_KEY)
        .overrides(props).build(BlobStoreContext.class);
    blobs.getBlobStore().createContainerInLocation(null, BUCKET);
    s3 = S3Proxy.builder()
        .blobStore(blobs.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:" + freePort()))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    s3.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!"STARTED".equals(s3.getState())) {
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException("s3proxy did not start: " + s3.getState());
      Thread.sleep(10);
    }

    // The shared session already exists, so the s3a settings go into its Hadoop configuration:
    // Spark's file scans and Storage (reference files) both read that one.
    hadoopConf = spark().sparkContext().hadoopConfiguration();
    for (Map.Entry<String, String> e : s3Settings().entrySet()) hadoopConf.set(e.getKey(), e.getValue());
  }

  @AfterAll
  static void stopS3() throws Exception {
    try {
      dropDatabase(DB);
      // Cached s3a file systems point at this server's port: close them before it goes.
      FileSystem.get(URI.create(bucket("")), hadoopConf).close();
    } finally {
      if (s3 != null) s3.stop();
      if (blobs != null) blobs.close();
    }
  }

  /**
   * conf/s3.conf's {@code spark.hadoop.fs.s3a.*} settings as Hadoop keys, with the test server's
   * endpoint and fixed credentials in place of the environment's (a JVM cannot set its own env).
   */
  private static Map<String, String> s3Settings() {
    PipelineConfig s3conf = PipelineConfig.load(Optional.of(new File("../conf/s3.conf")));
    Map<String, String> settings = new java.util.LinkedHashMap<>(s3conf.hadoopSettings());
    assertEquals("true", settings.get("fs.s3a.path.style.access"), "conf/s3.conf asks for path-style access");
    assertEquals("software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider",
        settings.get("fs.s3a.aws.credentials.provider"), "conf/s3.conf takes the keys from the environment");
    assertTrue(settings.containsKey("fs.s3a.endpoint.region"), "SDK v2 needs a region, even for MinIO");
    settings.put("fs.s3a.endpoint", "http://127.0.0.1:" + s3.getPort());
    settings.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.access.key", ACCESS_KEY);
    settings.put("fs.s3a.secret.key", SECRET_KEY);
    // Fail fast instead of retrying for minutes if the server is not there.
    settings.put("fs.s3a.attempts.maximum", "2");
    settings.put("fs.s3a.retry.limit", "2");
    return settings;
  }

  private static String bucket(String key) {
    return "s3a://" + BUCKET + "/" + key;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void ingestsFormsAndReferenceFromS3AndSkipsThemOnTheSecondRun() throws IOException {
    Path local = dir.resolve("local");
    LandingFixture fixture = new LandingFixture(local);
    fixture.form("edu100001.csv", LandingFixture.SPEC_HEADER,
        "10001;1;1;2;1;2;5А;5",
        "10002;2;0;1;X;0;5 а;3",
        "10003;отсутствовал;;;;;5А;4");
    fixture.form("edu100002.csv", LandingFixture.SPEC_HEADER,
        "20001;1;1;2;1;1;5Б;",
        "20002;2;1;1;1;0;5Б;нет отметки");
    FileSystem s3fs = FileSystem.get(URI.create(bucket("")), hadoopConf);
    s3fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()),
        new org.apache.hadoop.fs.Path(bucket("region")));
    assertTrue(s3fs.exists(new org.apache.hadoop.fs.Path(bucket("region/landing/year=2025/subject=ma/grade=5/edu100002.csv"))));

    dropDatabase(DB);
    PipelineConfig config = config(DB)
        .withLanding(bucket("region/landing"))
        .withRegistry(bucket("region/schools.csv"))
        .withSpecs(bucket("region/specs"))
        .withControl(bucket("region/control.csv"))
        .withRecheck(bucket("region/recheck"));

    IngestSummary first = new IngestJob(spark(), config).run();
    assertEquals(2, first.filesSeen());
    assertEquals(2, first.filesAccepted());
    assertEquals(5, first.rowsAccepted());
    assertEquals(5L, table(DB + ".results").count());
    Row top = sql("SELECT primary_score, mark FROM " + DB + ".results WHERE code = '10001'").get(0);
    assertEquals(6, top.getInt(0));
    assertEquals(5, top.getInt(1));
    assertEquals(3L, table(DB + ".schools").count(), "the registry was read from S3");
    for (Row r : sql("SELECT path FROM " + DB + ".ingest_files")) {
      assertTrue(r.getString(0).startsWith(bucket("region/landing/")), r.getString(0));
    }

    IngestSummary second = new IngestJob(spark(), config).run();
    assertEquals(2, second.filesSkipped());
    assertEquals(0, second.filesRead());
    assertEquals(5L, table(DB + ".results").count());
  }

  @Test
  void generatesARegionOntoS3() {
    Storage storage = new Storage(hadoopConf);
    GenerationSummary summary = new RegionGenerator(storage)
        .generate(GeneratorSettings.of(bucket("generated"), Preset.SAMPLE).withYears(java.util.List.of(2025)).withThreads(2));
    assertTrue(storage.exists(bucket("generated/schools.csv")));
    assertTrue(storage.exists(bucket("generated/specs/tasks.csv")));
    long forms = storage.listFiles(bucket("generated/landing")).size();
    assertEquals(summary.schoolForms() + summary.exportFiles(), forms, "every form is listed back from S3");
  }
}
