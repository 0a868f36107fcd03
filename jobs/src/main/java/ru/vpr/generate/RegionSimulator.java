package ru.vpr.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * Simulates one school in one year: which works it writes, every class's honest results, the
 * objectivity-control draw and the planted manipulations. Pure: touches no files, depends only on
 * the settings, the school and the year, so schools can be simulated in any order or in parallel.
 */
final class RegionSimulator {
  /** Share of school works run under objectivity control (observers: nothing gets planted there). */
  static final double CONTROL_SHARE = 0.10;
  /** Share of planted manipulations that happen outside the habitual cheating schools. */
  static final double STRAY_SHARE = 0.15;
  /** Share of years in which a cheating school cheats. */
  static final double ACTIVE_YEAR_SHARE = 0.85;

  /** A school's results in one work. */
  record SchoolWork(WorkKey key, List<ClassWork> classes, boolean control) {}

  /** A school's year. */
  record SchoolYear(SchoolProfile school, int year, List<SchoolClass> classes, List<SchoolWork> works) {}

  private final GeneratorSettings settings;
  private final SpecCatalog catalog;
  private final Map<WorkKey, ItemModel> items = new TreeMap<>();
  private final AbilityModel abilities;
  private final PupilScorer scorer = new PupilScorer();
  private final Manipulator manipulator = new Manipulator();
  private final double cheaterClassChance;
  private final double strayClassChance;

  RegionSimulator(GeneratorSettings settings, SpecCatalog catalog, List<SchoolProfile> schools) {
    this.settings = settings;
    this.catalog = catalog;
    for (WorkSpec spec : catalog.works()) items.put(spec.key(), new ItemModel(settings.seed(), spec));
    this.abilities = new AbilityModel(settings.seed(), settings.strongClassShare());
    double cheaters = schools.stream().filter(SchoolProfile::cheating).count() / (double) Math.max(1, schools.size());
    double share = settings.manipulatedShare();
    // Most planted units come from cheating schools; the rest are strays in other schools.
    // Divided by the share of active years, and raised a quarter for units where nothing could be
    // planted (nobody near a threshold, too few pupils to copy) or that are under control.
    this.cheaterClassChance = cheaters == 0 ? 0
        : Math.min(0.9, 1.25 * share * (1 - STRAY_SHARE) / cheaters / ACTIVE_YEAR_SHARE);
    this.strayClassChance = cheaters == 0 ? share : share * STRAY_SHARE / Math.max(0.01, 1 - cheaters);
  }

  SchoolYear simulate(SchoolProfile school, int year) {
    List<Integer> grades = settings.preset().grades().stream()
        .filter(g -> SpecFactory.grades(year).contains(g)).toList();
    List<SchoolClass> classes = abilities.classes(school, year, grades);
    // A cheating school has quieter years too, but usually keeps at it.
    boolean activeYear = school.cheating() && Seeds.random(settings.seed(), school.login(), year, "active").nextDouble() < ACTIVE_YEAR_SHARE;
    List<SchoolWork> works = new ArrayList<>();
    for (int grade : grades) {
      List<SchoolClass> ofGrade = classes.stream().filter(c -> c.grade() == grade).toList();
      if (ofGrade.isEmpty()) continue;
      for (String subject : subjects(school, year, grade)) {
        WorkKey key = new WorkKey(year, subject, grade);
        ItemModel model = items.get(key);
        if (model == null) continue;
        SplittableRandom controlDraw = Seeds.random(settings.seed(), school.login(), key.toString(), "control");
        boolean control = controlDraw.nextDouble() < CONTROL_SHARE;
        List<ClassWork> classWorks = new ArrayList<>();
        for (SchoolClass c : ofGrade) {
          SplittableRandom r = Seeds.random(settings.seed(), school.login(), key.toString(), c.letter());
          ClassWork cw = new ClassWork(school, c, model.spec(), scorer.score(school, c, model, r));
          plant(cw, control, activeYear, Seeds.random(settings.seed(), school.login(), key.toString(), c.letter(), "plant"));
          classWorks.add(cw);
        }
        works.add(new SchoolWork(key, classWorks, control));
      }
    }
    return new SchoolYear(school, year, classes, works);
  }

  /** ru and ma for every class, plus one or more other subjects drawn for the school's grade. */
  private List<String> subjects(SchoolProfile school, int year, int grade) {
    List<String> extras = new ArrayList<>(SpecFactory.extraSubjects(year, grade));
    SplittableRandom r = Seeds.random(settings.seed(), school.login(), year, grade, "subjects");
    int count = Math.min(extras.size(), 1 + r.nextInt(settings.preset().maxExtraSubjects()));
    List<String> out = new ArrayList<>(List.of("ru", "ma"));
    for (int i = 0; i < count; i++) out.add(extras.remove(r.nextInt(extras.size())));
    return out;
  }

  /** How an endemic pusher pushes: up to reach points under the cut, that share of those pupils. */
  private record EndemicPush(int reach, double share) {}

  /** The school's endemic pushing, drawn once per school so that it keeps its habit; null when it does not push. */
  private EndemicPush endemic(SchoolProfile school) {
    if (settings.endemicShare() <= 0) return null;
    SplittableRandom r = Seeds.random(settings.seed(), school.login(), "endemic");
    if (r.nextDouble() >= settings.endemicShare()) return null;
    return new EndemicPush(1 + r.nextInt(5), Math.round((0.4 + 0.6 * r.nextDouble()) * 100) / 100.0);
  }

  private void plant(ClassWork cw, boolean control, boolean activeYear, SplittableRandom r) {
    plantTargeted(cw, control, activeYear, r);
    EndemicPush push = control || cw.planted != null ? null : endemic(cw.school);
    if (push == null) return;
    int affected = manipulator.pushOverFirstCut(cw, push.reach(), push.share(), r);
    if (affected > 0) {
      cw.planted = Manipulation.ENDEMIC_PUSH;
      cw.intensity = push.share();
      cw.pupilsAffected = affected;
    }
  }

  private void plantTargeted(ClassWork cw, boolean control, boolean activeYear, SplittableRandom r) {
    if (cw.schoolClass.strong()) {
      cw.planted = Manipulation.STRONG_HONEST;
      cw.intensity = AbilityModel.STRONG_BOOST;
      cw.pupilsAffected = cw.present().size();
      return;
    }
    if (control) return;
    SchoolProfile school = cw.school;
    double chance = activeYear ? cheaterClassChance : school.cheating() ? 0 : strayClassChance;
    if (r.nextDouble() >= chance) return;
    Manipulation kind = school.cheating() && r.nextDouble() < 0.65
        ? school.favourite() : Manipulation.CHEATS[r.nextInt(Manipulation.CHEATS.length)];
    double base = school.cheating() ? school.cheatIntensity() : 0.3 + 0.7 * r.nextDouble();
    double intensity = Math.round(Math.max(0.1, Math.min(1.0, base + 0.15 * Seeds.gaussian(r))) * 100) / 100.0;
    int affected = manipulator.apply(kind, intensity, cw, r);
    if (affected == 0) {
      // Nothing to plant (e.g. nobody near a threshold): undo any partial change so the label set
      // and the data agree.
      for (PupilWork p : cw.present()) System.arraycopy(p.honest, 0, p.scores, 0, p.scores.length);
    } else {
      cw.planted = kind;
      cw.intensity = intensity;
      cw.pupilsAffected = affected;
    }
  }
}
