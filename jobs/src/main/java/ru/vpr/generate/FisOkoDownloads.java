package ru.vpr.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ru.vpr.io.Storage;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * Writes a region's works as a regional coordinator downloads them from FIS OKO (contract §1.4): one
 * whole-region file per work, placed by its name, in one of FIS OKO's real layouts, plus the schools'
 * own collection forms for the schools that re-uploaded. The layouts are FIS OKO's, written here from
 * their descriptions; nothing is copied from real files.
 *
 * <ul>
 *   <li>{@link Layout#RAW_2020}: {@code <year>/<grade>/<Предмет>.xlsx}, {@code groups | user | ... | a-40-grade};
 *   <li>{@link Layout#EXPORT_2021}: {@code Проведение работы по <предмету>, <g> класс. ВПР <year>.xlsx},
 *       {@code логин школы | регион | ... | балл за k};
 *   <li>{@link Layout#FIS_OKO_2022}: {@code <year>/<grade>/<Предмет>.xlsx}, sheets {@code Классы} and
 *       {@code Протокол} with {@code Муниципалитет} and {@code Школа} cells;
 *   <li>the collection form: {@code <year>/<login>/Форма сбора результатов <Предмет> <g> класс ВПР <year>.xlsx},
 *       the login in the preamble, its own {@code Итого баллов} and {@code Отметка}.
 * </ul>
 */
final class FisOkoDownloads {
  static final int REGION = 99;
  static final String REGION_NAME = "Синтетический край";

  enum Layout { RAW_2020, EXPORT_2021, FIS_OKO_2022 }

  /** A school's rows of one work, with what FIS OKO shows of the school. */
  record SchoolRows(SchoolProfile school, List<ClassWork> classes) {}

  private final Storage storage;
  private final String landing;
  private final Map<String, String> subjectNames;

  FisOkoDownloads(Storage storage, String landing, Map<String, String> subjectNames) {
    this.storage = storage;
    this.landing = landing;
    this.subjectNames = subjectNames;
  }

  /** Rotates the layouts over the years, so that a few years of a sample show all three. */
  static Layout layoutOf(int year) {
    return Layout.values()[Math.floorMod(year - 2020, Layout.values().length)];
  }

  /** FIS OKO's code of a municipality of the synthetic region: {@code reg99_m001}. */
  static String municipalityCode(Municipality m) {
    String digits = m.code().replaceAll("\\D", "");
    return "reg" + REGION + "_m" + String.format("%03d", digits.isEmpty() ? 0 : Integer.parseInt(digits));
  }

  void writeExport(WorkKey key, WorkSpec spec, List<SchoolRows> schools, long seed) {
    Layout layout = layoutOf(key.year());
    String nominative = subjectNames.getOrDefault(key.subject(), key.subject());
    String path = switch (layout) {
      case EXPORT_2021 -> Storage.join(landing, "Проведение работы по " + SubjectCases.dative(key.subject(), nominative)
          + ", " + key.grade() + " класс. ВПР " + key.year() + ".xlsx");
      case RAW_2020, FIS_OKO_2022 -> Storage.join(landing, key.year() + "/" + key.grade() + "/" + nominative + ".xlsx");
    };
    List<List<Object>> rows = switch (layout) {
      case RAW_2020 -> raw2020(key, spec, schools, seed);
      case EXPORT_2021 -> export2021(spec, schools, seed);
      case FIS_OKO_2022 -> fisOko2022(key, spec, schools, seed);
    };
    List<GeneratedWorkbook.Sheet> sheets = layout == Layout.FIS_OKO_2022
        ? List.of(new GeneratedWorkbook.Sheet("Классы", classesSheet(key, schools)), new GeneratedWorkbook.Sheet("Протокол", rows))
        : List.of(new GeneratedWorkbook.Sheet("Sheet1", rows));
    write(path, sheets);
  }

  void writeCollectionForm(WorkKey key, WorkSpec spec, SchoolRows school, long seed) {
    String nominative = subjectNames.getOrDefault(key.subject(), key.subject());
    String path = Storage.join(landing, key.year() + "/" + school.school().login() + "/Форма сбора результатов " + nominative
        + " " + key.grade() + " класс ВПР " + key.year() + ".xlsx");
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("Форма сбора результатов ВПР. " + nominative + ", " + key.grade() + " класс"));
    rows.add(List.of("Логин ОО: " + school.school().login()));
    rows.add(List.of());
    List<Object> header = new ArrayList<>(List.of("Код", "Вариант"));
    for (TaskSpec t : spec.tasks()) header.add(t.code() + " (" + t.max() + "б)");
    header.addAll(List.of("Наименование класса", "Пол", "Отметка за предыдущее полугодие", "Итого баллов", "Отметка"));
    rows.add(header);
    FisOkoHabits habits = habits(school.school(), seed);
    SplittableRandom r = Seeds.random(seed, "fis-form", school.school().login(), key.toString());
    for (ClassWork cw : school.classes()) {
      for (PupilWork p : cw.rows) {
        List<Object> row = new ArrayList<>();
        row.add(Integer.valueOf(p.pupil.code()));
        row.add(p.absent ? "отсутствовал" : Integer.valueOf(p.variant));
        addScores(row, p, spec.tasks().size(), habits, r);
        row.add(className(cw, school, habits));
        row.add(habits.sex(p.pupil.gender()));
        row.add(habits.journalMark(p.journal));
        row.add(p.absent ? null : Integer.valueOf(p.total()));
        row.add(p.absent ? null : Integer.valueOf(spec.scale().markFor(p.total())));
        rows.add(row);
      }
    }
    write(path, List.of(new GeneratedWorkbook.Sheet("Протокол", rows), new GeneratedWorkbook.Sheet("Служебный",
        List.of(List.of("Вариант", "Пол", "Отметка"), List.of(1, "м", 2), List.of(2, "ж", 3), List.of("отсутствовал", "", 4)))));
  }

  private List<List<Object>> raw2020(WorkKey key, WorkSpec spec, List<SchoolRows> schools, long seed) {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> header = new ArrayList<>(List.of("groups", "user", "id", "code", "otc", "gender", "klass", "var-1", "var-2", "sum"));
    for (int k = 1; k <= 40; k++) header.add("a-" + k + "-grade");
    header.add("Учебник");
    rows.add(header);
    for (SchoolRows s : schools) {
      String tags = REGION + "-RU-SYN,VPR_" + REGION + ",reg" + REGION + "_vpr_m"
          + municipalityCode(s.school().municipality()).substring(("reg" + REGION + "_m").length())
          + ",vpr" + key.year() + "." + key.subject() + key.grade();
      FisOkoHabits habits = habits(s.school(), seed);
      SplittableRandom r = Seeds.random(seed, "fis-raw", s.school().login(), key.toString());
      int id = 1;
      for (ClassWork cw : s.classes()) {
        for (PupilWork p : cw.rows) {
          List<Object> row = new ArrayList<>(List.of(tags, s.school().login(), String.valueOf(id++), p.pupil.code(),
              habits.journalMark(p.journal), p.absent ? "" : habits.sex(p.pupil.gender()),
              p.absent ? "" : className(cw, s, habits), p.absent ? "отсутствовал" : String.valueOf(p.variant), "",
              p.absent ? "" : String.valueOf(p.total())));
          addScores(row, p, spec.tasks().size(), habits, r);
          while (row.size() < header.size() - 1) row.add(null);
          row.add("");
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private List<List<Object>> export2021(WorkSpec spec, List<SchoolRows> schools, long seed) {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> header = new ArrayList<>(List.of("логин школы", "регион", "номер обучающегося", "код обучающегося",
        "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов"));
    for (int k = 1; k <= spec.tasks().size(); k++) header.add("балл за " + k);
    header.addAll(List.of("Учебник", "Др.уч. автор", "Др.уч. название"));
    rows.add(header);
    for (SchoolRows s : schools) {
      FisOkoHabits habits = habits(s.school(), seed);
      SplittableRandom r = Seeds.random(seed, "fis-2021", s.school().login(), spec.key().toString());
      int number = 1;
      for (ClassWork cw : s.classes()) {
        for (PupilWork p : cw.rows) {
          List<Object> row = new ArrayList<>(List.of(s.school().login(), s.school().municipality().name(),
              String.valueOf(number++), p.pupil.code(), habits.journalMark(p.journal),
              p.absent ? "" : habits.sex(p.pupil.gender()), p.absent ? "" : className(cw, s, habits),
              p.absent ? "отсутствовал" : String.valueOf(p.variant), p.absent ? "" : String.valueOf(p.total())));
          addScores(row, p, spec.tasks().size(), habits, r);
          row.addAll(Arrays.asList("", "", ""));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private List<List<Object>> fisOko2022(WorkKey key, WorkSpec spec, List<SchoolRows> schools, long seed) {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> header = new ArrayList<>(List.of("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа",
        "Дата загрузки", "Код", "Вариант"));
    for (TaskSpec t : spec.tasks()) header.add(fisOkoTaskHeader(t));
    header.addAll(List.of("Наименование класса", "Пол", "Отметка за предыдущий триместр/ четверть/полугодие", "Итого баллов"));
    rows.add(header);
    for (SchoolRows s : schools) {
      FisOkoHabits habits = habits(s.school(), seed);
      SplittableRandom r = Seeds.random(seed, "fis-2022", s.school().login(), key.toString());
      List<Object> school = schoolCells(key, s.school());
      for (ClassWork cw : s.classes()) {
        for (PupilWork p : cw.rows) {
          List<Object> row = new ArrayList<>(school);
          row.add(Integer.valueOf(p.pupil.code()));
          row.add(p.absent ? "отсутствовал" : Integer.valueOf(p.variant));
          addScores(row, p, spec.tasks().size(), habits, r);
          row.add(p.absent ? "" : className(cw, s, habits));
          row.add(p.absent ? "" : habits.sex(p.pupil.gender()));
          row.add(habits.journalMark(p.journal));
          row.add(p.absent ? null : Integer.valueOf(p.total()));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private List<List<Object>> classesSheet(WorkKey key, List<SchoolRows> schools) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа", "Дата загрузки",
        "Буква (цифра) класса. Введите \"нет\" - если отсутствует", "Основной учебник по предмету"));
    for (SchoolRows s : schools) {
      for (ClassWork cw : s.classes()) {
        List<Object> row = new ArrayList<>(schoolCells(key, s.school()));
        row.add(String.valueOf(cw.schoolClass.letter()));
        row.add("");
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Object> schoolCells(WorkKey key, SchoolProfile school) {
    Municipality m = school.municipality();
    return List.of(school.login(), REGION, "reg" + REGION + "0000 | " + REGION_NAME,
        municipalityCode(m) + " | " + m.name(), school.login() + " | " + school.school().name(),
        String.format("15.03.%d 10:%02d:00", key.year(), school.index() % 60));
  }

  /** FIS OKO's own task headers: {@code 5(1) (1б)} for task 5.1, {@code 1К1 (4б)}. */
  static String fisOkoTaskHeader(TaskSpec task) {
    String code = task.code();
    int dot = code.indexOf('.');
    String shown = dot > 0 ? code.substring(0, dot) + "(" + code.substring(dot + 1) + ")" : code;
    return shown + " (" + task.max() + "б)";
  }

  private static void addScores(List<Object> row, PupilWork p, int tasks, FisOkoHabits habits, SplittableRandom r) {
    for (int t = 0; t < tasks; t++) {
      if (p.absent) row.add(null);
      else if (p.scores[t] == PupilWork.X) row.add(habits.notAttempted(r));
      else row.add(String.valueOf(p.scores[t]));
    }
  }

  private static String className(ClassWork cw, SchoolRows school, FisOkoHabits habits) {
    long classesOfGrade = school.classes().size();
    return habits.className(cw.schoolClass.grade(), cw.schoolClass.letter(), classesOfGrade == 1);
  }

  private static FisOkoHabits habits(SchoolProfile school, long seed) {
    return FisOkoHabits.draw(Seeds.random(seed, "fis-oko-habits", school.login()));
  }

  private void write(String path, List<GeneratedWorkbook.Sheet> sheets) {
    GeneratedWorkbook.write(storage, path, sheets);
  }
}
