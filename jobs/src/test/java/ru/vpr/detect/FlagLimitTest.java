package ru.vpr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/** The risk zone sized for a commission: at most a share of the year's scored school × works, strongest first. */
class FlagLimitTest extends SparkTestBase {

  /** Scored school × works s00..s{n-1} of one work, the first {@code flagged} flagged by the test, p rising with the index. */
  private Dataset<Row> schoolWorks(int n, int flagged) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(String.format(Locale.ROOT, "(2025, 'ma', 5, 's%02d', true, %s, %d, %dL)", i, Double.toString(0.0001 * (i + 1)),
          i < flagged ? 1 : 0, i < flagged ? 2 : 0));
    }
    rows.add("(2025, 'ma', 5, 'unscored', false, null, 0, 0L)");
    return spark().sql("SELECT year, subject, grade, login, scored, combined_p, flag = 1 AS flagged, units_flagged FROM VALUES "
        + String.join(", ", rows) + " AS t(year, subject, grade, login, scored, combined_p, flag, units_flagged)");
  }

  private static Set<String> flagged(Dataset<Row> units) {
    Set<String> out = new TreeSet<>();
    for (Row r : units.where("flagged").select("login").collectAsList()) out.add(r.getString(0));
    return out;
  }

  @Test
  void theStrongestTenPercentOfTheScoredStay() {
    Dataset<Row> limited = FlagLimit.schoolWorks(schoolWorks(25, 6), 0.10);
    assertEquals(Set.of("s00", "s01", "s02"), flagged(limited), "ceil(25 * 0.1) = 3 of the 6 flagged, smallest p first");
    assertEquals(0L, limited.where("login = 's03'").first().<Long>getAs("units_flagged"), "its classes are dropped too");

    Dataset<Row> classes = spark().sql("SELECT * FROM VALUES (2025, 'ma', 5, 's00', '5а', true), (2025, 'ma', 5, 's04', '5а', true)"
        + " AS t(year, subject, grade, login, class, flagged)");
    assertEquals(Set.of("s00"), flagged(FlagLimit.classes(classes, limited)), "a class stays flagged only with its school × work");
  }

  @Test
  void aSmallRegionKeepsItsStrongestAndNoLimitKeepsAll() {
    assertEquals(Set.of("s00"), flagged(FlagLimit.schoolWorks(schoolWorks(5, 2), 0.10)), "ceil(0.5) = 1, never none");
    assertEquals(Set.of("s00", "s01"), flagged(FlagLimit.schoolWorks(schoolWorks(5, 2), 0)), "0 = no limit");
  }
}
