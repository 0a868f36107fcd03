package ru.vpr.s3;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.test.InProcessS3;
import ru.vpr.test.SparkTestBase;

/**
 * The whole pipeline on S3 (see {@link S3PipelineScenario}) against s3proxy in the test JVM, with
 * conf/s3.conf's s3a settings (path-style access, SDK v2 region) pointed at it.
 */
class S3PipelineTest extends SparkTestBase {
  private static final String DB = databaseFor(S3PipelineTest.class);
  @TempDir static Path dir;
  private static InProcessS3 s3;
  private static Configuration hadoopConf;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InProcessS3.start(dir, "vpr-pipeline");
    hadoopConf = spark().sparkContext().hadoopConfiguration();
    for (Map.Entry<String, String> e : s3.hadoopSettings().entrySet()) hadoopConf.set(e.getKey(), e.getValue());
  }

  /**
   * Stops the server without dropping the database: a DROP would delete every object of the tables
   * one by one through s3proxy (minutes), and the bucket is a temp folder anyway. The catalog entries
   * stay in this JVM's temporary test metastore, under a database no other test uses.
   */
  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) s3.stop(hadoopConf);
  }

  @Test
  void landingWarehouseAndPublishDirOnS3() throws Exception {
    dropDatabase(DB);
    new S3PipelineScenario(spark(), DB, s3.uri("").replaceAll("/$", ""), InProcessS3.SECRET_KEY)
        .runAndCheck(dir, config(DB));
  }
}
