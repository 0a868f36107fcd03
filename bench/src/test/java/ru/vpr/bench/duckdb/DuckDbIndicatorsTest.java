package ru.vpr.bench.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline's SQL on a region small enough to work out by hand. (That it equals the pipeline's
 * tables is checked by bench/run on a generated region, where both run.)
 */
class DuckDbIndicatorsTest {
  @TempDir static Path dir;
  static Path out;
  static DuckDbRun run;

  @BeforeAll
  static void compute() throws Exception {
    Path root = TinyRegion.write(dir.resolve("region"));
    out = dir.resolve("out");
    run = new DuckDbIndicators(root.resolve("landing"), root.resolve("schools.csv"), root.resolve("specs"), out, 10, 20).run();
  }

  @Test
  void readsEveryFormWhateverItsDelimiterAndHeaderSpelling() {
    assertEquals(3, run.files());
    assertEquals(6, run.works());
    assertEquals(15, run.taskScores(), "5 pupils wrote, 3 tasks each; the absent pupil has none");
  }

  @Test
  void regionMarksAndJournalComparison() throws SQLException {
    assertEquals(List.of("6 1 5 2.8 2 0 1 2 0.4 0.6 4 1 1 2 2"), rows("""
        SELECT participants, absent, written, mean_score, marks_2, marks_3, marks_4, marks_5, share_2, quality_share,
               with_journal, lowered, confirmed, raised, journal_gap_2
        FROM '%s/unit_indicators.parquet' WHERE level = 'region'"""));
  }

  @Test
  void classesAreNormalisedAndEveryLevelIsThere() throws SQLException {
    assertEquals(List.of(
        "class mo01 edu000001 5А 3 2", "class mo01 edu000002 5Б 2 2", "class mo02 edu000003 5А 1 1",
        "municipality mo01 null null 5 4", "municipality mo02 null null 1 1",
        "region null null null 6 5",
        "school mo01 edu000001 null 3 2", "school mo01 edu000002 null 2 2", "school mo02 edu000003 null 1 1"),
        rows("""
            SELECT level, municipality_code, login, class, participants, written
            FROM '%s/unit_indicators.parquet' ORDER BY ALL"""));
  }

  @Test
  void histogramHasEveryScoreOfTheScale() throws SQLException {
    assertEquals(List.of("0 0 0.0 2", "1 2 0.4 2", "2 0 0.0 3", "3 1 0.2 4", "4 1 0.2 5", "5 1 0.2 5"), rows("""
        SELECT primary_score, pupils, share, mark FROM '%s/score_histograms.parquet'
        WHERE level = 'region' ORDER BY primary_score"""));
  }

  @Test
  void taskCompletionCountsXAsZeroAndJudgesByLevel() throws SQLException {
    assertEquals(List.of("1 1 Б 5 7 0 70.0 achieved", "2.1 2 П 5 2 2 40.0 achieved", "3К1 3 Б 5 5 0 50.0 not_achieved"), rows("""
        SELECT task, task_order, task_level, written, score_sum, not_attempted, completion_pct, status
        FROM '%s/task_indicators.parquet' WHERE level = 'region' ORDER BY task_order"""));
    assertEquals(List.of("2 2 1", "4 1 2", "5 2 4"), rows("""
        SELECT mark, written, score_sum FROM '%s/task_mark_indicators.parquet'
        WHERE level = 'region' AND task = '1' ORDER BY mark"""));
  }

  private static List<String> rows(String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query.formatted(DuckDbIndicatorsTest.out))) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) cells.add(String.valueOf(r.getObject(i)));
        out.add(String.join(" ", cells));
      }
    }
    return out;
  }
}
