package ru.vpr.bench.duckdb;

import java.util.ArrayList;
import java.util.List;

/**
 * The indicators job's four pupil-level tables in DuckDB SQL: {@code unit_indicators},
 * {@code score_histograms}, {@code task_indicators} and {@code task_mark_indicators}, at class, school,
 * municipality and region level, each written to a parquet file so that the work is really done.
 * The formulas follow {@code ru.vpr.indicators} (README, Indicators: Definitions); the check of
 * {@code bench/run} compares the files with the pipeline's tables value by value.
 *
 * <p>Like the job, each table is one {@code GROUPING SETS} aggregation whose coarsest rolled-up unit
 * key names the level. The job's derived tables (dynamics, class deficits, schools with low results)
 * are not reproduced: they read the tables above back and are not what an analyst would redo.
 */
final class IndicatorQueries {
  static final List<String> TABLES = List.of("unit_indicators", "score_histograms", "task_indicators", "task_mark_indicators");

  private static final String LEVEL = """
      CASE WHEN grouping(municipality_code) = 1 THEN 'region' WHEN grouping(login) = 1 THEN 'municipality'
           WHEN grouping(class) = 1 THEN 'school' ELSE 'class' END""";
  private static final String UNIT = "level, municipality_code, login, class";

  private final String out;
  private final int minGroup;
  private final int minDistribution;

  /**
   * @param out folder for the parquet files
   * @param minGroup, minDistribution the job's {@code vpr.indicators.min-group} and {@code min-distribution}
   */
  IndicatorQueries(String out, int minGroup, int minDistribution) {
    this.out = out;
    this.minGroup = minGroup;
    this.minDistribution = minDistribution;
  }

  /** Every statement, in order. */
  List<String> all() {
    List<String> sql = new ArrayList<>();
    sql.add(unitIndicators());
    sql.add(scoreHistograms());
    sql.add(pupilTasks());
    sql.add(completion("task_indicators", false));
    sql.add(completion("task_mark_indicators", true));
    return sql;
  }

  /** The class, school, municipality and region sets over the work keys {@code keys}. */
  static String groupingSets(String keys) {
    return "GROUPING SETS ((%1$s, municipality_code, login, class), (%1$s, municipality_code, login), (%1$s, municipality_code), (%1$s))"
        .formatted(keys);
  }

  private String copy(String table, String query) {
    return "COPY (" + query + ") TO " + Sql.literal(out + "/" + table + ".parquet") + " (FORMAT parquet)";
  }

  private String smallFlags() {
    return "written < %d AS small_for_groups, written < %d AS small_for_distribution".formatted(minGroup, minDistribution);
  }

  String unitIndicators() {
    return copy("unit_indicators", """
        WITH counts AS (
          SELECT year, subject, grade, %s AS level, municipality_code, login, class,
                 count(*) AS participants,
                 count(*) FILTER (WHERE absent) AS absent_pupils,
                 count(*) FILTER (WHERE NOT absent) AS written,
                 max(max_score) AS max_score,
                 avg(primary_score) FILTER (WHERE NOT absent) AS mean_score,
                 avg(primary_score * CAST(100.0 AS DOUBLE) / max_score) FILTER (WHERE NOT absent) AS mean_score_pct,
                 stddev_samp(primary_score) FILTER (WHERE NOT absent) AS sd_score,
                 count(*) FILTER (WHERE NOT absent AND mark = 2) AS marks_2,
                 count(*) FILTER (WHERE NOT absent AND mark = 3) AS marks_3,
                 count(*) FILTER (WHERE NOT absent AND mark = 4) AS marks_4,
                 count(*) FILTER (WHERE NOT absent AND mark = 5) AS marks_5,
                 count(*) FILTER (WHERE NOT absent AND journal_mark IS NOT NULL) AS with_journal,
                 count(*) FILTER (WHERE NOT absent AND mark < journal_mark) AS lowered,
                 count(*) FILTER (WHERE NOT absent AND mark = journal_mark) AS confirmed,
                 count(*) FILTER (WHERE NOT absent AND mark > journal_mark) AS raised,
                 count(*) FILTER (WHERE NOT absent AND abs(mark - journal_mark) >= 2) AS journal_gap_2
          FROM results
          GROUP BY %s)
        SELECT year, subject, grade, %s, participants, absent_pupils AS absent, written, max_score,
               mean_score, mean_score_pct, sd_score, marks_2, marks_3, marks_4, marks_5,
               share(marks_2, written) AS share_2, share(marks_3, written) AS share_3,
               share(marks_4, written) AS share_4, share(marks_5, written) AS share_5,
               share(marks_3 + marks_4 + marks_5, written) AS success_share,
               share(marks_4 + marks_5, written) AS quality_share,
               with_journal, lowered, confirmed, raised,
               share(lowered, with_journal) AS lowered_share, share(confirmed, with_journal) AS confirmed_share,
               share(raised, with_journal) AS raised_share, journal_gap_2, %s
        FROM counts""".formatted(LEVEL, groupingSets("year, subject, grade"), UNIT, smallFlags()));
  }

  String scoreHistograms() {
    return copy("score_histograms", """
        WITH counts AS (
          SELECT year, subject, grade, primary_score, %s AS level, municipality_code, login, class, count(*) AS pupils
          FROM results WHERE NOT absent
          GROUP BY %s),
        units AS (
          SELECT year, subject, grade, %s, CAST(sum(pupils) AS BIGINT) AS written
          FROM counts GROUP BY ALL),
        grid AS (
          SELECT u.*, s.min3, s.min4, s.min5, s.max_score,
                 CAST(unnest(range(0, s.max_score + 1)) AS INTEGER) AS primary_score
          FROM units u JOIN scales s USING (year, subject, grade)),
        region AS (
          SELECT year, subject, grade, primary_score, pupils AS region_pupils FROM counts WHERE level = 'region'),
        region_written AS (
          SELECT year, subject, grade, written AS region_written FROM units WHERE level = 'region')
        SELECT g.year, g.subject, g.grade, g.level, g.municipality_code, g.login, g.class, g.primary_score,
               coalesce(c.pupils, 0) AS pupils, share(coalesce(c.pupils, 0), g.written) AS share,
               coalesce(r.region_pupils, 0) AS region_pupils,
               share(coalesce(r.region_pupils, 0), w.region_written) AS region_share,
               CASE WHEN g.primary_score >= g.min5 THEN 5 WHEN g.primary_score >= g.min4 THEN 4
                    WHEN g.primary_score >= g.min3 THEN 3 ELSE 2 END AS mark,
               g.min3, g.min4, g.min5, g.max_score, g.written,
               g.written < %d AS small_for_distribution
        FROM grid g
        LEFT JOIN counts c ON c.year = g.year AND c.subject = g.subject AND c.grade = g.grade AND c.level = g.level
             AND c.municipality_code IS NOT DISTINCT FROM g.municipality_code
             AND c.login IS NOT DISTINCT FROM g.login AND c.class IS NOT DISTINCT FROM g.class
             AND c.primary_score = g.primary_score
        LEFT JOIN region r ON r.year = g.year AND r.subject = g.subject AND r.grade = g.grade
             AND r.primary_score = g.primary_score
        LEFT JOIN region_written w ON w.year = g.year AND w.subject = g.subject AND w.grade = g.grade"""
        .formatted(LEVEL, groupingSets("year, subject, grade, primary_score"), UNIT, minDistribution));
  }

  /** Pupil × task rows of the works written, with the pupil's municipality and mark. */
  static String pupilTasks() {
    return """
        CREATE TABLE pupil_tasks AS
          SELECT t.year, t.subject, t.grade, r.municipality_code, t.login, t.class, t.task, t.task_order,
                 t.task_level, t.scoring, t.max, r.mark, t.score, t.not_attempted
          FROM task_scores t JOIN results r USING (row_id)
          WHERE NOT r.absent""";
  }

  /**
   * Completion per task (and per mark group): mean score / max with X as 0, the X share, and the
   * status against the bars in per mille (Б 600, else 300; uncertain from 570 and 285), exactly as the
   * job tests them on whole points.
   */
  String completion(String table, boolean byMark) {
    String task = "year, subject, grade, task, task_order, task_level, scoring, max" + (byMark ? ", mark" : "");
    return copy(table, """
        WITH sums AS (
          SELECT %s, %s AS level, municipality_code, login, class,
                 count(*) AS written,
                 CAST(sum(coalesce(score, 0)) AS BIGINT) AS score_sum,
                 count(*) FILTER (WHERE not_attempted) AS not_attempted
          FROM pupil_tasks
          GROUP BY %s)
        SELECT year, subject, grade, %s, task, task_order, task_level, scoring, max, %s
               written, score_sum, not_attempted,
               CASE WHEN written * max > 0 THEN score_sum * CAST(100.0 AS DOUBLE) / (written * max) END AS completion_pct,
               share(not_attempted, written) AS not_attempted_share,
               CASE WHEN task_level IS NULL OR written * max <= 0 THEN NULL
                    WHEN score_sum * 1000 >= written * max * (CASE WHEN task_level = 'Б' THEN 600 ELSE 300 END) THEN 'achieved'
                    WHEN score_sum * 1000 >= written * max * (CASE WHEN task_level = 'Б' THEN 570 ELSE 285 END) THEN 'uncertain'
                    ELSE 'not_achieved' END AS status,
               %s
        FROM sums""".formatted(task, LEVEL, groupingSets(task), UNIT, byMark ? "mark," : "", smallFlags()));
  }
}
