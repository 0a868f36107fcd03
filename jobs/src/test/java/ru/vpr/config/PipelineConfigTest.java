package ru.vpr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertEquals(PipelineConfig.EMBEDDED_METASTORE, c.metastoreKind());
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
    assertEquals("thrift://meta:9083", c.metastoreUris());
    assertEquals("400", c.sparkConf().get("spark.sql.shuffle.partitions"));
    assertEquals("UTC", c.sparkConf().get("spark.sql.session.timeZone"));
  }

  @Test
  void shippedEnvironmentFilesLoad() {
    for (String name : new String[] {"local.conf", "cluster.conf", "s3.conf"}) {
      PipelineConfig c = PipelineConfig.load(Optional.of(new File("../conf/" + name)));
      assertTrue(c.landing() != null && !c.landing().isBlank(), name);
    }
    assertEquals(PipelineConfig.EXTERNAL_METASTORE, PipelineConfig.load(Optional.of(new File("../conf/cluster.conf"))).metastoreKind());
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
  void missingConfFileAndBadMetastoreKindAreClearErrors() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> PipelineConfig.load(Optional.of(new File("no-such.conf"))));
    assertTrue(missing.getMessage().contains("no-such.conf"));
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> new PipelineConfig("l", "r", "s", "", "", "/w", "p", "vpr", "remote", "", "local", "a", java.util.Map.of(), null));
    assertTrue(kind.getMessage().contains("embedded"));
  }
}
