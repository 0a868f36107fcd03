package ru.vpr.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.test.InProcessS3;
import ru.vpr.test.LandingFixture;
import ru.vpr.test.VprProcess;

/**
 * The README's "one machine: data on S3" recipe, as written: {@code ingest --conf conf/s3.conf} with the
 * data in bucket {@code vpr}, the endpoint and keys in the environment, and
 * {@code VPR_WAREHOUSE=./warehouse VPR_METASTORE_KIND=embedded}, in a process of its own against an
 * in-process s3proxy. (It used to stop before reaching S3: conf/s3.conf took cluster.conf's HDFS
 * checkpoint folder.)
 *
 * <p>Then the catalog survives the process: {@code sql} in a NEW process, with the same environment,
 * finds the ingested tables by name, and a query on a table that does not exist exits 1 with an error
 * line. (This was a test of its own; it shares the recipe's ingest to save a JVM and a Spark start.)
 */
class ReadmeS3RecipeTest {
  @TempDir Path dir;

  @Test
  void theOneMachineRecipeIngestsFromS3() throws Exception {
    InProcessS3 s3 = InProcessS3.start(dir, "vpr");
    Configuration conf = new Configuration();
    s3.hadoopSettings().forEach(conf::set);
    try {
      LandingFixture fixture = new LandingFixture(dir.resolve("local"));
      fixture.form("edu100001.csv", LandingFixture.SPEC_HEADER, "10001;1;1;2;1;2;5А;5", "10002;2;0;1;X;0;5 а;3");
      FileSystem fs = FileSystem.get(URI.create(s3.uri("")), conf);
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(dir.resolve("local/landing").toUri()),
          new org.apache.hadoop.fs.Path(s3.uri("landing")));
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(dir.resolve("local/schools.csv").toUri()),
          new org.apache.hadoop.fs.Path(s3.uri("reference/schools.csv")));
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(dir.resolve("local/specs").toUri()),
          new org.apache.hadoop.fs.Path(s3.uri("reference/specs")));

      String endpoint = s3.hadoopSettings().get("fs.s3a.endpoint");
      Path work = Files.createDirectories(dir.resolve("work"));
      Map<String, String> env = Map.of("VPR_S3_ENDPOINT", endpoint, "AWS_ACCESS_KEY_ID", InProcessS3.ACCESS_KEY,
          "AWS_SECRET_ACCESS_KEY", InProcessS3.SECRET_KEY,
          "VPR_WAREHOUSE", work.resolve("warehouse").toString(), "VPR_METASTORE_KIND", "embedded");
      String conf3 = new File("../conf/s3.conf").getAbsolutePath();

      Run ingest = vpr("recipe-ingest", env, "ingest", "--conf", conf3,
          "--landing", "s3a://vpr/landing", "--registry", "s3a://vpr/reference/schools.csv",
          "--specs", "s3a://vpr/reference/specs");
      assertEquals(0, ingest.exitCode, ingest.output);
      assertTrue(ingest.output.contains("rows: 2 accepted, 0 refused"), ingest.output);

      Run query = vpr("recipe-sql", env, "sql", "--conf", conf3, "--csv",
          "SELECT login, count(*) AS pupils, sum(primary_score) AS points FROM vpr.results GROUP BY login");
      assertEquals(0, query.exitCode, query.output);
      assertTrue(query.output.contains("login,pupils,points\nedu100001,2,7\n"), query.output);

      Run bad = vpr("recipe-sql-bad", env, "sql", "--conf", conf3, "SELECT * FROM vpr.no_such_table");
      assertEquals(1, bad.exitCode, bad.output);
      assertTrue(bad.output.contains("error:"), bad.output);
    } finally {
      s3.stop(conf);
    }
  }

  private record Run(int exitCode, String output) {}

  /** One {@code VprMain} child process, as bin/vpr starts it, with the recipe's environment. */
  private Run vpr(String name, Map<String, String> env, String... args) throws Exception {
    Path logs = Path.of(System.getProperty("vpr.test.logs", dir.resolve("logs").toString()));
    try (VprProcess process = VprProcess.vpr(name, logs, args).env(env).start()) {
      int exit = process.await(Duration.ofMinutes(4));
      return new Run(exit, process.output());
    }
  }
}
