package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.config.IndicatorsConfig.LowResults;

/** The indicators settings as the README states them, and a --conf file overriding them. */
class IndicatorsConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    IndicatorsConfig c = IndicatorsConfig.defaults();
    assertEquals(10, c.minGroup());
    assertEquals(20, c.minDistribution());
    assertEquals(new LowResults(List.of("ru", "ma"), 0.25, 0.9, 2, 10), c.lowResults());
    assertTrue(c.lowResults().describe().contains("share of mark 2 > 0.25 or >= the region's p90"), c.lowResults().describe());
  }

  @Test
  void aConfFileOverridesSomeValuesAndKeepsTheRest(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("my.conf");
    Files.writeString(conf, "vpr.indicators.low-results { share2-above = 0.3, subjects = [ma] }\nvpr.indicators.min-group = 5\n");
    IndicatorsConfig c = IndicatorsConfig.load(Optional.of(conf.toFile()));
    assertEquals(5, c.minGroup());
    assertEquals(20, c.minDistribution());
    assertEquals(new LowResults(List.of("ma"), 0.3, 0.9, 2, 10), c.lowResults());
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LowResults(List.of("ma"), 0.25, 1.5, 2, 10));
    assertThrows(IllegalArgumentException.class, () -> new LowResults(List.of("ma"), 0.25, 0.9, 0, 10));
  }
}
