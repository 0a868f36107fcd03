package ru.vpr.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's scenario sections and its bunching check against the planted endemic pushing. */
class EvaluationReportTest {
  private static final Evaluation.Row FULL = new Evaluation.Row("full model (configured signals)", 1, 10, 90, 0.95, 0.95,
      0.8, 0.75, 0.75, 0.6, 0.8, 0.01, 0.9, 12);

  @Test
  void eachScenarioHasItsSectionAndTheEndemicOneItsBunchingCheck() {
    List<BunchingCheck> checks = List.of(
        new BunchingCheck(101, 2025, "ma", 5, null, 1030, 990.0, 1080.0, 1000), // 3% off, covered
        new BunchingCheck(101, 2025, "ru", 5, null, 800, 700.0, 900.0, 1000), // 20% off, not covered
        new BunchingCheck(101, 2025, "ma", 5, "m01", 95, 80.0, 110.0, 100),
        new BunchingCheck(101, 2025, "ma", 5, "m02", 40, 30.0, 50.0, 100));
    String md = EvaluationReport.render("bin/vpr evaluate", List.of(
        new EvaluationReport.Section("targeted", "setup A", List.of(FULL), List.of(), null, List.of()),
        new EvaluationReport.Section("endemic", "setup B", List.of(FULL), List.of(),
            new Evaluation.ListCheck(40, 0.9, 0.5, 0.01), checks)));
    assertTrue(md.contains("## Scenario targeted\n\nsetup A"), md);
    assertTrue(md.contains("## Scenario endemic\n\nsetup B"), md);
    assertEquals(1, md.split("### Bunching at the first cut", -1).length - 1, "only the endemic scenario has the check");
    assertTrue(md.contains("| region | 2 | 2000 | 1830 | 0.115 | 50.0% | 50.0% |"), md);
    assertTrue(md.contains("| municipality | 2 | 200 | 135 | 0.325 | 50.0% | 50.0% |"), md);
    assertTrue(md.contains("- region: estimate within 15% of the plant in every work: NOT met (50.0% of works)"), md);
    assertFalse(md.contains("municipalities: 90% interval covers the plant in >= 85%: met"), md);
    assertTrue(md.contains("): 40 classes, precision 0.900, recall 0.500 of the planted scored classes, 1.0% of the genuinely"), md);
    assertTrue(md.contains("- published list: recall >= 0.6 at precision >= 0.85: NOT met (recall 0.500, precision 0.900)"), md);
    assertEquals(1, md.split("published list: recall", -1).length - 1, "the targeted section had no list");
  }
}
