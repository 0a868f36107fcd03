package ru.vpr.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ru.vpr.reference.Scale;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * Builds the works of each year: which subjects each grade writes, their task lists and scales.
 *
 * <p>Task lists are built from the work's own seed (not the run seed) so that every run describes the
 * same VPR; 2023 and 2024 share a design with a small revision, 2025 is a redesign (other task list),
 * so nothing about a work can be assumed constant across years.
 */
final class SpecFactory {
  /** The contract's subject codes and names (§2.2), in the contract's order. */
  static final Map<String, String> SUBJECT_NAMES = new LinkedHashMap<>();

  static {
    String[][] names = {
        {"ru", "Русский язык"}, {"ma", "Математика"}, {"ok", "Окружающий мир"}, {"lr", "Литературное чтение"},
        {"li", "Литература"}, {"hi", "История"}, {"ob", "Обществознание"}, {"ge", "География"},
        {"bi", "Биология"}, {"ph", "Физика"}, {"ch", "Химия"}, {"in", "Информатика"},
        {"en", "Английский язык"}, {"de", "Немецкий язык"}, {"fr", "Французский язык"},
        {"ma_adv", "Математика (углублённая)"}, {"ph_adv", "Физика (углублённая)"}};
    for (String[] n : names) SUBJECT_NAMES.put(n[0], n[1]);
  }

  /** Scales published for real works: {min3, min4, min5, max}. Kept exact in every year. */
  private static final Map<String, int[]> KNOWN_SCALES = Map.of(
      "ma4", new int[] {6, 10, 15, 20},
      "ma5", new int[] {7, 11, 15, 20},
      "ma8", new int[] {8, 15, 21, 25},
      "ru4", new int[] {14, 24, 33, 38},
      "ru5", new int[] {18, 29, 39, 45},
      "ru8", new int[] {26, 32, 45, 51});

  /** Invented max scores for the other works (thresholds at about 30, 55 and 80 per cent). */
  private static final Map<String, Integer> OTHER_MAX = Map.ofEntries(
      Map.entry("ma6", 16), Map.entry("ma7", 19), Map.entry("ma10", 19),
      Map.entry("ru6", 51), Map.entry("ru7", 47), Map.entry("ru10", 40),
      Map.entry("ok", 32), Map.entry("hi", 20), Map.entry("bi", 28), Map.entry("ge", 37),
      Map.entry("ob", 23), Map.entry("ph", 18), Map.entry("en", 30), Map.entry("ch", 33));

  static final int REDESIGN_YEAR = 2025;

  static List<Integer> grades(int year) {
    return year >= REDESIGN_YEAR ? List.of(4, 5, 6, 7, 8, 10) : List.of(4, 5, 6, 7, 8);
  }

  /** Subjects other than ru and ma that a grade may be drawn for. */
  static List<String> extraSubjects(int year, int grade) {
    return switch (grade) {
      case 4 -> List.of("ok");
      case 5 -> List.of("hi", "bi");
      case 6 -> List.of("hi", "bi", "ge", "ob");
      case 7 -> List.of("hi", "bi", "ge", "ob", "ph", "en");
      case 8 -> List.of("hi", "bi", "ge", "ob", "ph", "en", "ch");
      case 10 -> List.of("hi", "ph", "ge", "ch");
      default -> List.of();
    };
  }

  static List<String> subjects(int year, int grade) {
    List<String> all = new ArrayList<>(List.of("ru", "ma"));
    all.addAll(extraSubjects(year, grade));
    return all;
  }

  SpecCatalog catalog(List<Integer> years) {
    List<WorkSpec> works = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int year : years) {
      for (int grade : grades(year)) {
        for (String subject : subjects(year, grade)) {
          works.add(work(new WorkKey(year, subject, grade)));
          names.put(subject, SUBJECT_NAMES.get(subject));
        }
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    SUBJECT_NAMES.forEach((code, name) -> {
      if (names.containsKey(code)) ordered.put(code, name);
    });
    return new SpecCatalog(works, ordered);
  }

  WorkSpec work(WorkKey key) {
    Scale scale = scale(key);
    // One design per era; the revision year reuses the design and then changes a detail.
    String era = key.year() >= REDESIGN_YEAR ? "B" : "A";
    SplittableRandom design = Seeds.random(0xC0FFEE, "design", era, key.subject(), key.grade());
    List<TaskSpec> tasks = switch (key.subject()) {
      case "ru" -> russian(key, era, scale.max(), design);
      case "ma" -> maths(scale.max(), design);
      default -> other(scale.max(), design);
    };
    if (key.year() % 2 == 0 && key.year() < REDESIGN_YEAR) {
      tasks = revise(tasks, Seeds.random(0xC0FFEE, "revision", key.year(), key.subject(), key.grade()));
    }
    return new WorkSpec(key, tasks, scale);
  }

  static Scale scale(WorkKey key) {
    int[] known = KNOWN_SCALES.get(key.subject() + key.grade());
    if (known != null) return new Scale(known[0], known[1], known[2], known[3]);
    Integer max = OTHER_MAX.get(key.subject() + key.grade());
    if (max == null) max = OTHER_MAX.get(key.subject());
    if (key.year() >= REDESIGN_YEAR) max = max - 2;
    int min3 = (int) Math.round(0.30 * max);
    int min4 = (int) Math.round(0.55 * max);
    int min5 = (int) Math.round(0.80 * max);
    return new Scale(min3, min4, min5, max);
  }

  /** Dictation and grammar criteria (rubric, basic) first, then numbered tasks. */
  private List<TaskSpec> russian(WorkKey key, String era, int max, SplittableRandom r) {
    List<TaskSpec> tasks = new ArrayList<>();
    tasks.add(new TaskSpec("1К1", 4, TaskSpec.BASIC, TaskSpec.RUBRIC));
    tasks.add(new TaskSpec("1К2", 3, TaskSpec.BASIC, TaskSpec.RUBRIC));
    if (key.grade() >= 5) {
      tasks.add(new TaskSpec("1К3", 2, TaskSpec.BASIC, TaskSpec.RUBRIC));
      int criteria = era.equals("A") ? 4 : 3;
      for (int k = 1; k <= criteria; k++) {
        tasks.add(new TaskSpec("2К" + k, k == 1 ? 3 : 2, TaskSpec.BASIC, TaskSpec.RUBRIC));
      }
    }
    int used = tasks.stream().mapToInt(TaskSpec::max).sum();
    List<TaskSpec> numbered = numbered(tasks.size() > 2 ? 3 : 2, max - used, new int[] {1, 2, 2, 3}, 0.5, true, r);
    tasks.addAll(numbered);
    return tasks;
  }

  /** Mostly one-point key tasks; the last two are two-point extended answers judged by rubric. */
  private List<TaskSpec> maths(int max, SplittableRandom r) {
    List<TaskSpec> body = numbered(1, max - 4, new int[] {1, 1, 1, 1, 2}, 0.3, false, r);
    int next = lastNumber(body) + 1;
    List<TaskSpec> tasks = new ArrayList<>(body);
    tasks.add(new TaskSpec(String.valueOf(next), 2, TaskSpec.ADVANCED, TaskSpec.RUBRIC));
    tasks.add(new TaskSpec(String.valueOf(next + 1), 2, TaskSpec.HIGH, TaskSpec.RUBRIC));
    return tasks;
  }

  private List<TaskSpec> other(int max, SplittableRandom r) {
    return numbered(1, max, new int[] {1, 1, 2, 2, 3}, 0.7, true, r);
  }

  /**
   * Numbered tasks from {@code first} worth {@code points} in total. Some multi-point tasks are split
   * into sub-items ({@code 5.1}, {@code 5.2}); levels rise along the work. When the tasks close the
   * work, the last one is high level and the one before advanced; otherwise later tasks add those.
   */
  private List<TaskSpec> numbered(int first, int points, int[] maxChoices, double rubricShare, boolean closesWork,
      SplittableRandom r) {
    List<int[]> plan = new ArrayList<>(); // {number, max}
    int left = points;
    int number = first;
    while (left > 0) {
      int m = Math.min(left, maxChoices[r.nextInt(maxChoices.length)]);
      plan.add(new int[] {number++, m});
      left -= m;
    }
    List<TaskSpec> tasks = new ArrayList<>();
    int n = plan.size();
    int before = 0;
    for (int i = 0; i < n; i++) {
      int num = plan.get(i)[0];
      int m = plan.get(i)[1];
      // Level by the share of the work's points before the task: the first 60% are basic.
      double position = (double) before / points;
      before += m;
      String level = closesWork && i == n - 1 ? TaskSpec.HIGH
          : position >= (closesWork ? 0.6 : 0.7) || (closesWork && i == n - 2) ? TaskSpec.ADVANCED : TaskSpec.BASIC;
      if (m >= 2 && i < n - 1 && r.nextDouble() < 0.3) {
        // Sub-items are separate columns of the form, each scored on its own.
        String scoring = r.nextDouble() < 0.2 ? TaskSpec.RUBRIC : TaskSpec.KEY;
        tasks.add(new TaskSpec(num + ".1", 1, level, scoring));
        tasks.add(new TaskSpec(num + ".2", m - 1, level, m - 1 >= 2 ? TaskSpec.RUBRIC : scoring));
      } else {
        boolean rubric = m >= 2 && (r.nextDouble() < rubricShare || (closesWork && i >= n - 2));
        tasks.add(new TaskSpec(String.valueOf(num), m, level, rubric ? TaskSpec.RUBRIC : TaskSpec.KEY));
      }
    }
    return tasks;
  }

  /**
   * The even-year revision: one advanced task becomes basic (or, if there is none, a basic one
   * becomes advanced), so the two years of an era still differ.
   */
  private List<TaskSpec> revise(List<TaskSpec> tasks, SplittableRandom r) {
    List<TaskSpec> out = new ArrayList<>(tasks);
    List<Integer> advanced = new ArrayList<>();
    List<Integer> basic = new ArrayList<>();
    for (int i = 0; i < out.size() - 2; i++) {
      TaskSpec t = out.get(i);
      if (t.code().contains("К")) continue;
      if (t.level().equals(TaskSpec.ADVANCED)) advanced.add(i);
      if (t.level().equals(TaskSpec.BASIC)) basic.add(i);
    }
    List<Integer> from = advanced.isEmpty() ? basic : advanced;
    if (from.isEmpty()) return out;
    int i = from.get(r.nextInt(from.size()));
    TaskSpec t = out.get(i);
    String level = t.level().equals(TaskSpec.BASIC) ? TaskSpec.ADVANCED : TaskSpec.BASIC;
    out.set(i, new TaskSpec(t.code(), t.max(), level, t.scoring()));
    return out;
  }

  private static int lastNumber(List<TaskSpec> tasks) {
    String code = tasks.get(tasks.size() - 1).code();
    int dot = code.indexOf('.');
    return Integer.parseInt(dot < 0 ? code : code.substring(0, dot));
  }
}
