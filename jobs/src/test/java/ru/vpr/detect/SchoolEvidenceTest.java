package ru.vpr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import ru.vpr.table.Tables;
import ru.vpr.test.SparkTestBase;

/** The school's evidence sentence from its bunching rows: counts, Russian number forms, only clear excesses. */
class SchoolEvidenceTest extends SparkTestBase {
  private static Row school(String login, int mark, int cut, int below, long pupils, long on, long under, double expectedUnder,
      double pushed, double ciLow) {
    return RowFactory.create(2025, "ma", 5, "school", "m01", login, mark, cut, below, 0, pupils, on, 2.0, on, 2.0, under,
        expectedUnder, on - 2.0, expectedUnder - under, pushed, ciLow, ciLow + 10, "run");
  }

  @Test
  void aClearExcessReadsAsCountsAPersonCanCheck() {
    List<Row> rows = List.of(
        school("edu1", 3, 14, 3, 17, 9, 0, 3.2, 5.1, 3.0),
        school("edu1", 4, 18, 2, 17, 3, 0, 1.0, 1.5, 0.2), // weaker than its cut of «3»
        school("edu2", 4, 11, 1, 21, 1, 2, 3.4, 1.2, 0.5),
        school("edu3", 3, 14, 3, 30, 6, 4, 5.0, 2.0, -1.0)); // interval through zero: no finding
    Map<String, String> evidence = new TreeMap<>();
    for (Row r : SchoolEvidence.of(spark().createDataFrame(rows, Tables.BUNCHING.schema())).collectAsList()) {
      evidence.put(r.getString(3), r.getString(4));
    }
    assertEquals(Map.of(
        "edu1", "9 из 17 учащихся набрали ровно 14 баллов (первый балл отметки «3»), ни одного — 11–13 баллов",
        "edu2", "1 из 21 учащегося набрал ровно 11 баллов (первый балл отметки «4»), 2 (ожидалось около 3) — 10 баллов"),
        evidence);
  }
}
