package ru.vpr.bench.duckdb;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL an analyst would write to get pupil rows out of the landing csv files with DuckDB: the
 * reference files; then, work folder by work folder, the forms in one {@code read_csv} (DuckDB sniffs
 * each file's delimiter and unites the headers by name) cut into pupil rows and task cells; then
 * {@code results} (pupil × work) and {@code task_scores} (pupil × task) with the contract's rules:
 * {@code X} is not attempted and counts 0 in the primary score, absent pupils have no scores, marks
 * come from the year's scale, classes are normalised to {@code 5А}. Nothing is validated: the forms
 * are taken to be clean, as the generated ones are.
 *
 * <p>One folder at a time because a work's forms share their task columns: read all at once, the
 * union of every work's task columns (hundreds) over every row ran DuckDB out of 19 GB at 100
 * thousand works.
 */
final class PupilTables {
  private PupilTables() {}

  /** Reference tables, and the empty tables the work folders fill. */
  static List<String> reference(String registry, String specs) {
    return List.of(
        """
        CREATE TABLE schools AS
          SELECT login, municipality_code
          FROM read_csv(%s, delim = ';', header = true, all_varchar = true)""".formatted(Sql.literal(registry)),
        """
        CREATE TABLE spec_lines AS
          SELECT CAST(year AS INTEGER) AS year, subject, CAST(grade AS INTEGER) AS grade, task,
                 CAST("max" AS INTEGER) AS max, level AS task_level, scoring
          FROM read_csv(%s, delim = ';', header = true, all_varchar = true)""".formatted(Sql.literal(specs + "/tasks.csv")),
        // A task's place in the form is its line in the spec: the ingest's task_order.
        """
        CREATE TABLE spec_tasks AS
          SELECT *, CAST(row_number() OVER (PARTITION BY year, subject, grade ORDER BY rowid) AS INTEGER) AS task_order
          FROM spec_lines""",
        """
        CREATE TABLE scales AS
          SELECT CAST(year AS INTEGER) AS year, subject, CAST(grade AS INTEGER) AS grade, CAST(min3 AS INTEGER) AS min3,
                 CAST(min4 AS INTEGER) AS min4, CAST(min5 AS INTEGER) AS min5, CAST("max" AS INTEGER) AS max_score
          FROM read_csv(%s, delim = ';', header = true, all_varchar = true)""".formatted(Sql.literal(specs + "/scales.csv")),
        "CREATE MACRO share(part, whole) AS CASE WHEN whole > 0 THEN CAST(part AS DOUBLE) / whole END",
        """
        CREATE TABLE pupil_rows (row_id BIGINT, year INTEGER, subject VARCHAR, grade INTEGER, filename VARCHAR,
          login VARCHAR, code VARCHAR, variant_text VARCHAR, class VARCHAR, journal_text VARCHAR)""",
        "CREATE TABLE task_cells (row_id BIGINT, task VARCHAR, cell VARCHAR)");
  }

  /** The forms of one work folder into {@code forms}. */
  static String readWork(String folder) {
    return """
        CREATE OR REPLACE TABLE forms AS
          SELECT * FROM read_csv(%s, union_by_name = true, all_varchar = true, filename = true, hive_partitioning = true)"""
        .formatted(Sql.literal(folder + "/*.csv"));
  }

  /**
   * {@code forms}, once its columns are known, appended to {@code pupil_rows} and {@code task_cells};
   * row ids are {@code forms}' own plus {@code offset}, so that they stay unique over the folders.
   */
  static List<String> extractWork(FormColumns columns, long offset) {
    String login = columns.login().isEmpty() ? loginFromFileName()
        : "coalesce(" + Sql.firstCell(columns.login()) + ", " + loginFromFileName() + ")";
    String journal = columns.journal().isEmpty() ? "CAST(NULL AS VARCHAR)" : Sql.firstCell(columns.journal());
    String taskColumns = Sql.identifiers(List.copyOf(columns.tasks().keySet()));
    String headers = columns.tasks().entrySet().stream()
        .map(e -> "(" + Sql.literal(e.getKey()) + ", " + Sql.literal(e.getValue()) + ")")
        .collect(Collectors.joining(", "));
    return List.of(
        """
        INSERT INTO pupil_rows
          SELECT rowid + %d, CAST(year AS INTEGER), subject, CAST(grade AS INTEGER), filename,
                 %s,
                 %s,
                 lower(regexp_replace(%s, '\\s+', ' ', 'g')),
                 %s,
                 %s
          FROM forms""".formatted(offset, login, Sql.firstCell(columns.code()), Sql.firstCell(columns.variant()),
            className(Sql.firstCell(columns.className())), journal),
        // UNPIVOT leaves out empty cells: absent pupils' rows.
        """
        INSERT INTO task_cells
          SELECT c.row_id + %d, h.task, upper(trim(c.cell))
          FROM (UNPIVOT (SELECT rowid AS row_id, %s FROM forms) ON %s INTO NAME header VALUE cell) c
          JOIN (VALUES %s) h(header, task) USING (header)""".formatted(offset, taskColumns, taskColumns, headers));
  }

  /** {@code results} and {@code task_scores} from every work's pupil rows and task cells. */
  static List<String> normalise() {
    return List.of(
        """
        CREATE TABLE pupils AS
          SELECT row_id, year, subject, grade, login, code, class,
                 coalesce(variant_text LIKE 'отсутствовал%' OR variant_text LIKE 'не присутствовал%', false) AS absent,
                 CASE WHEN TRY_CAST(regexp_replace(journal_text, '[.,]0+$', '') AS INTEGER) BETWEEN 2 AND 5
                      THEN TRY_CAST(regexp_replace(journal_text, '[.,]0+$', '') AS INTEGER) END AS journal_mark
          FROM pupil_rows""",
        """
        CREATE TABLE task_scores AS
          SELECT p.row_id, p.year, p.subject, p.grade, p.login, p.class, p.code,
                 t.task, t.task_order, t.task_level, t.scoring, t.max,
                 CASE WHEN c.cell IN ('X', 'Х') THEN NULL
                      ELSE CAST(regexp_replace(c.cell, '[.,]0+$', '') AS INTEGER) END AS score,
                 c.cell IN ('X', 'Х') AS not_attempted
          FROM task_cells c
          JOIN pupils p USING (row_id)
          JOIN spec_tasks t ON t.year = p.year AND t.subject = p.subject AND t.grade = p.grade AND t.task = c.task
          WHERE NOT p.absent""",
        """
        CREATE TABLE results AS
          SELECT p.row_id, p.year, p.subject, p.grade, s.municipality_code, p.login, p.class, p.code, p.absent,
                 p.journal_mark, sc.max_score, ps.primary_score,
                 CASE WHEN p.absent THEN NULL
                      WHEN ps.primary_score >= sc.min5 THEN 5 WHEN ps.primary_score >= sc.min4 THEN 4
                      WHEN ps.primary_score >= sc.min3 THEN 3 ELSE 2 END AS mark
          FROM pupils p
          JOIN schools s USING (login)
          JOIN scales sc USING (year, subject, grade)
          LEFT JOIN (SELECT row_id, CAST(sum(coalesce(score, 0)) AS INTEGER) AS primary_score
                     FROM task_scores GROUP BY row_id) ps USING (row_id)""");
  }

  /** A school form is named by the school's login ({@code edu123456.csv}). */
  private static String loginFromFileName() {
    return "regexp_extract(filename, '([^/\\\\]+)\\.csv$', 1)";
  }

  /**
   * {@code 5а}, {@code 5 Б}, {@code 5-в}, {@code 5 класс А} to {@code 5А}: upper case, the word
   * "класс" and separators dropped, Latin look-alike letters read as Cyrillic, Ё as Е.
   */
  private static String className(String cell) {
    return "replace(translate(regexp_replace(regexp_replace(upper(" + cell + "), '\\s*(КЛАСС|КЛ\\.?)\\s*', ' ', 'g'),"
        + " '[\\s\\x{00A0}\"''«»“”„\\-–—.()]', '', 'g'), 'ABEKMHOPCTX', 'АВЕКМНОРСТХ'), 'Ё', 'Е')";
  }

  static final String COUNT_FILES = "SELECT count(DISTINCT filename) FROM pupil_rows";
  static final String COUNT_WORKS = "SELECT count(*) FROM results";
  static final String COUNT_TASK_SCORES = "SELECT count(*) FROM task_scores";
}
