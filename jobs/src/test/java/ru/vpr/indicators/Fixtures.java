package ru.vpr.indicators;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import ru.vpr.table.Tables;

/**
 * Tiny in-memory inputs for the indicator tests: maths grade 5 with max 6 and the scale
 * min3 = 2, min4 = 3, min5 = 5 (the same as the ingest fixture), rows written as each test needs.
 */
final class Fixtures {
  static final int MAX = 6;
  static final int MIN3 = 2;
  static final int MIN4 = 3;
  static final int MIN5 = 5;

  private final SparkSession spark;
  private final List<Row> results = new ArrayList<>();
  private final List<Row> taskScores = new ArrayList<>();
  private int nextCode = 10000;

  Fixtures(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * The nine pupils of maths grade 5, 2025 that the indicator tests compute by hand (see
   * {@link UnitIndicatorsTest} for the table): two municipalities, three schools, four classes,
   * one absent pupil, two pupils without a journal mark.
   */
  static Fixtures ninePupils(SparkSession spark) {
    return new Fixtures(spark)
        .pupil("m01", "edu1", "5А", "p1", 6, 5)
        .pupil("m01", "edu1", "5А", "p2", 1, 4)
        .absent(2025, "ma", "m01", "edu1", "5А", "p3", 4)
        .pupil("m01", "edu1", "5А", "p4", 3, null)
        .pupil("m01", "edu1", "5Б", "p5", 2, 2)
        .pupil("m01", "edu2", "5А", "p6", 5, 3)
        .pupil("m01", "edu2", "5А", "p7", 3, 4)
        .pupil("m02", "edu3", "5А", "p8", 1, 2)
        .pupil("m02", "edu3", "5А", "p9", 1, null);
  }

  /** A pupil who wrote; journal may be null. Mark from the scale. */
  Fixtures pupil(int year, String subject, String muni, String login, String cls, String code, int score, Integer journal) {
    results.add(RowFactory.create(year, subject, 5, login, muni, cls, code, null, 1, false, score, MAX,
        Math.round(score * 10000.0 / MAX) / 100.0, mark(score), journal, 0, null, "f.csv", 2, "r"));
    return this;
  }

  Fixtures pupil(String muni, String login, String cls, String code, int score, Integer journal) {
    return pupil(2025, "ma", muni, login, cls, code, score, journal);
  }

  Fixtures absent(int year, String subject, String muni, String login, String cls, String code, Integer journal) {
    results.add(RowFactory.create(year, subject, 5, login, muni, cls, code, null, null, true, null, MAX, null, null,
        journal, 0, null, "f.csv", 2, "r"));
    return this;
  }

  /** Pupils of one class with the given marks (scores 1, 2, 3, 5 for marks 2, 3, 4, 5), no journal. */
  Fixtures marks(int year, String subject, String muni, String login, String cls, int... marks) {
    for (int m : marks) pupil(year, subject, muni, login, cls, String.valueOf(nextCode++), scoreOf(m), null);
    return this;
  }

  /** Task scores of one pupil of maths 2025 on tasks 1 (Б, max 1), 2 (Б, 2), 3 (П, 1), 4 (В, 2); null = X. */
  Fixtures tasks(String login, String cls, String code, Integer... scores) {
    int[] max = {1, 2, 1, 2};
    for (int i = 0; i < scores.length; i++) {
      taskScores.add(RowFactory.create(2025, "ma", 5, login, cls, code, 1, String.valueOf(i + 1), i + 1, scores[i],
          scores[i] == null, max[i], "r"));
    }
    return this;
  }

  Dataset<Row> results() {
    return spark.createDataFrame(results, Tables.RESULTS.schema());
  }

  Dataset<Row> taskScores() {
    return spark.createDataFrame(taskScores, Tables.TASK_SCORES.schema());
  }

  Dataset<Row> taskSpecs() {
    return spark.createDataFrame(List.of(
        RowFactory.create(2025, "ma", 5, "1", 1, 1, "Б", "key"),
        RowFactory.create(2025, "ma", 5, "2", 2, 2, "Б", "key"),
        RowFactory.create(2025, "ma", 5, "3", 3, 1, "П", "key"),
        RowFactory.create(2025, "ma", 5, "4", 4, 2, "В", "rubric")), Tables.TASKS.schema());
  }

  Dataset<Row> scales() {
    List<Row> rows = new ArrayList<>();
    for (int year = 2023; year <= 2025; year++) {
      for (String subject : List.of("ma", "ru", "bi")) rows.add(RowFactory.create(year, subject, 5, MIN3, MIN4, MIN5, MAX));
    }
    return spark.createDataFrame(rows, Tables.SCALES.schema());
  }

  Dataset<Row> schools() {
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 5; i++) rows.add(RowFactory.create("edu" + i, "Школа " + i, i <= 2 ? "m01" : "m02", "М", "город", "СОШ", ""));
    return spark.createDataFrame(rows, Tables.SCHOOLS.schema());
  }

  Dataset<Row> subjects() {
    return spark.createDataFrame(List.of(RowFactory.create("ma", "Математика"), RowFactory.create("ru", "Русский язык"),
        RowFactory.create("bi", "Биология")), Tables.SUBJECTS.schema());
  }

  static int mark(int score) {
    return score >= MIN5 ? 5 : score >= MIN4 ? 4 : score >= MIN3 ? 3 : 2;
  }

  static int scoreOf(int mark) {
    return switch (mark) {
      case 2 -> 1;
      case 3 -> 2;
      case 4 -> 3;
      default -> 5;
    };
  }

  /** The one row of a unit (null keys for the levels above); fails unless exactly one matches. */
  static Row unit(Dataset<Row> rows, String level, String muni, String login, String cls) {
    Column where = Levels.isLevel(level)
        .and(rows.col("municipality_code").eqNullSafe(muni))
        .and(rows.col("login").eqNullSafe(login))
        .and(rows.col("class").eqNullSafe(cls));
    List<Row> found = rows.where(where).collectAsList();
    if (found.size() != 1) throw new AssertionError(found.size() + " rows for " + level + " " + muni + " " + login + " " + cls);
    return found.get(0);
  }
}
