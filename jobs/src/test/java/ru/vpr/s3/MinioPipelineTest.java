package ru.vpr.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import ru.vpr.test.InProcessS3;
import ru.vpr.test.SparkTestBase;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole pipeline on S3 (see {@link S3PipelineScenario}) against a real MinIO server in a
 * container. Skipped where no Docker engine runs (as on the machines this project is built on); the
 * same scenario runs against s3proxy in {@link S3PipelineTest} everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class MinioPipelineTest extends SparkTestBase {
  private static final String DB = databaseFor(MinioPipelineTest.class);
  private static final String BUCKET = "vpr-minio";

  @Container
  static final MinIOContainer MINIO = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");

  @TempDir static Path dir;
  private static Configuration hadoopConf;

  @BeforeAll
  static void configureS3a() {
    try (S3Client client = S3Client.builder()
        .endpointOverride(URI.create(MINIO.getS3URL()))
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(MINIO.getUserName(), MINIO.getPassword())))
        .build()) {
      client.createBucket(b -> b.bucket(BUCKET));
    }
    hadoopConf = spark().sparkContext().hadoopConfiguration();
    Map<String, String> settings = InProcessS3.s3aSettings(MINIO.getS3URL(), MINIO.getUserName(), MINIO.getPassword());
    settings.forEach(hadoopConf::set);
  }

  /** As in {@link S3PipelineTest}: the container goes with its data, so the tables are not dropped one object at a time. */
  @AfterAll
  static void tearDown() throws Exception {
    if (hadoopConf != null) FileSystem.get(URI.create("s3a://" + BUCKET + "/"), hadoopConf).close();
  }

  @Test
  void landingWarehouseAndPublishDirOnMinio() throws Exception {
    dropDatabase(DB);
    new S3PipelineScenario(spark(), DB, "s3a://" + BUCKET, MINIO.getPassword()).runAndCheck(dir, config(DB));
  }
}
