package ru.vpr.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.hive.metastore.model.MTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.Metastore;
import ru.vpr.config.PipelineConfig;

/** The Spark settings of each metastore kind, without starting Spark. */
class MetastoreSettingsTest {
  @TempDir Path dir;

  @Test
  void embeddedIsDerbyInTheWarehouse() {
    Map<String, String> s = SparkSessions.settings(config(Metastore.embedded()));
    assertEquals("jdbc:derby:;databaseName=" + dir + "/metastore_db;create=true",
        s.get("spark.hadoop.javax.jdo.option.ConnectionURL"));
    assertFalse(s.containsKey("spark.hadoop.hive.metastore.uris"));
  }

  @Test
  void externalNamesTheServiceOnlyWhenSet() {
    Map<String, String> s = SparkSessions.settings(config(new Metastore(Metastore.Kind.EXTERNAL, "thrift://m:9083", "", "", "")));
    assertEquals("thrift://m:9083", s.get("spark.hadoop.hive.metastore.uris"));
    assertFalse(s.containsKey("spark.hadoop.javax.jdo.option.ConnectionURL"));
    // Blank: the cluster's hive-site.xml names the service; an empty value would override it.
    Map<String, String> blank = SparkSessions.settings(config(new Metastore(Metastore.Kind.EXTERNAL, "", "", "", "")));
    assertFalse(blank.containsKey("spark.hadoop.hive.metastore.uris"));
  }

  @Test
  void jdbcTalksToTheDatabaseAndCreatesEveryTableUpFront() {
    Map<String, String> s = SparkSessions.settings(config(
        new Metastore(Metastore.Kind.JDBC, "", "jdbc:postgresql://db:5432/meta", "vpr", "s3cret")));
    assertEquals("jdbc:postgresql://db:5432/meta", s.get("spark.hadoop.javax.jdo.option.ConnectionURL"));
    assertEquals("org.postgresql.Driver", s.get("spark.hadoop.javax.jdo.option.ConnectionDriverName"));
    assertEquals("vpr", s.get("spark.hadoop.javax.jdo.option.ConnectionUserName"));
    assertEquals("s3cret", s.get("spark.hadoop.javax.jdo.option.ConnectionPassword"));
    assertEquals("true", s.get("spark.hadoop.datanucleus.schema.autoCreateAll"));
    assertEquals("false", s.get("spark.hadoop.hive.metastore.schema.verification"));
    assertEquals("Classes", s.get("spark.hadoop.datanucleus.autoStartMechanism"));
    assertEquals(String.join(",", MetastoreSettings.HIVE_MODEL_CLASSES), s.get("spark.hadoop.datanucleus.autoStartClassNames"));
    // Spark's redaction pattern hides this setting's value in its UI and event logs.
    assertTrue("spark.hadoop.javax.jdo.option.ConnectionPassword".toLowerCase().contains("password"));
  }

  /**
   * The classes named up front are exactly the persistent classes of the Hive metastore on the class
   * path: a Spark upgrade that brings another Hive model fails here, not as a deadlock in production.
   */
  @Test
  void theModelClassesAreThoseOfTheHiveMetastoreJar() throws Exception {
    String jdo;
    try (InputStream in = MTable.class.getClassLoader().getResourceAsStream("package.jdo")) {
      jdo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = Pattern.compile("<class name=\"(\\w+)\"").matcher(jdo);
    Set<String> declared = new TreeSet<>();
    while (m.find()) declared.add(MTable.class.getPackageName() + "." + m.group(1));
    assertEquals(declared, new TreeSet<>(MetastoreSettings.HIVE_MODEL_CLASSES));
    for (String name : MetastoreSettings.HIVE_MODEL_CLASSES) Class.forName(name, false, getClass().getClassLoader());
  }

  private PipelineConfig config(Metastore metastore) {
    return PipelineConfig.load(java.util.Optional.empty()).withWarehouse(dir.toString()).withMetastore(metastore);
  }
}
