package ru.vpr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.vpr.cli.CommonOptions;

/** Where configuration values come from: defaults, a --conf file, then options. */
class PipelineConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsPointAtTheSampleRegionAndALocalWarehouse() {
    PipelineConfig c = PipelineConfig.load(Optional.empty());
    assertEquals("data-samples/sample/landing", c.landing());
    assertEquals("vpr", c.database());
    assertEquals("local[*]", c.sparkMaster());
    assertEquals(Metastore.Kind.EMBEDDED, c.metastore().kind());
    assertTrue(Path.of(c.warehouse()).isAbsolute(), "the warehouse is made absolute: " + c.warehouse());
    assertNull(c.year());
  }

  @Test
  void aConfFileOverridesDefaultsAndKeepsTheRest() throws Exception {
    Path conf = dir.resolve("site.conf");
    Files.writeString(conf, """
        include classpath("application.conf")
        vpr.landing = "s3a://bucket/landing"
        vpr.metastore { kind = external, uris = "thrift://meta:9083" }
        vpr.spark.conf."spark.sql.shuffle.partitions" = "400"
        """);
    PipelineConfig c = PipelineConfig.load(Optional.of(conf.toFile()));
    assertEquals("s3a://bucket/landing", c.landing());
    assertEquals("data-samples/sample/schools.csv", c.registry());
    assertEquals("thrift://meta:9083", c.metastore().uris());
    assertEquals(Metastore.Kind.EXTERNAL, c.metastore().kind());
    assertEquals("400", c.sparkConf().get("spark.sql.shuffle.partitions"));
    assertEquals("UTC", c.sparkConf().get("spark.sql.session.timeZone"));
  }

  @Test
  void shippedEnvironmentFilesLoad() {
    for (String name : new String[] {"local.conf", "cluster.conf", "s3.conf", "postgres.conf"}) {
      PipelineConfig c = PipelineConfig.load(Optional.of(new File("../conf/" + name)));
      assertTrue(c.landing() != null && !c.landing().isBlank(), name);
    }
    assertEquals(Metastore.Kind.EXTERNAL, PipelineConfig.load(Optional.of(new File("../conf/cluster.conf"))).metastore().kind());
    Metastore postgres = PipelineConfig.load(Optional.of(new File("../conf/postgres.conf"))).metastore();
    assertEquals(Metastore.Kind.JDBC, postgres.kind());
    assertTrue(postgres.url().startsWith("jdbc:postgresql://"), postgres.url());
    assertEquals("org.postgresql.Driver", postgres.jdbcDriver());
  }

  @Test
  void optionsWinOverEverything() {
    CommonOptions options = new CommonOptions();
    new CommandLine(options).parseArgs("--landing", "/data/landing", "--year", "2024", "--database", "vpr_test",
        "--warehouse", "relative/wh");
    PipelineConfig c = options.config();
    assertEquals("/data/landing", c.landing());
    assertEquals(2024, c.year());
    assertEquals("vpr_test", c.database());
    assertEquals(Path.of("relative/wh").toAbsolutePath().normalize().toString(), c.warehouse());
  }

  @Test
  void missingConfFileAndBadMetastoreKindAreClearErrors() throws Exception {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> PipelineConfig.load(Optional.of(new File("no-such.conf"))));
    assertTrue(missing.getMessage().contains("no-such.conf"));
    Path remote = write("remote.conf", "vpr.metastore.kind = remote");
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> PipelineConfig.load(Optional.of(remote.toFile())));
    assertTrue(kind.getMessage().contains("'embedded', 'external' or 'jdbc', not 'remote'"), kind.getMessage());
  }

  @Test
  void aJdbcMetastoreNeedsAJdbcUrl() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> new Metastore(Metastore.Kind.JDBC, "", "", "vpr", "pw"));
    assertTrue(none.getMessage().contains("VPR_METASTORE_URL") && none.getMessage().contains("conf/postgres.conf"),
        none.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> new Metastore(Metastore.Kind.JDBC, "", "postgres://db/vpr?password=s3cret", "vpr", ""));
    assertTrue(bad.getMessage().contains("jdbc:postgresql://host:5432/database"), bad.getMessage());
    assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
  }

  @Test
  void aJdbcMetastoreFromAFile() throws Exception {
    Path conf = write("pg.conf", """
        include classpath("application.conf")
        vpr.metastore { kind = jdbc, url = "jdbc:postgresql://db:5432/meta", user = vpr, password = "s3cret" }
        """);
    Metastore m = PipelineConfig.load(Optional.of(conf.toFile())).metastore();
    assertEquals(new Metastore(Metastore.Kind.JDBC, "", "jdbc:postgresql://db:5432/meta", "vpr", "s3cret"), m);
    assertEquals("org.postgresql.Driver", m.jdbcDriver());
    assertEquals("jdbc jdbc:postgresql://db:5432/meta as vpr (password set)", m.describe());
  }

  @Test
  void thePasswordIsNeverShown() {
    Metastore m = new Metastore(Metastore.Kind.JDBC, "", "jdbc:postgresql://db/meta?password=inurl&ssl=true", "vpr", "s3cret");
    PipelineConfig c = PipelineConfig.load(Optional.empty()).withMetastore(m);
    for (String shown : new String[] {m.toString(), m.describe(), c.toString()}) {
      assertFalse(shown.contains("s3cret") || shown.contains("inurl"), shown);
    }
    assertTrue(m.toString().contains("password=***"), m.toString());
    assertEquals("jdbc:postgresql://db/meta?user=vpr&password=***&ssl=true",
        Metastore.redact("jdbc:postgresql://db/meta?user=vpr&password=pw&ssl=true"));
    assertEquals("url = jdbc:mysql://vpr:***@db:3306/meta, username = vpr",
        Metastore.redact("url = jdbc:mysql://vpr:pw@db:3306/meta, username = vpr"));
    assertEquals("jdbc:postgresql://db:5432/meta", Metastore.redact("jdbc:postgresql://db:5432/meta"));
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
