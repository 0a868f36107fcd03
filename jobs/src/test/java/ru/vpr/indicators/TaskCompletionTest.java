package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.test.SparkTestBase;

/**
 * Task completion on six pupils and four tasks (1 Б max 1, 2 Б max 2, 3 П max 1, 4 В max 2), by hand:
 *
 * <pre>
 * m01 edu1 5А  a1 (5): 1 2 1 2 | a2 (3): 1 1 0 X | a3 (2): 0 X X 0 | a4 (4): 1 2 0 1 | a5 absent
 * m02 edu3 5А  b1 (2): 0 1 0 0 | b2 (3): 1 1 0 X
 * class A: task 1 3/4 = 75%, 2 5/8 = 62.5%, 3 1/4 = 25%, 4 3/8 = 37.5%
 * class B: task 1 1/2 = 50%, 2 2/4 = 50%, 3 0%, 4 0%
 * region:  task 1 4/6, 2 7/12 = 58.3% (uncertain), 3 1/6, 4 3/12 = 25%
 * </pre>
 */
class TaskCompletionTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static Dataset<Row> byTask;
  private static Dataset<Row> byMark;

  @BeforeAll
  static void compute() {
    Fixtures f = new Fixtures(spark())
        .pupil("m01", "edu1", "5А", "a1", 6, null).tasks("edu1", "5А", "a1", 1, 2, 1, 2)
        .pupil("m01", "edu1", "5А", "a2", 2, null).tasks("edu1", "5А", "a2", 1, 1, 0, null)
        .pupil("m01", "edu1", "5А", "a3", 0, null).tasks("edu1", "5А", "a3", 0, null, null, 0)
        .pupil("m01", "edu1", "5А", "a4", 4, null).tasks("edu1", "5А", "a4", 1, 2, 0, 1)
        .absent(2025, "ma", "m01", "edu1", "5А", "a5", null)
        .pupil("m02", "edu3", "5А", "b1", 1, null).tasks("edu3", "5А", "b1", 0, 1, 0, 0)
        .pupil("m02", "edu3", "5А", "b2", 2, null).tasks("edu3", "5А", "b2", 1, 1, 0, null);
    Dataset<Row> pupilTasks = TaskCompletion.pupilTasks(f.results(), f.taskScores(), f.taskSpecs()).cache();
    IndicatorsConfig config = IndicatorsConfig.defaults().withMinimums(3, 5);
    byTask = TaskCompletion.byTask(pupilTasks, config).cache();
    byMark = TaskCompletion.byMark(pupilTasks, config).cache();
  }

  private static Row task(Dataset<Row> rows, String level, String muni, String login, String cls, String task) {
    return Fixtures.unit(rows.where(rows.col("task").equalTo(task)), level, muni, login, cls);
  }

  @Test
  void completionCountsXAsZeroAndReportsItsShare() {
    Row t2 = task(byTask, Levels.CLASS, "m01", "edu1", "5А", "2");
    assertEquals(4L, (long) t2.getAs("written"), "the absent pupil has no task rows");
    assertEquals(5L, (long) t2.getAs("score_sum"));
    assertEquals(62.5, t2.getAs("completion_pct"), EPS);
    assertEquals(1L, (long) t2.getAs("not_attempted"));
    assertEquals(0.25, t2.getAs("not_attempted_share"), EPS);
    assertEquals("Б", t2.getAs("task_level"));
    assertEquals(2, (int) t2.getAs("max"));
    assertEquals(2, (int) t2.getAs("task_order"));

    Row t4 = task(byTask, Levels.CLASS, "m01", "edu1", "5А", "4");
    assertEquals(37.5, t4.getAs("completion_pct"), EPS);
    assertEquals("rubric", t4.getAs("scoring"));
  }

  @Test
  void statusPerLevelOfTheTask() {
    Map<String, String> classA = statuses(Levels.CLASS, "m01", "edu1", "5А");
    assertEquals(Map.of("1", "achieved", "2", "achieved", "3", "not_achieved", "4", "achieved"), classA,
        "Б 75% and 62.5% >= 60; П 25% < 28.5; В 37.5% >= 30");
    assertEquals(Map.of("1", "not_achieved", "2", "not_achieved", "3", "not_achieved", "4", "not_achieved"),
        statuses(Levels.CLASS, "m02", "edu3", "5А"));
    Map<String, String> region = statuses(Levels.REGION, null, null, null);
    assertEquals("uncertain", region.get("2"), "7/12 = 58.3% is inside 57-60%");
    assertEquals("achieved", region.get("1"));
    assertEquals(7.0 / 12 * 100, task(byTask, Levels.REGION, null, null, null, "2").getAs("completion_pct"), EPS);
    assertEquals(25.0, task(byTask, Levels.REGION, null, null, null, "4").getAs("completion_pct"), EPS);
  }

  @Test
  void levelsAgree() {
    assertEquals(4 * (2 + 2 + 2 + 1), byTask.count(), "4 tasks x (2 classes, 2 schools, 2 municipalities, region)");
    for (String task : List.of("1", "2", "3", "4")) {
      Row region = task(byTask, Levels.REGION, null, null, null, task);
      long classes = byTask.where(byTask.col("task").equalTo(task).and(Levels.isLevel(Levels.CLASS)))
          .agg(org.apache.spark.sql.functions.sum("score_sum")).head().getLong(0);
      assertEquals((long) region.getAs("score_sum"), classes);
    }
  }

  @Test
  void completionByGroupsOfPupilsWithTheSameMark() {
    Dataset<Row> region = byMark.where(Levels.isLevel(Levels.REGION));
    Row twoOnTask2 = Fixtures.unit(region.where("task = '2' AND mark = 2"), Levels.REGION, null, null, null);
    assertEquals(2L, (long) twoOnTask2.getAs("written"), "a3 and b1");
    assertEquals(25.0, twoOnTask2.getAs("completion_pct"), EPS, "(0 [X] + 1) / 4");
    assertEquals(0.5, twoOnTask2.getAs("not_attempted_share"), EPS);
    Row threeOnTask4 = Fixtures.unit(region.where("task = '4' AND mark = 3"), Levels.REGION, null, null, null);
    assertEquals(0.0, threeOnTask4.getAs("completion_pct"), EPS);
    assertEquals(1.0, threeOnTask4.getAs("not_attempted_share"), EPS);
    Row five = Fixtures.unit(region.where("task = '3' AND mark = 5"), Levels.REGION, null, null, null);
    assertEquals(100.0, five.getAs("completion_pct"), EPS);
    assertTrue((boolean) five.getAs("small_for_groups"), "one pupil");
    long groups = byMark.where("task = '1'").where(Levels.isLevel(Levels.REGION)).count();
    assertEquals(4L, groups, "marks 2, 3, 4, 5 each have pupils");
    long written = byMark.where("task = '1'").where(Levels.isLevel(Levels.REGION))
        .agg(org.apache.spark.sql.functions.sum("written")).head().getLong(0);
    assertEquals(6L, written, "the mark groups partition the pupils");
  }

  @Test
  void statusBoundariesAreExactAndTheBandsAreUncertain() {
    // (level, points, possible) -> status; per mille: Б 600 / 570, П and В 300 / 285.
    Object[][] cases = {
        {"Б", 60L, 100L, "achieved"}, {"Б", 599L, 1000L, "uncertain"}, {"Б", 57L, 100L, "uncertain"},
        {"Б", 569L, 1000L, "not_achieved"}, {"Б", 3L, 5L, "achieved"},
        {"П", 3L, 10L, "achieved"}, {"П", 299L, 1000L, "uncertain"}, {"В", 285L, 1000L, "uncertain"},
        {"В", 284L, 1000L, "not_achieved"}, {null, 1L, 1L, null}, {"Б", 0L, 0L, null}};
    List<Row> rows = new ArrayList<>();
    for (Object[] c : cases) rows.add(RowFactory.create(c[0], c[1], c[2]));
    StructType schema = new StructType().add("level", DataTypes.StringType).add("points", DataTypes.LongType)
        .add("possible", DataTypes.LongType);
    Column status = TaskCompletion.status(org.apache.spark.sql.functions.col("level"),
        org.apache.spark.sql.functions.col("points"), org.apache.spark.sql.functions.col("possible"));
    List<Row> out = spark().createDataFrame(rows, schema).select(status).collectAsList();
    for (int i = 0; i < cases.length; i++) {
      if (cases[i][3] == null) assertNull(out.get(i).get(0), "case " + i);
      else assertEquals(cases[i][3], out.get(i).getString(0), "case " + i);
    }
  }

  @Test
  void classDeficitsListTheTasksAClassDidNotAchieve() {
    Dataset<Row> deficits = ClassDeficits.of(byTask);
    List<String> rows = new ArrayList<>();
    for (Row r : deficits.orderBy("login", "task").collectAsList()) {
      rows.add(r.getAs("login") + " " + r.getAs("class") + " " + r.getAs("task") + " " + r.getAs("task_level") + " "
          + r.getAs("status"));
    }
    assertEquals(List.of("edu1 5А 3 П not_achieved", "edu3 5А 1 Б not_achieved", "edu3 5А 2 Б not_achieved",
        "edu3 5А 3 П not_achieved", "edu3 5А 4 В not_achieved"), rows);
    Row first = deficits.where("login = 'edu1'").head();
    assertEquals(25.0, first.getAs("completion_pct"), EPS);
    assertEquals(100.0 / 6, first.getAs("region_completion_pct"), EPS);
    assertEquals(4L, (long) first.getAs("written"));
    assertEquals("m01", first.getAs("municipality_code"));
  }

  @Test
  void uncertainTasksOfAClassAreDeficitsToo() {
    Dataset<Row> marked = byTask.withColumn("status",
        org.apache.spark.sql.functions.when(byTask.col("task").equalTo("2"), "uncertain").otherwise(byTask.col("status")));
    Map<String, String> edu1 = new TreeMap<>();
    for (Row r : ClassDeficits.of(marked).where("login = 'edu1'").collectAsList()) edu1.put(r.getAs("task"), r.getAs("status"));
    assertEquals(Map.of("2", "uncertain", "3", "not_achieved"), edu1);
  }

  private static Map<String, String> statuses(String level, String muni, String login, String cls) {
    Map<String, String> out = new TreeMap<>();
    for (String t : List.of("1", "2", "3", "4")) out.put(t, task(byTask, level, muni, login, cls, t).getAs("status"));
    return out;
  }
}
