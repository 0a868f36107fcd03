package ru.vpr.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lines that end a publish: where to start, what each file is, with absolute paths. */
class PublishSummaryTest {
  private static PublishSummary.Year year(int year, String dir) {
    return new PublishSummary.Year(year, "id" + year, dir, Map.of(), Map.of(), 1, 2, 3);
  }

  @Test
  void theGuideStartsWithTheLatestWorkbookAtItsAbsolutePath() {
    PublishSummary summary = new PublishSummary("run", List.of(2024, 2025),
        List.of(year(2024, "publish/2024"), year(2025, "publish/2025")), Map.of());
    String guide = summary.guide();
    String latest = Path.of("publish/2025").toAbsolutePath().normalize().toString();
    List<String> lines = guide.lines().toList();
    assertEquals("Open first: " + latest + "/risk_zone.xlsx", lines.get(0));
    assertTrue(lines.get(1).contains("2025 risk zone"), guide);
    for (String file : List.of("reports/region.html", "risk_schools.csv", "recheck_sample.csv", "manifest.json")) {
      assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith(file + " ")), file + " in\n" + guide);
    }
    assertTrue(guide.contains("Earlier years: " + Path.of("publish/2024").toAbsolutePath().normalize()), guide);
  }

  @Test
  void aUriIsShownAsItIsAndNothingPublishedSaysNothing() {
    String guide = new PublishSummary("run", List.of(2025), List.of(year(2025, "s3a://vpr/publish/2025")), Map.of()).guide();
    assertTrue(guide.startsWith("Open first: s3a://vpr/publish/2025/risk_zone.xlsx"), guide);
    assertEquals("", new PublishSummary("run", List.of(), List.of(), Map.of()).guide());
  }
}
