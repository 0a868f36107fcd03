package ru.vpr.publish;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.detect.bunching.Bunching;
import ru.vpr.publish.model.PushedPupils;
import ru.vpr.publish.model.ScoreHistogram;

/**
 * The reports' bunching: per unit (the region, each municipality) and work, the score histogram with
 * the counterfactual curve and the pupils pushed over each cut, from {@code bunching} and
 * {@code bunching_curves}. A year has a few dozen works × municipalities × scores: read on the driver.
 */
final class PushedPupilsCollector {
  static final String LINE = "Ожидаемое без дотягивания";
  /** The key of the region's list in {@link #collect}'s map. */
  static final String REGION = "";

  private final Dataset<Row> bunching;
  private final Dataset<Row> curves;
  private final Map<String, String> subjectNames;

  PushedPupilsCollector(Dataset<Row> bunching, Dataset<Row> curves, Map<String, String> subjectNames) {
    this.bunching = bunching;
    this.curves = curves;
    this.subjectNames = subjectNames;
  }

  /** Municipality code (or {@link #REGION}) to its works, in subject and grade order. */
  Map<String, List<PushedPupils>> collect(int year) {
    List<String> levels = List.of(Bunching.REGION, Bunching.MUNICIPALITY);
    Map<String, List<Row>> cutsByUnitWork = new LinkedHashMap<>();
    for (Row r : bunching.where(col("year").equalTo(year).and(col("level").isin(levels.toArray())))
        .orderBy("subject", "grade", "municipality_code", "cut_mark").collectAsList()) {
      cutsByUnitWork.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<Row>> curveByUnitWork = new LinkedHashMap<>();
    for (Row r : curves.where(col("year").equalTo(year).and(col("level").isin(levels.toArray())))
        .orderBy("subject", "grade", "municipality_code", "score").collectAsList()) {
      curveByUnitWork.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<PushedPupils>> out = new TreeMap<>();
    cutsByUnitWork.forEach((key, cuts) -> {
      List<Row> curve = curveByUnitWork.get(key);
      if (curve == null || curve.isEmpty()) return;
      Row first = cuts.get(0);
      out.computeIfAbsent(unit(first), k -> new ArrayList<>()).add(work(first, cuts, curve));
    });
    return out;
  }

  private PushedPupils work(Row first, List<Row> cuts, List<Row> curve) {
    String subject = Rows.text(first, "subject");
    int grade = Rows.integer(first, "grade");
    int max = curve.stream().mapToInt(r -> Rows.integer(r, "score")).max().orElse(0);
    long[] pupils = new long[max + 1];
    double[] expected = new double[max + 1];
    long total = 0;
    for (Row r : curve) {
      int s = Rows.integer(r, "score");
      pupils[s] = Rows.whole(r, "observed");
      expected[s] = Rows.decimal(r, "counterfactual");
      total += pupils[s];
    }
    // The line as shares of the unit's pupils, like the bars.
    for (int s = 0; s <= max; s++) expected[s] = total == 0 ? 0 : expected[s] / total;
    int[] minimums = {0, 0, 0};
    List<PushedPupils.Cut> out = new ArrayList<>();
    for (Row c : cuts) {
      int mark = Rows.integer(c, "cut_mark");
      if (mark >= 3 && mark <= 5) minimums[mark - 3] = Rows.integer(c, "cut_score");
      out.add(new PushedPupils.Cut(mark, Rows.integer(c, "cut_score"), Rows.decimal(c, "pushed"),
          Rows.nullableDecimal(c, "ci_low"), Rows.nullableDecimal(c, "ci_high")));
    }
    String name = subjectNames.getOrDefault(subject, subject);
    ScoreHistogram chart = new ScoreHistogram(name + ", " + grade + " класс", max, minimums[0], minimums[1], minimums[2],
        pupils, expected, LINE);
    return new PushedPupils(subject, name, grade, chart, out);
  }

  private static String key(Row r) {
    return Rows.text(r, "subject") + "|" + Rows.integer(r, "grade") + "|" + unit(r);
  }

  /** The municipality's code, or REGION for the region's rows. */
  private static String unit(Row r) {
    String code = Rows.text(r, "municipality_code");
    return code == null ? REGION : code;
  }
}
