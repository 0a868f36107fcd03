package ru.vpr.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import ru.vpr.io.Storage;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * Generates a synthetic region in the contract's layout, with planted manipulations and their labels:
 *
 * <pre>
 * root/schools.csv
 * root/specs/tasks.csv, scales.csv, subjects.csv
 * root/landing/year=Y/subject=S/grade=G/eduNNNNNN.csv|.xlsx   school forms
 * root/landing/year=Y/subject=S/grade=G/export_moNN.csv|.xlsx regional exports (column Логин ОО)
 * root/labels.csv, root/control.csv, root/recheck/recheck.csv
 * </pre>
 *
 * <p>Same settings give byte-identical files: every school-year draws from its own seeded streams
 * and shared outputs are sorted before they are written, so the thread count changes nothing.
 */
public final class RegionGenerator {
  public static final String LANDING = "landing";
  public static final String SPECS = "specs";
  public static final String SCHOOLS_FILE = "schools.csv";

  private final Storage storage;
  private final FormWriter forms = new FormWriter();

  public RegionGenerator(Storage storage) {
    this.storage = storage;
  }

  /**
   * A storage for local folders that writes no {@code .crc} side files (Hadoop's checksummed local
   * file system would double the file count of the landing zone).
   */
  public static Storage localStorage() {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return new Storage(conf);
  }

  public GenerationSummary generate(GeneratorSettings settings) {
    String root = settings.outputRoot();
    SpecCatalog catalog = new SpecFactory().catalog(settings.years());
    catalog.write(storage, Storage.join(root, SPECS));
    RegistryFactory registry = new RegistryFactory(settings.seed(), settings.preset(), settings.schools(), settings.manipulatedShare());
    List<Municipality> municipalities = registry.municipalities();
    List<SchoolProfile> schools = registry.schools(municipalities);
    if (settings.fisOkoDownloads()) SchoolListWriter.write(storage, Storage.join(root, SchoolListWriter.FILE), schools);
    else RegistryFactory.registry(schools).write(storage, Storage.join(root, SCHOOLS_FILE));

    RegionSimulator simulator = new RegionSimulator(settings, catalog, schools);
    LabelsWriter labels = new LabelsWriter();
    Counters counters = new Counters();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    try {
      for (int year : settings.years()) {
        if (settings.fisOkoDownloads()) {
          writeFisOkoYear(root, year, schools, simulator, catalog, settings, labels, counters, pool);
          continue;
        }
        Set<String> exporting = exportingMunicipalities(settings, municipalities, schools, year);
        List<Future<RegionSimulator.SchoolYear>> futures = new ArrayList<>();
        for (SchoolProfile school : schools) {
          boolean exported = exporting.contains(school.municipality().code());
          futures.add(pool.submit(() -> {
            RegionSimulator.SchoolYear sy = simulator.simulate(school, year);
            record(sy, settings, labels, counters);
            if (!exported) writeSchoolForms(root, sy, catalog, settings.csvOnly(), counters);
            return exported ? sy : null;
          }));
        }
        Map<String, List<RegionSimulator.SchoolYear>> byMunicipality = new TreeMap<>();
        for (Future<RegionSimulator.SchoolYear> f : futures) {
          RegionSimulator.SchoolYear sy = f.get();
          if (sy != null) byMunicipality.computeIfAbsent(sy.school().municipality().code(), k -> new ArrayList<>()).add(sy);
        }
        byMunicipality.forEach((code, years) -> writeExport(root, code, years, settings, counters));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("generation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    labels.write(storage, root);
    int manipulated = counters.manipulated.get();
    return new GenerationSummary(municipalities.size(), schools.size(), catalog.works().size(),
        counters.classes.get(), counters.classWorks.get(), counters.pupilWorks.get(), counters.schoolForms.get(),
        counters.exportFiles.get(), manipulated, counters.strong.get(), labels.controlCount(), labels.recheckCount());
  }

  /** One or two municipalities a year send one regional export per work instead of school forms. */
  private static Set<String> exportingMunicipalities(
      GeneratorSettings settings, List<Municipality> municipalities, List<SchoolProfile> schools, int year) {
    List<String> candidates = new ArrayList<>();
    for (Municipality m : municipalities) {
      long count = schools.stream().filter(s -> s.municipality().equals(m)).count();
      if (count >= 2) candidates.add(m.code());
    }
    SplittableRandom r = Seeds.random(settings.seed(), "exports", year);
    Set<String> out = new TreeSet<>();
    int wanted = Math.min(settings.preset().exportMunicipalitiesPerYear(), Math.max(0, candidates.size() - 1));
    while (out.size() < wanted) out.add(candidates.get(r.nextInt(candidates.size())));
    return out;
  }

  private void writeSchoolForms(String root, RegionSimulator.SchoolYear sy, SpecCatalog catalog, boolean csvOnly,
      Counters counters) {
    SchoolProfile school = sy.school();
    FormStyle style = csvOnly ? school.style().asUtf8Csv() : school.style();
    for (RegionSimulator.SchoolWork work : sy.works()) {
      List<FormWriter.Row> rows = new ArrayList<>();
      for (ClassWork cw : work.classes()) {
        String className = style.className(cw.schoolClass.grade(), cw.schoolClass.letter());
        for (PupilWork p : cw.rows) rows.add(new FormWriter.Row(school.login(), p, className, textbook(work.key())));
      }
      String subjectName = catalog.subjectNames().getOrDefault(work.key().subject(), work.key().subject());
      List<String> preamble = preamble(style.preambleRows(), school.school().name(), subjectName, work.key());
      String path = Storage.join(folder(root, work.key()), school.login() + (style.xlsx() ? ".xlsx" : ".csv"));
      try (OutputStream out = storage.create(path)) {
        forms.write(out, style, spec(work), rows, false, preamble);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      counters.schoolForms.incrementAndGet();
    }
  }

  /** A municipality's export: one file per work with all its schools' rows, grouped by login. */
  private void writeExport(String root, String code, List<RegionSimulator.SchoolYear> years,
      GeneratorSettings settings, Counters counters) {
    Map<WorkKey, List<FormWriter.Row>> byWork = new TreeMap<>();
    Map<WorkKey, WorkSpec> specs = new LinkedHashMap<>();
    for (RegionSimulator.SchoolYear sy : years) {
      for (RegionSimulator.SchoolWork work : sy.works()) {
        specs.put(work.key(), spec(work));
        List<FormWriter.Row> rows = byWork.computeIfAbsent(work.key(), k -> new ArrayList<>());
        for (ClassWork cw : work.classes()) {
          String className = cw.schoolClass.name();
          for (PupilWork p : cw.rows) rows.add(new FormWriter.Row(sy.school().login(), p, className, ""));
        }
      }
    }
    boolean xlsx = Seeds.random(settings.seed(), "export-format", code, years.get(0).year()).nextDouble() < 0.3
        && !settings.csvOnly();
    FormStyle style = FormStyle.export(xlsx);
    for (Map.Entry<WorkKey, List<FormWriter.Row>> e : byWork.entrySet()) {
      String path = Storage.join(folder(root, e.getKey()), "export_" + code + (xlsx ? ".xlsx" : ".csv"));
      try (OutputStream out = storage.create(path)) {
        forms.write(out, style, specs.get(e.getKey()), e.getValue(), true,
            List.of("Выгрузка результатов ВПР по муниципалитету " + code));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      counters.exportFiles.incrementAndGet();
    }
  }

  /**
   * A year as FIS OKO's downloads: every work one whole-region export, except the works of a couple of
   * schools that sent their own collection form for one subject (a re-upload, as coordinators get them).
   */
  private void writeFisOkoYear(String root, int year, List<SchoolProfile> schools, RegionSimulator simulator,
      SpecCatalog catalog, GeneratorSettings settings, LabelsWriter labels, Counters counters, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    List<Future<RegionSimulator.SchoolYear>> futures = new ArrayList<>();
    for (SchoolProfile school : schools) {
      futures.add(pool.submit(() -> {
        RegionSimulator.SchoolYear sy = simulator.simulate(school, year);
        record(sy, settings, labels, counters);
        return sy;
      }));
    }
    SplittableRandom r = Seeds.random(settings.seed(), "fis-oko-forms", year);
    Set<String> ownForms = new TreeSet<>();
    while (ownForms.size() < Math.min(2, schools.size() - 1)) ownForms.add(schools.get(r.nextInt(schools.size())).login());
    FisOkoDownloads downloads = new FisOkoDownloads(storage, Storage.join(root, LANDING), catalog.subjectNames());
    Map<WorkKey, List<FisOkoDownloads.SchoolRows>> byWork = new TreeMap<>();
    Map<WorkKey, WorkSpec> specs = new LinkedHashMap<>();
    for (Future<RegionSimulator.SchoolYear> f : futures) {
      RegionSimulator.SchoolYear sy = f.get();
      for (RegionSimulator.SchoolWork work : sy.works()) {
        specs.put(work.key(), spec(work));
        FisOkoDownloads.SchoolRows rows = new FisOkoDownloads.SchoolRows(sy.school(), work.classes());
        if (ownForms.contains(sy.school().login()) && work.key().subject().equals("ma")) {
          downloads.writeCollectionForm(work.key(), spec(work), rows, settings.seed());
          counters.schoolForms.incrementAndGet();
        } else {
          byWork.computeIfAbsent(work.key(), k -> new ArrayList<>()).add(rows);
        }
      }
    }
    byWork.forEach((key, rows) -> {
      downloads.writeExport(key, specs.get(key), rows, settings.seed());
      counters.exportFiles.incrementAndGet();
    });
  }

  /** Labels, control list and re-check rows of a school-year; counts for the summary. */
  private static void record(RegionSimulator.SchoolYear sy, GeneratorSettings settings, LabelsWriter labels,
      Counters counters) {
    String login = sy.school().login();
    List<List<?>> labelRows = new ArrayList<>();
    List<List<?>> controlRows = new ArrayList<>();
    List<List<?>> recheckRows = new ArrayList<>();
    counters.classes.addAndGet(sy.classes().size());
    for (RegionSimulator.SchoolWork work : sy.works()) {
      WorkKey key = work.key();
      if (work.control()) controlRows.add(List.of(key.year(), key.subject(), key.grade(), login));
      boolean manipulated = false;
      for (ClassWork cw : work.classes()) {
        counters.classWorks.incrementAndGet();
        counters.pupilWorks.addAndGet(cw.rows.size());
        if (cw.planted == null) continue;
        if (cw.planted.isManipulation()) {
          manipulated = true;
          counters.manipulated.incrementAndGet();
        } else {
          counters.strong.incrementAndGet();
        }
        labelRows.add(List.of(key.year(), key.subject(), key.grade(), login, cw.schoolClass.name(),
            cw.planted.label(), String.format(Locale.ROOT, "%.2f", cw.intensity), cw.pupilsAffected));
      }
      SplittableRandom r = Seeds.random(settings.seed(), login, key.toString(), "recheck");
      if (r.nextDouble() < (manipulated ? 0.5 : 0.03)) recheckRows.addAll(recheck(work, r));
    }
    labels.addLabels(labelRows);
    labels.addControl(controlRows);
    labels.addRecheck(recheckRows);
  }

  /**
   * A commission re-checks up to five works of a school work (changed ones first) and gives the
   * honest score. Not attempted counts as 0 points on both sides.
   */
  private static List<List<?>> recheck(RegionSimulator.SchoolWork work, SplittableRandom r) {
    List<PupilWork> changed = new ArrayList<>();
    List<PupilWork> others = new ArrayList<>();
    for (ClassWork cw : work.classes()) {
      for (PupilWork p : cw.present()) {
        (java.util.Arrays.equals(p.scores, p.honest) ? others : changed).add(p);
      }
    }
    List<PupilWork> chosen = new ArrayList<>();
    while (chosen.size() < 5 && !(changed.isEmpty() && others.isEmpty())) {
      List<PupilWork> from = changed.isEmpty() ? others : changed;
      chosen.add(from.remove(r.nextInt(from.size())));
    }
    WorkKey key = work.key();
    WorkSpec spec = work.classes().get(0).spec;
    List<List<?>> rows = new ArrayList<>();
    for (PupilWork p : chosen) {
      for (int t = 0; t < spec.tasks().size(); t++) {
        rows.add(List.of(key.year(), key.subject(), key.grade(), work.classes().get(0).school.login(),
            p.pupil.code(), spec.tasks().get(t).code(), Math.max(0, p.scores[t]), Math.max(0, p.honest[t])));
      }
    }
    return rows;
  }

  private static WorkSpec spec(RegionSimulator.SchoolWork work) {
    return work.classes().get(0).spec;
  }

  private static String folder(String root, WorkKey key) {
    return Storage.join(root, LANDING + "/year=" + key.year() + "/subject=" + key.subject() + "/grade=" + key.grade());
  }

  /** Title lines above an Excel form's header; the last one is blank as in the real template. */
  private static List<String> preamble(int rows, String schoolName, String subjectName, WorkKey key) {
    List<String> lines = new ArrayList<>(List.of(
        "Форма сбора результатов ВПР", schoolName, subjectName + ", " + key.grade() + " класс, " + key.year()));
    List<String> out = new ArrayList<>(lines.subList(0, Math.min(rows - 1, lines.size())));
    out.add("");
    return out;
  }

  private static String textbook(WorkKey key) {
    return switch (key.subject()) {
      case "ru" -> "Русский язык. Канакина В.П., Горецкий В.Г.";
      case "ma" -> key.grade() == 4 ? "Математика. Моро М.И., Бантова М.А." : "Математика. Виленкин Н.Я., Жохов В.И.";
      default -> "«Просвещение», " + (key.year() - 3);
    };
  }

  private static final class Counters {
    final AtomicInteger classes = new AtomicInteger();
    final AtomicInteger classWorks = new AtomicInteger();
    final AtomicLong pupilWorks = new AtomicLong();
    final AtomicInteger schoolForms = new AtomicInteger();
    final AtomicInteger exportFiles = new AtomicInteger();
    final AtomicInteger manipulated = new AtomicInteger();
    final AtomicInteger strong = new AtomicInteger();
  }
}
