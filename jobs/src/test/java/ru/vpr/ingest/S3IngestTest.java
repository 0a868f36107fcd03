package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
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
import ru.vpr.test.InProcessS3;
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
  @TempDir static Path dir;
  private static InProcessS3 s3;
  private static Configuration hadoopConf;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InProcessS3.start(dir, "vpr-test");
    // The shared session already exists, so the s3a settings go into its Hadoop configuration:
    // Spark's file scans and Storage (reference files) both read that one.
    hadoopConf = spark().sparkContext().hadoopConfiguration();
    for (Map.Entry<String, String> e : s3.hadoopSettings().entrySet()) hadoopConf.set(e.getKey(), e.getValue());
  }

  @AfterAll
  static void stopS3() throws Exception {
    try {
      dropDatabase(DB);
    } finally {
      if (s3 != null) s3.stop(hadoopConf);
    }
  }

  @Test
  void confS3ConfAsksForPathStyleKeysFromTheEnvironmentAndARegion() {
    Map<String, String> settings = PipelineConfig.load(Optional.of(new File("../conf/s3.conf"))).hadoopSettings();
    assertEquals("true", settings.get("fs.s3a.path.style.access"), "conf/s3.conf asks for path-style access");
    assertEquals("software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider",
        settings.get("fs.s3a.aws.credentials.provider"), "conf/s3.conf takes the keys from the environment");
    assertTrue(settings.containsKey("fs.s3a.endpoint.region"), "SDK v2 needs a region, even for MinIO");
  }

  private static String bucket(String key) {
    return s3.uri(key);
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
