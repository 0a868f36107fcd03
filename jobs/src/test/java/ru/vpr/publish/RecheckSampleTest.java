package ru.vpr.publish;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import ru.vpr.config.PublishConfig;
import ru.vpr.test.SparkTestBase;

/**
 * The re-check sample on hand-made evidence: three flagged classes of municipality 01 (ranks 1, 2
 * and 5) and one of 02, whose capacity is set to 0. Class A was flagged for threshold bunching, B for
 * identical works, C only by the outlier model (its pupils carry no evidence).
 */
class RecheckSampleTest extends SparkTestBase {
  private static final String EVIDENCE = "year INT, subject STRING, grade INT, municipality_code STRING, login STRING, "
      + "class STRING, code STRING, primary_score INT, max_score INT, mark INT, mark_min INT, journal_mark INT, "
      + "person_fit_z DOUBLE, rubric_z DOUBLE, identical_works BIGINT";
  private static final String RISK = "year INT, subject STRING, grade INT, municipality_code STRING, login STRING, "
      + "class STRING, scored BOOLEAN, flagged BOOLEAN, risk_rank INT, reasons STRING";

  private static PublishConfig.Recheck settings(long seed) {
    return new PublishConfig.Recheck(5, Map.of("02", 0), 3, 1, 1, 2, 1, 1.645, seed);
  }

  private static Dataset<Row> evidence() {
    Frames f = Frames.of(EVIDENCE);
    // Class A: pupils 1-4 sit on or 1 above a threshold (min3 = 10), 1 and 2 with the same journal mark; 5-8 well above.
    for (int i = 1; i <= 8; i++) {
      int score = i <= 4 ? 10 + (i % 2) : 15 + i;
      f.row(2025, "ma", 5, "01", "edu000001", "5А", "a" + i, score, 30, i <= 4 ? 3 : 4, i <= 4 ? 10 : 15, i <= 2 ? 3 : 4, 0.0, 0.0, 1L);
    }
    // Class B: pupils 1-3 hand in the same work; pupil 4 has an odd person-fit.
    for (int i = 1; i <= 6; i++) {
      f.row(2025, "ma", 5, "01", "edu000002", "5Б", "b" + i, 20 + i, 30, 4, 15, 3, i == 4 ? 2.5 : 0.0, 0.0,
          i <= 3 ? 3L : 1L);
    }
    // Class C: nothing stands out.
    for (int i = 1; i <= 5; i++) {
      f.row(2025, "ma", 5, "01", "edu000003", "5В", "c" + i, 18 + i, 30, 4, 15, 4, 0.0, 0.0, 1L);
    }
    // Municipality 02: evidence, but no capacity.
    f.row(2025, "ma", 5, "02", "edu000004", "5А", "d1", 10, 30, 3, 10, 3, 0.0, 0.0, 1L);
    return f.frame(spark());
  }

  private static Dataset<Row> riskClasses() {
    return Frames.of(RISK)
        .row(2025, "ma", 5, "01", "edu000001", "5А", true, true, 1, "S2_thresholds|S6_journal")
        .row(2025, "ma", 5, "01", "edu000002", "5Б", true, true, 2, "S4_identical")
        .row(2025, "ma", 5, "01", "edu000003", "5В", true, true, 5, "O_mahalanobis_year")
        .row(2025, "ma", 5, "02", "edu000004", "5А", true, true, 3, "S2_thresholds")
        .frame(spark());
  }

  @Test
  void capacityIsFilledRoundRobinOverFlaggedClassesRiskiestFirst() {
    List<Row> picked = new RecheckSample(settings(7)).evidenceWorks(evidence(), riskClasses())
        .orderBy("pick").collectAsList();
    assertEquals(5, picked.size(), "capacity of 01 is 5; 02 has 0");
    assertTrue(picked.stream().allMatch(r -> "01".equals(r.getAs("municipality_code"))));
    // First round: the best work of A, B, C; second round: A and B (C has no evidence beyond its one work).
    assertEquals(List.of("5А", "5Б", "5В", "5А", "5Б"), picked.stream().map(r -> r.<String>getAs("class")).toList());
    Map<String, String> reasons = picked.stream().collect(Collectors.toMap(r -> r.getAs("code"), r -> r.getAs("reason")));
    reasons.forEach((code, reason) -> {
      if (code.startsWith("a")) assertTrue(reason.contains("threshold"), code + " " + reason);
      if (code.startsWith("c")) assertEquals("flagged_class", reason);
    });
    // Class B's first pick is one of its identical works (weighted double: the class was flagged for them).
    Row firstOfB = picked.get(1);
    assertTrue(firstOfB.<String>getAs("reason").contains("identical"), firstOfB.toString());
    // A's threshold pupils whose journal mark equals their mark carry the journal evidence too.
    assertTrue(reasons.values().stream().anyMatch(r -> r.contains("journal")), reasons.toString());
  }

  @Test
  void noClassGivesMoreThanItsMaximum() {
    PublishConfig.Recheck roomy = new PublishConfig.Recheck(100, Map.of(), 3, 1, 0, 0, 1, 1.645, 7);
    List<Row> picked = new RecheckSample(roomy).evidenceWorks(evidence(), riskClasses()).collectAsList();
    Map<String, Long> perClass = picked.stream()
        .collect(Collectors.groupingBy(r -> r.<String>getAs("login") + r.getAs("class"), Collectors.counting()));
    assertTrue(perClass.values().stream().allMatch(n -> n <= 3), perClass.toString());
    assertEquals(1L, perClass.get("edu0000035В"), "a class without evidence gives min-per-class works");
    assertEquals(1L, perClass.get("edu0000045А"));
  }

  @Test
  void controlSampleComesFromUnflaggedSchoolsAndIsReproducible() {
    Frames schools = Frames.of("year INT, subject STRING, grade INT, municipality_code STRING, login STRING, "
        + "scored BOOLEAN, flagged BOOLEAN");
    Frames totals = Frames.of("year INT, login STRING, flagged BOOLEAN");
    Frames results = Frames.of("year INT, subject STRING, grade INT, municipality_code STRING, login STRING, "
        + "class STRING, code STRING, absent BOOLEAN");
    for (int s = 1; s <= 6; s++) {
      String login = String.format("edu1000%02d", s);
      boolean flaggedSchool = s <= 2;
      schools.row(2025, "ma", 5, "01", login, true, flaggedSchool).row(2025, "ru", 5, "01", login, true, false);
      totals.row(2025, login, flaggedSchool);
      for (int p = 1; p <= 5; p++) {
        results.row(2025, "ma", 5, "01", login, "5А", login + "-m" + p, p == 5);
        results.row(2025, "ru", 5, "01", login, "5А", login + "-r" + p, false);
      }
    }
    Dataset<Row> frame = schools.frame(spark());
    Dataset<Row> t = totals.frame(spark());
    Dataset<Row> r = results.frame(spark());
    PublishConfig.Recheck twoSchools = new PublishConfig.Recheck(5, Map.of(), 3, 1, 2, 3, 1, 1.645, 11);
    List<Row> first = new RecheckSample(twoSchools).controlWorks(frame, t, r).orderBy("pick").collectAsList();
    List<Row> again = new RecheckSample(twoSchools).controlWorks(frame, t, r).orderBy("pick").collectAsList();
    assertEquals(first, again, "same seed, same sample");
    assertEquals(6, first.size(), "two schools, three works each");
    assertTrue(first.stream().noneMatch(row -> List.of("edu100001", "edu100002").contains(row.<String>getAs("login"))),
        "flagged schools are never controls");
    assertTrue(first.stream().allMatch(row -> "control".equals(row.getAs("reason"))));
    assertTrue(first.stream().noneMatch(row -> row.<String>getAs("code").endsWith("-m5")), "absent pupils have no work");
    assertEquals(2, first.stream().map(row -> row.<String>getAs("login")).distinct().count());
    List<String> codes = first.stream().map(row -> row.<String>getAs("code")).sorted().toList();
    boolean differs = false;
    for (long seed = 12; seed < 20 && !differs; seed++) {
      PublishConfig.Recheck other = new PublishConfig.Recheck(5, Map.of(), 3, 1, 2, 3, 1, 1.645, seed);
      differs = !codes.equals(new RecheckSample(other).controlWorks(frame, t, r)
          .select("code").collectAsList().stream().map(row -> row.getString(0)).sorted().toList());
    }
    assertTrue(differs, "another seed draws another sample");
  }

  @Test
  void drawUnitesEvidenceAndControlWithTheContractColumns() {
    Dataset<Row> risk = riskClasses();
    Dataset<Row> schools = risk.select("year", "subject", "grade", "municipality_code", "login", "scored", "flagged")
        .unionByName(Frames.of("year INT, subject STRING, grade INT, municipality_code STRING, login STRING, "
            + "scored BOOLEAN, flagged BOOLEAN").row(2025, "ma", 5, "01", "edu000009", true, false).frame(spark()));
    Dataset<Row> totals = schools.select("year", "login", "flagged");
    Dataset<Row> results = Frames.of("year INT, subject STRING, grade INT, municipality_code STRING, login STRING, "
            + "class STRING, code STRING, absent BOOLEAN")
        .row(2025, "ma", 5, "01", "edu000009", "5А", "z1", false).frame(spark());
    Dataset<Row> sample = new RecheckSample(settings(7)).draw(evidence(), risk, schools, totals, results);
    assertEquals(RecheckSample.COLUMNS, List.of(sample.columns()));
    assertEquals(1, sample.where(col("reason").equalTo("control")).count());
    assertNotEquals(0, sample.where(col("reason").notEqual("control")).count());
  }
}
