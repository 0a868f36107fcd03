package ru.vpr.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import ru.vpr.table.Tables;

/**
 * In-memory detection inputs in the schemas of results, task_scores, tasks, scales, control and
 * schools: one work (maths grade 5) in one or more years, schools of three classes each, pupils drawn
 * from a seeded partial-credit model. A pupil's ability is school effect + class effect + own N(0, 1);
 * a task's difficulty follows its level (Б easy, П harder, В hardest); a failed task is sometimes left
 * blank (X), mostly the harder ones; the journal mark agrees with the honest VPR mark about 60% of
 * the time and is one mark off otherwise. Every class draws from its own random stream, so planting
 * one class ({@link #bunchAtThresholds}, {@link #copyWork}, ...) changes nothing else.
 *
 * <p>The work: 10 tasks, 15 points, scale min3 = 5, min4 = 8, min5 = 12.
 */
final class DetectFixtures {
  static final String SUBJECT = "ma";
  static final int GRADE = 5;
  static final int MIN3 = 5;
  static final int MIN4 = 8;
  static final int MIN5 = 12;
  static final int[] THRESHOLDS = {MIN3, MIN4, MIN5};
  static final String[] CLASS_NAMES = {"5А", "5Б", "5В"};

  /** One task of the work with its difficulty in the generating model. */
  record Task(String code, int order, int max, String level, String scoring, double difficulty) {
    boolean basic() { return level.equals("Б"); }
    boolean rubric() { return scoring.equals("rubric"); }
  }

  static final List<Task> TASKS = List.of(
      new Task("1", 1, 1, "Б", "key", -1.6),
      new Task("2", 2, 1, "Б", "key", -1.1),
      new Task("3", 3, 2, "Б", "key", -0.8),
      new Task("4", 4, 2, "Б", "rubric", -0.6),
      new Task("5", 5, 1, "Б", "key", -0.3),
      new Task("6", 6, 1, "П", "key", 0.3),
      new Task("7", 7, 2, "П", "rubric", 0.5),
      new Task("8", 8, 2, "П", "key", 0.8),
      new Task("9", 9, 2, "В", "rubric", 1.4),
      new Task("10", 10, 1, "В", "key", 1.8));
  static final int MAX = TASKS.stream().mapToInt(Task::max).sum();
  /** Step parameters of a two-point task in the partial-credit model. */
  private static final double[] STEPS = {-0.6, 0.6};
  static final int X = -1;

  /** A class of one year: the unit detection scores. */
  record ClassKey(int year, String login, String cls) {
    @Override
    public String toString() {
      return year + " " + login + " " + cls;
    }
  }

  record School(String login, String municipality, String kind, String locality, double effect) {}

  static final class Pupil {
    final String code;
    final double ability;
    final boolean absent;
    /** Points per task, {@link #X} when not attempted; null when absent. */
    int[] scores;
    /** Journal mark of the previous term; null when not given. */
    Integer journal;

    Pupil(String code, double ability, boolean absent) {
      this.code = code;
      this.ability = ability;
      this.absent = absent;
    }

    int total() {
      int t = 0;
      for (int s : scores) t += Math.max(0, s);
      return t;
    }

    int blanks() {
      int n = 0;
      for (int s : scores) if (s == X) n++;
      return n;
    }
  }

  static final class SchoolClass {
    final ClassKey key;
    final School school;
    final double effect;
    final List<Pupil> pupils = new ArrayList<>();

    SchoolClass(ClassKey key, School school, double effect) {
      this.key = key;
      this.school = school;
      this.effect = effect;
    }

    List<Pupil> written() {
      return pupils.stream().filter(p -> !p.absent).toList();
    }
  }

  private final long seed;
  private final List<Integer> years;
  private final List<School> schools = new ArrayList<>();
  private final Map<ClassKey, SchoolClass> classes = new LinkedHashMap<>();

  /**
   * {@code schools} schools (logins edu000001...) in 5 municipalities, each with classes 5А, 5Б, 5В in
   * every year, each class with {@code minPupils..maxPupils} pupils on the list (a few of them absent).
   */
  static DetectFixtures clean(long seed, int schools, int minPupils, int maxPupils, Integer... years) {
    DetectFixtures f = new DetectFixtures(seed, List.of(years));
    Random r = new Random(seed);
    String[] kinds = {"СОШ", "СОШ", "СОШ", "гимназия", "лицей", "ООШ"};
    for (int i = 1; i <= schools; i++) {
      String kind = kinds[r.nextInt(kinds.length)];
      boolean selective = kind.equals("гимназия") || kind.equals("лицей");
      double effect = 0.5 * r.nextGaussian() + (selective ? 0.4 : 0.0) + (kind.equals("ООШ") ? -0.3 : 0.0);
      f.schools.add(new School(String.format("edu%06d", i), "m0" + (1 + i % 5), kind,
          kind.equals("ООШ") || r.nextDouble() < 0.3 ? "село" : "город", effect));
    }
    for (int year : f.years) {
      for (School s : f.schools) {
        for (String cls : CLASS_NAMES) {
          Random cr = f.random(new ClassKey(year, s.login(), cls), 0);
          int listed = minPupils + cr.nextInt(maxPupils - minPupils + 1);
          int absent = cr.nextDouble() < 0.5 ? 0 : 1 + cr.nextInt(2);
          f.addClass(new ClassKey(year, s.login(), cls), listed - absent, absent);
        }
      }
    }
    return f;
  }

  private DetectFixtures(long seed, List<Integer> years) {
    this.seed = seed;
    this.years = List.copyOf(years);
  }

  /** Adds (or replaces) a class of {@code written} pupils who wrote and {@code absent} who did not, in a known school. */
  DetectFixtures addClass(ClassKey key, int written, int absent) {
    School school = schools.stream().filter(s -> s.login().equals(key.login())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no school " + key.login()));
    Random r = random(key, 1);
    SchoolClass c = new SchoolClass(key, school, 0.3 * r.nextGaussian());
    for (int i = 0; i < written + absent; i++) {
      String code = key.login().substring(3) + key.cls().substring(1) + String.format("%02d", i + 1);
      Pupil p = new Pupil(code, school.effect() + c.effect + r.nextGaussian(), i >= written);
      if (!p.absent) p.scores = draw(p.ability, r);
      // Journal mark: the honest mark, or one mark off (teachers a little more often generous).
      int honest = p.absent ? 2 + r.nextInt(4) : mark(p.total());
      double u = r.nextDouble();
      int journal = u < 0.6 ? honest : u < 0.85 ? honest + 1 : honest - 1;
      p.journal = r.nextDouble() < 0.05 ? null : Math.max(2, Math.min(5, journal));
      c.pupils.add(p);
    }
    classes.put(key, c);
    return this;
  }

  /** One draw of a pupil's scores: partial-credit model, X for some of the failed tasks (mostly the harder ones). */
  static int[] draw(double ability, Random r) {
    int[] scores = new int[TASKS.size()];
    for (int t = 0; t < TASKS.size(); t++) {
      Task task = TASKS.get(t);
      double[] weight = new double[task.max() + 1];
      double cumulative = 0;
      weight[0] = 1;
      double total = 1;
      for (int k = 1; k <= task.max(); k++) {
        cumulative += ability - task.difficulty() - (task.max() == 1 ? 0 : STEPS[k - 1]);
        weight[k] = Math.exp(cumulative);
        total += weight[k];
      }
      double u = r.nextDouble() * total;
      int k = 0;
      while (k < task.max() && u > weight[k]) {
        u -= weight[k];
        k++;
      }
      scores[t] = k;
      if (k == 0 && r.nextDouble() < (task.basic() ? 0.06 : 0.35)) scores[t] = X;
    }
    return scores;
  }

  private Random random(ClassKey key, int stream) {
    return new Random(seed * 1_000_003L + (long) key.toString().hashCode() * 31 + stream);
  }

  static int mark(int score) {
    return score >= MIN5 ? 5 : score >= MIN4 ? 4 : score >= MIN3 ? 3 : 2;
  }

  List<Integer> years() {
    return years;
  }

  List<ClassKey> classKeys(int year) {
    return classes.keySet().stream().filter(k -> k.year() == year).toList();
  }

  SchoolClass get(ClassKey key) {
    SchoolClass c = classes.get(key);
    if (c == null) throw new IllegalArgumentException("no class " + key);
    return c;
  }

  /** A class of the year with at least {@code written} pupils who wrote, from a school not used yet. */
  ClassKey pick(int year, int written, java.util.Set<String> usedSchools) {
    for (SchoolClass c : classes.values()) {
      if (c.key.year() == year && c.written().size() >= written && !usedSchools.contains(c.key.login())
          && c.school.kind().equals("СОШ") && Math.abs(c.school.effect() + c.effect) < 0.4) {
        usedSchools.add(c.key.login());
        return c.key;
      }
    }
    throw new IllegalStateException("no ordinary class with " + written + " pupils left in " + year);
  }

  // ---- planting ---------------------------------------------------------------------------------

  /**
   * Endemic pushing as real regions show it: each pupil 1 to {@code reach} points below the first
   * score of mark 3 is lifted exactly onto it with probability {@code share}; the other cuts are left alone.
   */
  DetectFixtures pushOverFirstCut(ClassKey key, double share, int reach) {
    Random r = random(key, 9);
    for (Pupil p : get(key).written()) {
      int gap = MIN3 - p.total();
      if (gap >= 1 && gap <= reach && r.nextDouble() < share) setTotal(p, MIN3, r);
    }
    return this;
  }

  /** Every pupil 1 or 2 points below a mark threshold is lifted exactly onto it. */
  DetectFixtures bunchAtThresholds(ClassKey key) {
    Random r = random(key, 2);
    for (Pupil p : get(key).written()) {
      int total = p.total();
      for (int t : THRESHOLDS) {
        if (t - total >= 1 && t - total <= 2) {
          setTotal(p, t, r);
          break;
        }
      }
    }
    return this;
  }

  /** The work of the pupil nearest the class median is copied onto half the class (the copier's own included). */
  DetectFixtures copyWork(ClassKey key) {
    List<Pupil> written = get(key).written();
    List<Pupil> byTotal = new ArrayList<>(written);
    byTotal.sort(Comparator.comparingInt(Pupil::total));
    Pupil source = byTotal.get(byTotal.size() / 2);
    int copies = written.size() / 2 - 1;
    for (Pupil p : written) {
      if (copies == 0) break;
      if (p == source) continue;
      p.scores = source.scores.clone();
      copies--;
    }
    return this;
  }

  /**
   * Difficulty inverted, every pupil keeping the total: the points go to the hardest tasks first (В,
   * then П, then Б, in a random order within a level), so hard tasks are solved in full and easy ones
   * failed. Blanks on basic tasks stay blank.
   */
  DetectFixtures invertDifficulty(ClassKey key) {
    Random r = random(key, 5);
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < TASKS.size(); t++) order.add(t);
    for (Pupil p : get(key).written()) {
      int total = p.total();
      java.util.Collections.shuffle(order, r);
      List<Integer> hardestFirst = new ArrayList<>(order);
      hardestFirst.sort(Comparator.comparingInt((Integer t) -> levelRank(TASKS.get(t).level())).reversed());
      int[] scores = new int[TASKS.size()];
      for (int t = 0; t < TASKS.size(); t++) scores[t] = TASKS.get(t).basic() && p.scores[t] == X ? X : 0;
      for (int t : hardestFirst) {
        if (scores[t] == X) continue;
        scores[t] = Math.min(TASKS.get(t).max(), total);
        total -= scores[t];
      }
      for (int t : hardestFirst) {
        if (scores[t] == X && total > 0) {
          scores[t] = Math.min(TASKS.get(t).max(), total);
          total -= scores[t];
        }
      }
      p.scores = scores;
    }
    return this;
  }

  private static int levelRank(String level) {
    return switch (level) { case "Б" -> 0; case "П" -> 1; default -> 2; };
  }

  /** One more point on every rubric task (up to its max), for every pupil; X becomes 1. */
  DetectFixtures inflateRubric(ClassKey key) {
    for (Pupil p : get(key).written()) {
      for (int t = 0; t < TASKS.size(); t++) {
        if (TASKS.get(t).rubric()) p.scores[t] = Math.min(TASKS.get(t).max(), Math.max(0, p.scores[t]) + 1);
      }
    }
    return this;
  }

  /** Every pupil with a journal mark gets a score inside that mark's range (a random one of it). */
  DetectFixtures alignMarks(ClassKey key) {
    Random r = random(key, 3);
    for (Pupil p : get(key).written()) {
      if (p.journal == null || mark(p.total()) == p.journal) continue;
      int low = switch (p.journal) { case 2 -> 0; case 3 -> MIN3; case 4 -> MIN4; default -> MIN5; };
      int high = switch (p.journal) { case 2 -> MIN3 - 1; case 3 -> MIN4 - 1; case 4 -> MIN5 - 1; default -> MAX; };
      setTotal(p, low + r.nextInt(high - low + 1), r);
    }
    return this;
  }

  /** Every X becomes 0: nothing left blank. */
  DetectFixtures removeBlanks(ClassKey key) {
    for (Pupil p : get(key).written()) {
      for (int t = 0; t < TASKS.size(); t++) if (p.scores[t] == X) p.scores[t] = 0;
    }
    return this;
  }

  /** Every pupil of the class redrawn with {@code delta} more ability: a class far above its school's usual level. */
  DetectFixtures raiseAbility(ClassKey key, double delta) {
    Random r = random(key, 4);
    for (Pupil p : get(key).written()) p.scores = draw(p.ability + delta, r);
    return this;
  }

  /**
   * Every class of the school, in every year, redrawn with {@code delta} more ability: a genuinely
   * strong school, honest, whose history is as strong as this year (a negative control).
   */
  DetectFixtures raiseSchool(String login, double delta) {
    for (SchoolClass c : classes.values()) {
      if (!c.key.login().equals(login)) continue;
      Random r = random(c.key, 6);
      for (Pupil p : c.written()) p.scores = draw(p.ability + delta, r);
    }
    return this;
  }

  /** Adds or removes points on random tasks (filling blanks last, emptying to 0) until the total is {@code target}. */
  private static void setTotal(Pupil p, int target, Random r) {
    while (p.total() < target) {
      List<Integer> room = new ArrayList<>();
      for (int t = 0; t < TASKS.size(); t++) if (p.scores[t] != X && p.scores[t] < TASKS.get(t).max()) room.add(t);
      if (room.isEmpty()) for (int t = 0; t < TASKS.size(); t++) if (p.scores[t] == X) room.add(t);
      int t = room.get(r.nextInt(room.size()));
      p.scores[t] = Math.max(0, p.scores[t]) + 1;
    }
    while (p.total() > target) {
      List<Integer> some = new ArrayList<>();
      for (int t = 0; t < TASKS.size(); t++) if (p.scores[t] > 0) some.add(t);
      int t = some.get(r.nextInt(some.size()));
      p.scores[t]--;
    }
  }

  // ---- datasets ---------------------------------------------------------------------------------

  /**
   * The six input tables, materialised (local checkpoints): a dataset made from a list of rows carries
   * the rows in its plan, which every step of detection would then re-analyse.
   */
  Detection.Inputs inputs(SparkSession spark) {
    return new Detection.Inputs(results(spark).localCheckpoint(), taskScores(spark).localCheckpoint(),
        tasks(spark).localCheckpoint(), scales(spark).localCheckpoint(), control(spark).localCheckpoint(),
        schools(spark).localCheckpoint());
  }

  Dataset<Row> results(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (SchoolClass c : classes.values()) {
      int row = 2;
      for (Pupil p : c.pupils) {
        String path = "landing/year=" + c.key.year() + "/subject=ma/grade=5/" + c.key.login() + ".csv";
        if (p.absent) {
          rows.add(RowFactory.create(c.key.year(), SUBJECT, GRADE, c.key.login(), c.school.municipality(), c.key.cls(),
              p.code, null, null, true, null, MAX, null, null, p.journal, null, null, path, row++, "fixture"));
        } else {
          int total = p.total();
          rows.add(RowFactory.create(c.key.year(), SUBJECT, GRADE, c.key.login(), c.school.municipality(), c.key.cls(),
              p.code, null, 1, false, total, MAX, Math.round(total * 10000.0 / MAX) / 100.0, mark(total), p.journal,
              p.blanks(), null, path, row++, "fixture"));
        }
      }
    }
    return spark.createDataFrame(rows, Tables.RESULTS.schema());
  }

  Dataset<Row> taskScores(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (SchoolClass c : classes.values()) {
      for (Pupil p : c.written()) {
        for (int t = 0; t < TASKS.size(); t++) {
          Task task = TASKS.get(t);
          Integer score = p.scores[t] == X ? null : p.scores[t];
          rows.add(RowFactory.create(c.key.year(), SUBJECT, GRADE, c.key.login(), c.key.cls(), p.code, 1, task.code(),
              task.order(), score, score == null, task.max(), "fixture"));
        }
      }
    }
    return spark.createDataFrame(rows, Tables.TASK_SCORES.schema());
  }

  Dataset<Row> tasks(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int year : years) {
      for (Task t : TASKS) rows.add(RowFactory.create(year, SUBJECT, GRADE, t.code(), t.order(), t.max(), t.level(), t.scoring()));
    }
    return spark.createDataFrame(rows, Tables.TASKS.schema());
  }

  Dataset<Row> scales(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int year : years) rows.add(RowFactory.create(year, SUBJECT, GRADE, MIN3, MIN4, MIN5, MAX));
    return spark.createDataFrame(rows, Tables.SCALES.schema());
  }

  /** No work under objectivity control: every class is its work's reference. */
  Dataset<Row> control(SparkSession spark) {
    return spark.createDataFrame(List.of(), Tables.CONTROL.schema());
  }

  Dataset<Row> schools(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (School s : schools) {
      rows.add(RowFactory.create(s.login(), "Школа " + s.login(), s.municipality(), "Район " + s.municipality(), s.locality(),
          s.kind(), ""));
    }
    return spark.createDataFrame(rows, Tables.SCHOOLS.schema());
  }
}
