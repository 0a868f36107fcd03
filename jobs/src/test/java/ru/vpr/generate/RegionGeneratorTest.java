package ru.vpr.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.io.Storage;
import ru.vpr.reference.School;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/** Generates the sample region once and checks the files as a reader of the contract would. */
class RegionGeneratorTest {
  @TempDir static Path dir;
  static Path root;
  static GenerationSummary summary;
  static List<FormFiles.Form> forms;
  static SpecCatalog specs;
  static SchoolRegistry registry;
  static List<String[]> labels;

  @BeforeAll
  static void generate() throws IOException {
    root = dir.resolve("sample");
    summary = new RegionGenerator(RegionGenerator.localStorage())
        .generate(GeneratorSettings.of(root.toString(), Preset.SAMPLE));
    forms = FormFiles.readAll(root.resolve(RegionGenerator.LANDING));
    Storage storage = Storage.local();
    specs = SpecCatalog.read(storage, root.resolve("specs").toString());
    registry = SchoolRegistry.read(storage, root.resolve("schools.csv").toString());
    labels = lines(root.resolve("labels.csv"));
  }

  /** Town names as Russian has them: Берёзовский район, г. Берёзовск (never Берёзовскск), г. Заречный. */
  @Test
  void townsAreNamedAfterTheirDistrictsAsRussianDoes() {
    for (Preset preset : Preset.values()) {
      for (Municipality m : new RegistryFactory(7, preset, 0.05).municipalities()) {
        org.junit.jupiter.api.Assertions.assertFalse(m.town().endsWith("скск"), m.town());
        if (m.name().startsWith("Берёзовский")) assertEquals("Берёзовск", m.town());
        if (m.name().startsWith("Заречный")) assertEquals("Заречный", m.town());
      }
    }
  }

  @Test
  void sameSeedGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
    Path again = dir.resolve("again");
    new RegionGenerator(RegionGenerator.localStorage())
        .generate(GeneratorSettings.of(again.toString(), Preset.SAMPLE).withThreads(1));
    Map<String, byte[]> first = contents(root);
    Map<String, byte[]> second = contents(again);
    assertEquals(first.keySet(), second.keySet());
    for (String file : first.keySet()) assertArrayEquals(first.get(file), second.get(file), file);
  }

  @Test
  void otherSeedGivesOtherData() throws IOException {
    Path other = dir.resolve("other");
    new RegionGenerator(RegionGenerator.localStorage())
        .generate(GeneratorSettings.of(other.toString(), Preset.SAMPLE).withSeed(7));
    assertFalse(Files.readString(root.resolve("schools.csv")).equals(Files.readString(other.resolve("schools.csv"))));
    assertFalse(Files.readString(root.resolve("labels.csv")).equals(Files.readString(other.resolve("labels.csv"))));
  }

  @Test
  void sampleStaysSmallAndWritesNoChecksumFiles() throws IOException {
    long bytes = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        assertFalse(p.toString().endsWith(".crc"), p.toString());
        bytes += Files.size(p);
      }
    }
    assertTrue(bytes < 3_500_000, "sample is " + bytes + " bytes");
    assertTrue(summary.pupilWorks() > 10_000, summary.format());
  }

  @Test
  void specsSumToTheirScalesAndKnownScalesAreExact() {
    for (WorkSpec w : specs.works()) {
      assertEquals(w.scale().max(), w.tasks().stream().mapToInt(TaskSpec::max).sum(), w.key().toString());
    }
    int[][] known = {{6, 10, 15, 20}, {7, 11, 15, 20}, {8, 15, 21, 25}, {14, 24, 33, 38}, {18, 29, 39, 45}, {26, 32, 45, 51}};
    String[] works = {"ma/4", "ma/5", "ma/8", "ru/4", "ru/5", "ru/8"};
    for (int year : GeneratorSettings.DEFAULT_YEARS) {
      for (int i = 0; i < works.length; i++) {
        String[] sg = works[i].split("/");
        WorkSpec w = specs.work(new WorkKey(year, sg[0], Integer.parseInt(sg[1]))).orElseThrow();
        assertArrayEquals(known[i], new int[] {w.scale().min3(), w.scale().min4(), w.scale().min5(), w.scale().max()},
            w.key().toString());
      }
    }
    assertTrue(specs.work(new WorkKey(2025, "ru", 10)).isPresent());
    assertTrue(specs.work(new WorkKey(2024, "ru", 10)).isEmpty());
    assertEquals("Математика", specs.subjectNames().get("ma"));
  }

  @Test
  void specsLookLikeRealWorksAndChangeEveryYear() {
    for (WorkSpec w : specs.works()) {
      Set<String> levels = w.tasks().stream().map(TaskSpec::level).collect(Collectors.toSet());
      assertTrue(levels.containsAll(List.of("Б", "П", "В")), w.key() + " levels " + levels);
      int basic = w.tasks().stream().filter(t -> t.level().equals("Б")).mapToInt(TaskSpec::max).sum();
      long high = w.tasks().stream().filter(t -> t.level().equals("В")).count();
      assertTrue(basic >= 0.45 * w.scale().max(), w.key() + ": most points are basic");
      assertTrue(high <= 2, w.key() + ": a couple of high-level tasks at most");
      if (w.key().subject().equals("ru")) {
        assertEquals(TaskSpec.RUBRIC, w.task("1К1").orElseThrow().scoring());
      }
      if (w.key().subject().equals("ma")) {
        TaskSpec last = w.tasks().get(w.tasks().size() - 1);
        assertEquals(2, last.max());
        assertTrue(last.isRubric());
      }
    }
    assertTrue(specs.works().stream().anyMatch(w -> w.tasks().stream().anyMatch(t -> t.code().contains("."))));
    for (String subject : List.of("ru", "ma")) {
      for (int grade = 4; grade <= 8; grade++) {
        List<TaskSpec> y23 = specs.work(new WorkKey(2023, subject, grade)).orElseThrow().tasks();
        List<TaskSpec> y24 = specs.work(new WorkKey(2024, subject, grade)).orElseThrow().tasks();
        List<TaskSpec> y25 = specs.work(new WorkKey(2025, subject, grade)).orElseThrow().tasks();
        assertFalse(y23.equals(y24), subject + grade + " 2023 vs 2024");
        assertFalse(y24.equals(y25), subject + grade + " 2024 vs 2025");
      }
    }
  }

  @Test
  void registryHasEveryKindAndUniqueLogins() {
    Set<String> kinds = registry.schools().stream().map(School::kind).collect(Collectors.toSet());
    assertTrue(kinds.containsAll(List.of("НОШ", "ООШ", "СОШ", "СОШ с УИОП", "гимназия", "лицей", "ЦО", "коррекционная")), kinds.toString());
    assertEquals(40, registry.schools().size());
    Set<String> logins = new HashSet<>();
    for (School s : registry.schools()) {
      assertTrue(s.login().matches("edu\\d{6}"), s.login());
      assertTrue(logins.add(s.login()));
      assertTrue(Set.of(School.CITY, School.VILLAGE).contains(s.locality()));
    }
    long municipalities = registry.schools().stream().map(School::municipalityCode).distinct().count();
    assertTrue(municipalities >= 4, "municipalities " + municipalities);
  }

  @Test
  void villageClassesAreSmallAndCitySchoolsHaveParallelClasses() {
    Map<String, Integer> sizes = new TreeMap<>();
    for (FormFiles.Form f : forms) {
      for (Map<String, String> row : f.rows()) {
        String login = FormFiles.login(f, row);
        sizes.merge(f.year() + "/" + f.subject() + "/" + login + "/" + FormFiles.normaliseClass(row.get("class")), 1, Integer::sum);
      }
    }
    boolean parallel = false;
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      String login = e.getKey().split("/")[2];
      School school = registry.school(login).orElseThrow();
      if (school.locality().equals(School.VILLAGE)) {
        assertTrue(e.getValue() >= 3 && e.getValue() <= 10, e.toString());
        assertTrue(e.getKey().endsWith("А"), "one class per grade in a village: " + e.getKey());
      }
      if (e.getKey().endsWith("Б")) parallel = true;
    }
    assertTrue(parallel);
  }

  @Test
  void codesAreUniquePerWorkAndSharedByOnePupilAcrossWorks() {
    // year/login/code -> class: one pupil, one class in every work of the year.
    Map<String, String> classOf = new HashMap<>();
    Map<String, Set<String>> codesOfClassWork = new TreeMap<>();
    for (FormFiles.Form f : forms) {
      Set<String> seen = new HashSet<>();
      for (Map<String, String> row : f.rows()) {
        String login = FormFiles.login(f, row);
        String code = row.get("code");
        assertTrue(code.matches("\\d{4,6}"), f.path() + ": " + code);
        assertTrue(seen.add(login + "/" + code), "duplicate code in " + f.path() + ": " + code);
        String cls = FormFiles.normaliseClass(row.get("class"));
        String previous = classOf.put(f.year() + "/" + login + "/" + code, cls);
        assertTrue(previous == null || previous.equals(cls), "code in two classes: " + code);
        codesOfClassWork.computeIfAbsent(f.year() + "/" + login + "/" + cls + "|" + f.subject(), k -> new TreeSet<>()).add(code);
      }
    }
    // Every work of a class lists the same pupils (absent ones included): ru and ma share codes.
    int compared = 0;
    for (Map.Entry<String, Set<String>> e : codesOfClassWork.entrySet()) {
      if (!e.getKey().endsWith("|ru")) continue;
      Set<String> ma = codesOfClassWork.get(e.getKey().replace("|ru", "|ma"));
      assertEquals(e.getValue(), ma, e.getKey());
      compared++;
    }
    assertTrue(compared > 100);
  }

  @Test
  void absentPupilsHaveNoTaskCells() {
    int absent = 0;
    int all = 0;
    for (FormFiles.Form f : forms) {
      WorkSpec spec = spec(f);
      for (Map<String, String> row : f.rows()) {
        all++;
        if (!FormFiles.absent(row)) {
          assertTrue(Integer.parseInt(row.get("variant")) > 0);
          continue;
        }
        absent++;
        for (TaskSpec t : spec.tasks()) assertEquals("", row.get(t.code()), f.path() + " task " + t.code());
      }
    }
    double share = absent / (double) all;
    assertTrue(share > 0.02 && share < 0.08, "absent share " + share);
  }

  @Test
  void notAttemptedIsCommonerOnHardTasksAndWrittenBothWays() {
    Map<String, int[]> byLevel = new TreeMap<>(); // level -> {X, cells}
    Set<String> spellings = new TreeSet<>();
    for (FormFiles.Form f : forms) {
      WorkSpec spec = spec(f);
      for (Map<String, String> row : f.rows()) {
        if (FormFiles.absent(row)) continue;
        for (TaskSpec t : spec.tasks()) {
          String cell = row.get(t.code());
          int[] c = byLevel.computeIfAbsent(t.level(), k -> new int[2]);
          c[1]++;
          if (FormFiles.notAttempted(cell)) {
            c[0]++;
            spellings.add(cell);
          } else {
            int v = Integer.parseInt(cell);
            assertTrue(v >= 0 && v <= t.max(), f.path() + " " + t.code() + "=" + v);
          }
        }
      }
    }
    double basic = byLevel.get("Б")[0] / (double) byLevel.get("Б")[1];
    double high = byLevel.get("В")[0] / (double) byLevel.get("В")[1];
    assertTrue(basic > 0.005, "X on basic tasks " + basic);
    assertTrue(high > 2 * basic, "X on high tasks " + high + " vs basic " + basic);
    assertEquals(Set.of("X", "Х"), spellings);
  }

  @Test
  void journalAgreesWithHonestMarksAboutTwoThirdsOfTheTime() {
    Set<String> planted = new HashSet<>();
    for (String[] l : labels) planted.add(l[0] + "/" + l[1] + "/" + l[2] + "/" + l[3] + "/" + l[4]);
    int agree = 0;
    int compared = 0;
    int missing = 0;
    for (FormFiles.Form f : forms) {
      WorkSpec spec = spec(f);
      for (Map<String, String> row : f.rows()) {
        String unit = f.year() + "/" + f.subject() + "/" + f.grade() + "/" + FormFiles.login(f, row) + "/"
            + FormFiles.normaliseClass(row.get("class"));
        if (FormFiles.absent(row) || planted.contains(unit)) continue;
        String journal = row.get("journal");
        if (!journal.matches("[2-5]")) {
          missing++;
          continue;
        }
        compared++;
        if (Integer.parseInt(journal) == spec.scale().markFor(total(spec, row))) agree++;
      }
    }
    double rate = agree / (double) compared;
    assertTrue(rate >= 0.55 && rate <= 0.75, "agreement " + rate);
    assertTrue(missing > 0 && missing < compared * 0.08, "missing journal marks " + missing);
  }

  @Test
  void labelsListEveryManipulationInAPlausibleShare() {
    Set<String> kinds = labels.stream().map(l -> l[5]).collect(Collectors.toSet());
    for (Manipulation m : Manipulation.values()) {
      // Endemic pushing only with an endemic share (EndemicRegionTest); the sample has none.
      if (m == Manipulation.ENDEMIC_PUSH) assertFalse(kinds.contains(m.label()), "endemic pushing in the sample");
      else assertTrue(kinds.contains(m.label()), "missing " + m.label());
    }
    for (String[] l : labels) {
      double intensity = Double.parseDouble(l[6]);
      assertTrue(intensity > 0 && intensity <= 1, l[6]);
      assertTrue(Integer.parseInt(l[7]) > 0);
      assertTrue(l[4].matches("\\d+[А-Я]"), l[4]);
    }
    double share = summary.manipulatedClassWorks() / (double) summary.classWorks();
    assertTrue(share > 0.04 && share < 0.12, summary.format());
    // Cheating clusters: most manipulated units sit in schools with several of them.
    Map<String, Long> perSchool = labels.stream().filter(l -> !l[5].equals("strong_honest"))
        .collect(Collectors.groupingBy(l -> l[3], Collectors.counting()));
    long inClusters = perSchool.values().stream().filter(n -> n >= 3).mapToLong(Long::longValue).sum();
    long all = perSchool.values().stream().mapToLong(Long::longValue).sum();
    assertTrue(inClusters > all / 2, perSchool.toString());
  }

  @Test
  void thresholdPushBunchesScoresExactlyAtTheThresholds() {
    Set<String> pushed = new HashSet<>();
    Set<String> planted = new HashSet<>();
    for (String[] l : labels) {
      String unit = l[0] + "/" + l[1] + "/" + l[2] + "/" + l[3] + "/" + l[4];
      planted.add(unit);
      if (l[5].equals("threshold_push")) pushed.add(unit);
    }
    int[] pushedCounts = new int[2]; // {at a threshold, 1..3 below one}
    int[] cleanCounts = new int[2];
    for (FormFiles.Form f : forms) {
      WorkSpec spec = spec(f);
      for (Map<String, String> row : f.rows()) {
        if (FormFiles.absent(row)) continue;
        String unit = f.year() + "/" + f.subject() + "/" + f.grade() + "/" + FormFiles.login(f, row) + "/"
            + FormFiles.normaliseClass(row.get("class"));
        int[] counts = pushed.contains(unit) ? pushedCounts : planted.contains(unit) ? null : cleanCounts;
        if (counts == null) continue;
        int total = total(spec, row);
        for (int mark = 3; mark <= 5; mark++) {
          int gap = spec.scale().firstScoreOf(mark) - total;
          if (gap == 0) counts[0]++;
          if (gap >= 1 && gap <= 3) counts[1]++;
        }
      }
    }
    double pushedRatio = pushedCounts[0] / (double) Math.max(1, pushedCounts[1]);
    double cleanRatio = cleanCounts[0] / (double) cleanCounts[1];
    assertTrue(pushedRatio > 2 * cleanRatio, "at/below threshold: pushed " + pushedRatio + " clean " + cleanRatio);
  }

  @Test
  void formsComeInBothFormatsAllEncodingsAndHeaderVariants() {
    Set<String> encodings = new TreeSet<>();
    Set<Character> delimiters = new TreeSet<>();
    Set<String> rawHeaders = new TreeSet<>();
    Set<String> classNames = new TreeSet<>();
    int xlsx = 0;
    for (FormFiles.Form f : forms) {
      if (f.xlsx()) {
        xlsx++;
        if (!f.export()) assertTrue(f.preambleRows() >= 1, "xlsx preamble in " + f.path());
      } else {
        encodings.add(f.charset().name() + (f.bom() ? "+BOM" : ""));
        delimiters.add(f.delimiter());
      }
      rawHeaders.addAll(f.rawHeader());
      f.rows().forEach(r -> classNames.add(r.get("class")));
      if (!f.export()) assertTrue(f.fileName().matches("edu\\d{6}\\.(csv|xlsx)"), f.fileName());
    }
    assertTrue(xlsx > 10 && xlsx < forms.size() / 2, "xlsx files " + xlsx);
    assertEquals(Set.of("UTF-8", "UTF-8+BOM", "windows-1251"), encodings);
    assertEquals(Set.of(';', ',', '\t'), delimiters);
    assertTrue(rawHeaders.containsAll(List.of("Код", "Код участника", "Класс", "Наименование класса", "1К1 (4б)", "1 К1 (4б)")), rawHeaders.toString());
    assertTrue(rawHeaders.stream().anyMatch(h -> h.matches("\\d+\\(\\d\\) \\(\\dб\\)")), "3(1)-style sub-items");
    assertTrue(classNames.stream().anyMatch(c -> c.matches("\\d+[А-Я]")));
    assertTrue(classNames.stream().anyMatch(c -> c.matches("\\d+ [А-Я]")));
    assertTrue(classNames.stream().anyMatch(c -> c.matches("\\d+-[а-я]")));
  }

  @Test
  void regionalExportsCarryTheSchoolLoginOnEveryRow() {
    List<FormFiles.Form> exports = forms.stream().filter(FormFiles.Form::export).toList();
    assertFalse(exports.isEmpty());
    int multiSchool = 0;
    for (FormFiles.Form f : exports) {
      Set<String> logins = new TreeSet<>();
      for (Map<String, String> row : f.rows()) {
        assertTrue(registry.contains(row.get("login")), f.path() + ": " + row.get("login"));
        logins.add(row.get("login"));
      }
      assertTrue(f.fileName().startsWith("export_"));
      if (logins.size() >= 2) multiSchool++;
      // An exported school sends no form of its own for that work.
      for (String login : logins) assertFalse(Files.exists(f.path().resolveSibling(login + ".csv")));
    }
    assertTrue(multiSchool > exports.size() / 2, multiSchool + " of " + exports.size());
  }

  @Test
  void controlListHoldsCleanWorksOnly() throws IOException {
    List<String[]> control = lines(root.resolve("control.csv"));
    Set<String> schoolWorks = new HashSet<>();
    for (FormFiles.Form f : forms) {
      for (Map<String, String> row : f.rows()) schoolWorks.add(f.year() + "/" + f.subject() + "/" + f.grade() + "/" + FormFiles.login(f, row));
    }
    double share = control.size() / (double) schoolWorks.size();
    assertTrue(share > 0.05 && share < 0.16, "control share " + share);
    Set<String> manipulated = labels.stream().filter(l -> !l[5].equals("strong_honest"))
        .map(l -> l[0] + "/" + l[1] + "/" + l[2] + "/" + l[3]).collect(Collectors.toSet());
    for (String[] c : control) {
      String work = String.join("/", c);
      assertTrue(schoolWorks.contains(work), work);
      assertFalse(manipulated.contains(work), work);
    }
  }

  @Test
  void recheckFindsInflationInManipulatedWorks() throws IOException {
    List<String[]> rows = lines(root.resolve("recheck/recheck.csv"));
    assertFalse(rows.isEmpty());
    int inflated = 0;
    for (String[] r : rows) {
      int original = Integer.parseInt(r[6]);
      int rechecked = Integer.parseInt(r[7]);
      if (original > rechecked) inflated++;
    }
    assertTrue(inflated > 0);
  }

  static WorkSpec spec(FormFiles.Form f) {
    return specs.work(new WorkKey(f.year(), f.subject(), f.grade())).orElseThrow();
  }

  static int total(WorkSpec spec, Map<String, String> row) {
    int sum = 0;
    for (TaskSpec t : spec.tasks()) {
      String cell = row.get(t.code());
      if (!FormFiles.notAttempted(cell)) sum += Integer.parseInt(cell);
    }
    return sum;
  }

  /** Data lines of a ;-separated reference file (no quoted fields in these files). */
  static List<String[]> lines(Path file) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String[]> out = new ArrayList<>();
    for (String line : all.subList(1, all.size())) if (!line.isBlank()) out.add(line.split(";", -1));
    return out;
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
    }
    return out;
  }
}
