package ru.vpr.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.config.PublishConfig;
import ru.vpr.detect.DetectJob;
import ru.vpr.indicators.IndicatorsJob;
import ru.vpr.ingest.IngestJob;
import ru.vpr.io.Storage;
import ru.vpr.publish.PublishJob;
import ru.vpr.publish.PublishSummary;
import ru.vpr.test.SampleRegion;

/**
 * The whole pipeline with everything it reads and writes on an S3-compatible server: landing, reference
 * files, warehouse (Delta tables and saved models) and publish dir under {@code s3a://<bucket>/}; only
 * the catalog that names the tables stays in the test session's local metastore. Maths grade 4 of the
 * sample's 2025 is uploaded, then ingest, indicators, detect and publish run. (That publishing again
 * gives the same files is PublishJobTest's on a local folder, and PublishDirS3Test's commit on S3: a
 * second publish here cost 20 s of s3proxy round trips for nothing new.)
 */
final class S3PipelineScenario {
  private static final int YEAR = 2025;

  private final SparkSession spark;
  private final String database;
  private final String root;
  private final String secret;

  /**
   * @param root {@code s3a://<bucket>} (the session's Hadoop configuration already reaches it)
   * @param secret the secret key: it must not appear in what the jobs record
   */
  S3PipelineScenario(SparkSession spark, String database, String root, String secret) {
    this.spark = spark;
    this.database = database;
    this.root = root;
    this.secret = secret;
  }

  void runAndCheck(Path local, PipelineConfig base) throws IOException {
    Path landing = local.resolve("landing");
    SampleRegion.copyWorks(landing, List.of(YEAR), List.of("subject=ma/grade=4"));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    upload(conf, landing, s3("landing"));
    for (String reference : List.of("schools.csv", "specs", "control.csv", "recheck")) {
      upload(conf, SampleRegion.ROOT.resolve(reference), s3(reference));
    }
    PipelineConfig config = base.withLanding(s3("landing")).withRegistry(s3("schools.csv")).withSpecs(s3("specs"))
        .withControl(s3("control.csv")).withRecheck(s3("recheck")).withWarehouse(s3("warehouse"))
        .withPublishDir(s3("publish"));

    new IngestJob(spark, config).run();
    new IndicatorsJob(spark, config, IndicatorsConfig.defaults()).run();
    new DetectJob(spark, config, DetectConfig.defaults().withFlagging(0.25, 0)).run();
    PublishSummary published = new PublishJob(spark, config, PublishConfig.defaults()).run();

    for (String table : List.of("results", "unit_indicators", "risk_classes", "published_risk_classes")) {
      Row detail = spark.sql("DESCRIBE DETAIL " + database + "." + table).collectAsList().get(0);
      String location = detail.getAs("location");
      assertTrue(location.startsWith(s3("warehouse/")), table + " is at " + location);
    }
    long classes = count("SELECT count(DISTINCT subject, grade, login, class) FROM " + database + ".results");
    assertTrue(classes > 10, classes + " classes");
    assertEquals(classes, count("SELECT count(*) FROM " + database + ".risk_classes"));

    Storage storage = new Storage(conf);
    String year = s3("publish/" + YEAR);
    List<String> files = storage.listFiles(year).stream().map(f -> f.substring(f.indexOf("/" + YEAR + "/") + 6)).toList();
    for (String name : List.of("risk_classes.csv", "risk_schools.csv", "recheck_sample.csv", "risk_zone.xlsx",
        "manifest.json", "reports/region.html")) {
      assertTrue(files.contains(name), name + " in " + files);
    }
    assertFalse(files.stream().anyMatch(f -> f.contains(".staging-") || f.endsWith(".crc")), files.toString());
    try (InputStream in = storage.open(Storage.join(year, "risk_classes.csv"))) {
      String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(csv.startsWith("year,subject,grade,municipality_code,login,class,participants,scored,risk_score,risk_rank,"
          + "flagged,reasons"), csv.substring(0, Math.min(200, csv.length())));
      assertEquals(classes + 1, csv.lines().count(), "a header and one row per class");
    }
    assertEquals(1, published.published().size(), "the year is published");
    assertFalse(storage.listFiles(s3("warehouse/models/detect")).isEmpty(), "detection models saved in the bucket");
    for (Row run : spark.sql("SELECT * FROM " + database + ".runs").collectAsList()) {
      assertFalse(run.toString().contains(secret), "a run records no credentials");
    }
  }

  private String s3(String key) {
    return root + "/" + key;
  }

  private long count(String query) {
    return spark.sql(query).collectAsList().get(0).getLong(0);
  }

  private static void upload(Configuration conf, Path from, String to) throws IOException {
    FileSystem fs = FileSystem.get(URI.create(to), conf);
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(from.toAbsolutePath().toUri()),
        new org.apache.hadoop.fs.Path(to));
  }
}
