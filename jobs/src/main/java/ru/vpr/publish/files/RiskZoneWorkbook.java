package ru.vpr.publish.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.LowResultSchool;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.PartnerSchool;
import ru.vpr.publish.model.RecheckOutcome;
import ru.vpr.publish.model.RecheckPrecision;
import ru.vpr.publish.model.RecheckReason;
import ru.vpr.publish.model.RecheckWork;
import ru.vpr.publish.model.RiskReason;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.RiskZoneList;

/**
 * Writes {@code risk_zone.xlsx} (contract §3): the list for officials, in Russian. Sheets: «Сводка»
 * (what the list is, totals per municipality and the region, the risk zone over the years), one sheet
 * per municipality sorted by code (flagged schools one at a time: their works and classes with the
 * reasons in words, the works to re-check, suggested partner schools; then the control sample),
 * «Низкие результаты» and «Итоги перепроверки».
 *
 * <p>Every string cell goes through {@link SafeText}; numbers are numbers; no cell is a formula. The
 * output is byte-identical for identical input (see {@link ReproducibleXlsx}); fastexcel's own output
 * goes through a temporary local file on the way.
 */
public final class RiskZoneWorkbook {
  public static final String FILE_NAME = "risk_zone.xlsx";
  public static final String SUMMARY_SHEET = "Сводка";
  public static final String LOW_RESULTS_SHEET = "Низкие результаты";
  public static final String RECHECK_SHEET = "Итоги перепроверки";

  private static final List<String> GROUPS = List.of("flagged", "control", "other");
  private static final Map<String, String> GROUP_RUSSIAN = Map.of(
      "flagged", "в зоне риска", "control", "контрольная выборка", "other", "прочие");
  private static final Map<String, String> BASIS_RUSSIAN = Map.of(
      "municipality", "тот же муниципалитет", "peer_group", "школа того же типа");
  private static final String SCORE = "0.000";
  private static final String SHARE = "0.0%";
  private static final String LEVEL = "+0.00;-0.00;0.00";
  private static final String SLOPE = "+0.0;-0.0;0.0";

  private final SubjectNames subjects;

  /** With the contract's subject names. */
  public RiskZoneWorkbook() {
    this(SubjectNames.contract());
  }

  public RiskZoneWorkbook(SubjectNames subjects) {
    this.subjects = Objects.requireNonNull(subjects, "subjects");
  }

  /** Writes the workbook to {@code out}, which stays open. */
  public void write(RiskZoneList list, OutputStream out) {
    Path raw = null;
    try {
      // fastexcel's zip is re-read through its central directory, which needs a file.
      raw = Files.createTempFile("risk_zone", ".xlsx");
      try (OutputStream file = Files.newOutputStream(raw)) {
        build(list, file);
      }
      ReproducibleXlsx.copy(raw, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
    } finally {
      if (raw != null) {
        try {
          Files.deleteIfExists(raw);
        } catch (IOException ignored) {
          // a temp file left behind is not worth failing the publication for
        }
      }
    }
  }

  /** The workbook's bytes. */
  public byte[] toBytes(RiskZoneList list) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(list, out);
    return out.toByteArray();
  }

  private void build(RiskZoneList list, OutputStream raw) throws IOException {
    View view = new View(list);
    Workbook wb = new Workbook(raw, "VPR risk zone", "1.0");
    wb.properties().setTitle("Школы в зоне риска по результатам ВПР, " + list.year() + " год");
    summary(new SheetWriter(wb.newWorksheet(SUMMARY_SHEET)), view);
    SheetNames names = new SheetNames(SUMMARY_SHEET, LOW_RESULTS_SHEET, RECHECK_SHEET);
    for (Muni m : view.munis.values()) {
      municipality(new SheetWriter(wb.newWorksheet(names.municipality(m.code, m.name))), view, m);
    }
    lowResults(new SheetWriter(wb.newWorksheet(LOW_RESULTS_SHEET)), view);
    recheckResults(new SheetWriter(wb.newWorksheet(RECHECK_SHEET)), view);
    wb.finish();
  }

  // ---- «Сводка» ---------------------------------------------------------------------------------

  private void summary(SheetWriter s, View v) {
    int year = v.list.year();
    s.widths(12, 36, 16, 18, 16, 16, 16, 16, 16, 18);
    s.title("Школы в зоне риска по результатам ВПР — " + year + " год");
    s.heading("Что это за список");
    s.line("Это отбор школ и классов, чьи работы ВПР стоит перепроверить и где может понадобиться "
        + "методическая поддержка.");
    s.line("Это не вывод о нарушениях и не рейтинг школ: признаки найдены статистически по результатам "
        + "работ и требуют проверки людьми.");
    s.line("На листах муниципалитетов — школы в зоне риска с причинами, работы для перепроверки и "
        + "предлагаемые школы-партнёры; на листе «" + LOW_RESULTS_SHEET + "» — школы с устойчиво низкими "
        + "результатами; на листе «" + RECHECK_SHEET + "» — что показала перепроверка.");
    s.blank();

    s.heading("Итоги по муниципалитетам");
    s.header("Код", "Муниципалитет", "Школ в зоне риска", "Классов в зоне риска (класс × предмет)",
        "Работ на перепроверку", "из них контрольная выборка", "Школ с низкими результатами");
    for (Muni m : v.munis.values()) {
      s.text(0, m.code).text(1, m.name);
      totals(s, v, m.code);
      s.next();
    }
    s.text(1, "Итого по региону");
    totals(s, v, null);
    s.bold(6).next();
    s.blank();

    s.heading("Динамика зоны риска по годам");
    List<RiskTrend> trend = new ArrayList<>(v.list.riskTrend());
    if (trend.isEmpty()) {
      s.line("Данных о динамике нет.");
      return;
    }
    s.header("Год", "Муниципалитет", "Школ с оценкой", "В зоне риска", "Повторно (и в прошлом году)",
        "Вышли из зоны", "Вошли в зону", "Тренд, школ в год", "Направление");
    trend.sort(Comparator.comparing((RiskTrend t) -> t.municipalityCode() != null)
        .thenComparing(t -> Objects.toString(t.municipalityCode(), ""))
        .thenComparingInt(RiskTrend::year));
    for (RiskTrend t : trend) {
      s.number(0, t.year()).text(1, t.municipalityCode() == null ? "Регион" : v.muniLabel(t.municipalityCode()))
          .number(2, t.schoolsScored()).number(3, t.flagged()).number(4, t.flaggedAgain())
          .number(5, t.left()).number(6, t.entered()).number(7, t.slope(), SLOPE)
          .text(8, direction(t.slope()));
      s.next();
    }
  }

  private static void totals(SheetWriter s, View v, String code) {
    s.number(2, v.flaggedLogins(code).size())
        .number(3, v.count(v.list.flaggedClasses(), FlaggedUnit::municipalityCode, code))
        .number(4, v.count(v.list.recheck(), RecheckWork::municipalityCode, code))
        .number(5, v.inMuni(v.list.recheck(), RecheckWork::municipalityCode, code).stream()
            .filter(RiskZoneWorkbook::isControl).count())
        .number(6, v.inMuni(v.list.lowResults(), LowResultSchool::municipalityCode, code).stream()
            .map(LowResultSchool::login).distinct().count());
  }

  private static String direction(Double slope) {
    if (slope == null || slope.isNaN()) return "мало лет для оценки";
    if (slope < 0) return "сокращается";
    if (slope > 0) return "растёт";
    return "не меняется";
  }

  // ---- one sheet per municipality ---------------------------------------------------------------

  private void municipality(SheetWriter s, View v, Muni m) {
    int year = v.list.year();
    s.widths(46, 14, 22, 14, 14, 90);
    s.title(m.name + " (код " + m.code + ") — ВПР " + year);
    s.freezeRows(1);
    List<FlaggedUnit> schoolUnits = v.inMuni(v.list.flaggedSchools(), FlaggedUnit::municipalityCode, m.code);
    List<FlaggedUnit> classUnits = v.inMuni(v.list.flaggedClasses(), FlaggedUnit::municipalityCode, m.code);
    List<RecheckWork> recheck = v.inMuni(v.list.recheck(), RecheckWork::municipalityCode, m.code);
    Set<String> flagged = v.flaggedLogins(m.code);
    s.line("Школ в зоне риска: " + flagged.size() + "; классов в зоне риска (класс × предмет): "
        + classUnits.size() + "; работ на перепроверку: " + recheck.size() + " (из них контрольная выборка: "
        + recheck.stream().filter(RiskZoneWorkbook::isControl).count() + ").");
    s.line("Зона риска — повод перепроверить работы и предложить поддержку, а не вывод о нарушениях. "
        + "Школы идут по убыванию оценки числа учащихся, дотянутых до отметок, затем по убыванию риска; по каждой — её работы и классы в зоне риска с причинами, работы "
        + "для перепроверки и школы-партнёры.");
    s.blank();

    if (flagged.isEmpty()) {
      s.line("В " + year + " году школ этого муниципалитета в зоне риска нет.");
      s.blank();
    }
    Map<String, List<FlaggedUnit>> unitsBySchool = byLogin(schoolUnits);
    Map<String, List<FlaggedUnit>> classesBySchool = byLogin(classUnits);
    Map<String, List<RecheckWork>> recheckBySchool = recheck.stream()
        .collect(Collectors.groupingBy(w -> login(w.login()), LinkedHashMap::new, Collectors.toList()));
    Map<String, List<PartnerSchool>> partnersBySchool = v.list.partners().stream()
        .collect(Collectors.groupingBy(p -> login(p.login()), LinkedHashMap::new, Collectors.toList()));

    List<String> order = new ArrayList<>(flagged);
    // What a commission re-checks to undo first: the most pupils pushed over the cuts, then the strongest evidence.
    order.sort(Comparator.comparingDouble((String login) -> -pushed(unitsBySchool.get(login)))
        .thenComparingInt(login -> bestRank(unitsBySchool.get(login)))
        .thenComparingInt(login -> bestRank(classesBySchool.get(login)))
        .thenComparing(Comparator.naturalOrder()));
    for (String login : order) {
      List<FlaggedUnit> units = sortedUnits(unitsBySchool.get(login));
      List<FlaggedUnit> classes = sortedUnits(classesBySchool.get(login));
      List<RecheckWork> works = sortedWorks(recheckBySchool.get(login));
      String name = firstNonBlank(units.stream().map(FlaggedUnit::schoolName), classes.stream()
          .map(FlaggedUnit::schoolName), works.stream().map(RecheckWork::schoolName));
      s.band(schoolLabel(name, login), 5, SheetWriter.SCHOOL_FILL);

      s.italic("Работы школы в зоне риска");
      if (units.isEmpty()) {
        s.line("Работ школы в зоне риска нет (в зоне риска только отдельные классы).");
      } else {
        s.header("Предмет", "Параллель", "Участников", "Балл риска", "Место по риску в регионе", "Причины",
            "Дотянуто до отметок, учащихся (оценка)");
        for (FlaggedUnit u : units) unitRow(s, u, false);
      }
      s.italic("Классы в зоне риска");
      if (classes.isEmpty()) {
        s.line("Отдельных классов в зоне риска нет.");
      } else {
        s.header("Предмет", "Класс", "Участников", "Балл риска", "Место по риску в регионе", "Причины");
        for (FlaggedUnit u : classes) unitRow(s, u, true);
      }
      s.italic("Работы для перепроверки");
      if (works.isEmpty()) {
        s.line("Работы для перепроверки не выбраны.");
      } else {
        workHeader(s);
        for (RecheckWork w : works) workRow(s, w);
      }
      s.italic("Школы-партнёры (предложение для методической поддержки)");
      List<PartnerSchool> partners = new ArrayList<>(partnersBySchool.getOrDefault(login, List.of()));
      if (partners.isEmpty()) {
        s.line("Школы-партнёры не подобраны.");
      } else {
        partners.sort(Comparator.comparingInt(PartnerSchool::rank).thenComparing(PartnerSchool::partnerLogin,
            Comparator.nullsLast(Comparator.naturalOrder())));
        s.header("Школа-партнёр", "Логин", "Муниципалитет", "Результаты выше среднего по региону, ст. откл.",
            "Порядок", "Основание");
        for (PartnerSchool p : partners) {
          s.text(0, p.partnerName()).text(1, p.partnerLogin()).text(2, v.muniName(p.partnerMunicipalityCode()))
              .number(3, p.level(), LEVEL).number(4, p.rank())
              .text(5, BASIS_RUSSIAN.getOrDefault(p.basis(), p.basis()));
          s.next();
        }
      }
      s.blank();
    }

    s.heading("Контрольная выборка: работы для перепроверки из школ вне зоны риска");
    s.line("Случайные работы школ без признаков риска: по ним видно, как часто завышение встречается без "
        + "признаков, и проверяется сам отбор.");
    List<String> others = recheckBySchool.keySet().stream().filter(login -> !flagged.contains(login)).sorted().toList();
    if (others.isEmpty()) {
      s.line("Контрольная выборка в муниципалитете не выбиралась.");
      return;
    }
    for (String login : others) {
      List<RecheckWork> works = sortedWorks(recheckBySchool.get(login));
      s.band(schoolLabel(firstNonBlank(works.stream().map(RecheckWork::schoolName)), login), 5,
          SheetWriter.SCHOOL_FILL);
      workHeader(s);
      for (RecheckWork w : works) workRow(s, w);
    }
  }

  private void unitRow(SheetWriter s, FlaggedUnit u, boolean isClass) {
    s.text(0, subjects.russian(u.subject()));
    if (isClass && u.className() != null) s.text(1, u.className());
    else s.number(1, u.grade());
    s.number(2, u.written()).number(3, u.riskScore(), SCORE).number(4, u.riskRank())
        .text(5, withEvidence(reasons(u.reasons(), RiskReason::russian), u.evidence()));
    if (!isClass && u.pushed() != null) s.number(6, Math.round(u.pushed()));
    s.next();
  }

  /** The reasons, then the school's evidence sentence that a person can check against its pupils' scores. */
  private static String withEvidence(String reasons, String evidence) {
    if (evidence == null || evidence.isBlank()) return reasons;
    return reasons == null ? evidence : reasons + "; " + evidence;
  }

  private static void workHeader(SheetWriter s) {
    s.header("Предмет", "Класс", "Код участника", "", "", "Причины отбора");
  }

  private void workRow(SheetWriter s, RecheckWork w) {
    s.text(0, subjects.russian(w.subject()));
    if (w.className() != null) s.text(1, w.className());
    else s.number(1, w.grade());
    s.text(2, w.code()).text(5, reasons(w.reasons(), RecheckReason::russian));
    s.next();
  }

  private static String schoolLabel(String name, String login) {
    return "Школа: " + (name == null ? "(название не указано)" : name) + " — логин " + login;
  }

  // ---- «Низкие результаты» ----------------------------------------------------------------------

  private void lowResults(SheetWriter s, View v) {
    int year = v.list.year();
    s.widths(10, 26, 46, 14, 32, 16, 110);
    s.title("Школы с низкими результатами — ВПР " + year);
    s.line("Школы с устойчиво низкими результатами по критериям региона; основания — в последнем столбце. "
        + "Это список для адресной поддержки, а не для перепроверки.");
    s.blank();
    List<LowResultSchool> rows = new ArrayList<>(v.list.lowResults());
    if (rows.isEmpty()) {
      s.line("В " + year + " году школ с низкими результатами нет.");
      return;
    }
    rows.sort(Comparator.comparing((LowResultSchool r) -> Objects.toString(r.municipalityCode(), ""))
        .thenComparing(r -> Objects.toString(r.login(), "")));
    s.header("Код", "Муниципалитет", "Школа", "Логин", "Предметы", "Наибольшая доля отметок «2»", "Основания");
    s.freezeRows(s.row());
    for (LowResultSchool r : rows) {
      s.text(0, r.municipalityCode()).text(1, v.muniName(r.municipalityCode())).text(2, r.schoolName())
          .text(3, r.login()).text(4, subjectList(r.subjects())).number(5, r.maxShare2(), SHARE)
          .text(6, r.reasonsText());
      s.next();
    }
  }

  private String subjectList(String codes) {
    if (codes == null || codes.isBlank()) return null;
    List<String> names = new ArrayList<>();
    for (String code : codes.split("\\|")) if (!code.isBlank()) names.add(subjects.russian(code.trim()));
    return String.join(", ", names);
  }

  // ---- «Итоги перепроверки» ---------------------------------------------------------------------

  private void recheckResults(SheetWriter s, View v) {
    int year = v.list.year();
    s.widths(10, 26, 46, 14, 26, 11, 22, 14, 14, 14, 12, 12, 52);
    s.title("Итоги перепроверки работ — ВПР " + year);
    s.line("Цель: не менее 90% работ проверены объективно. Если у школы объективно проверено меньше 90% "
        + "перепроверенных работ, её проверка считается завышающей результаты.");
    s.blank();
    if (v.list.outcomes().isEmpty() && v.list.precision().isEmpty()) {
      s.line("Перепроверка в " + year + " году не проводилась: результатов перепроверки нет.");
      return;
    }

    s.heading("Подтверждение отбора по группам школ");
    s.line("Для школ в зоне риска доля школ с завышением — это точность отбора; для контрольной выборки — "
        + "как часто завышение встречается без признаков риска.");
    List<RecheckPrecision> precision = new ArrayList<>(v.list.precision());
    if (precision.isEmpty()) {
      s.line("Сводных данных по группам нет.");
    } else {
      precision.sort(Comparator.comparing((RecheckPrecision p) -> p.municipalityCode() != null)
          .thenComparing(p -> Objects.toString(p.municipalityCode(), ""))
          .thenComparingInt(p -> groupOrder(p.group())));
      s.header("Код", "Муниципалитет", "Группа школ", "Школ перепроверено", "Из них с завышением",
          "Доля школ с завышением");
      for (RecheckPrecision p : precision) {
        s.text(0, p.municipalityCode())
            .text(1, p.municipalityCode() == null ? "Регион" : v.muniName(p.municipalityCode()))
            .text(2, group(p.group())).number(3, p.schools()).number(4, p.inflated());
        if (p.share() == null) s.text(5, "—");
        else s.number(5, p.share(), SHARE);
        s.next();
      }
    }
    s.blank();

    s.heading("Результаты по школам");
    List<RecheckOutcome> outcomes = new ArrayList<>(v.list.outcomes());
    if (outcomes.isEmpty()) {
      s.line("Результатов по школам нет.");
      return;
    }
    outcomes.sort(Comparator.comparing((RecheckOutcome o) -> Objects.toString(o.municipalityCode(), ""))
        .thenComparingInt(o -> groupOrder(o.group()))
        .thenComparing(o -> Objects.toString(o.login(), ""))
        .thenComparing(o -> Objects.toString(o.subject(), ""))
        .thenComparingInt(RecheckOutcome::grade));
    s.header("Код", "Муниципалитет", "Школа", "Логин", "Предмет", "Параллель", "Группа школ",
        "Работ перепроверено", "Проверены объективно", "Доля объективно проверенных", "Баллов снято",
        "Баллов добавлено", "Вывод");
    for (RecheckOutcome o : outcomes) {
      s.text(0, o.municipalityCode()).text(1, v.muniName(o.municipalityCode())).text(2, o.schoolName())
          .text(3, o.login()).text(4, subjects.russian(o.subject())).number(5, o.grade())
          .text(6, group(o.group())).number(7, o.works()).number(8, o.objectiveWorks())
          .number(9, o.objectiveShare(), SHARE).number(10, o.pointsRemoved()).number(11, o.pointsAdded())
          .text(12, o.russianVerdict());
      s.next();
    }
  }

  private static String group(String code) {
    return GROUP_RUSSIAN.getOrDefault(code, code);
  }

  private static int groupOrder(String code) {
    int i = GROUPS.indexOf(code);
    return i < 0 ? GROUPS.size() : i;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static boolean isControl(RecheckWork w) {
    return w.reasons() != null && w.reasons().contains(RecheckReason.CONTROL);
  }

  private static String reasons(List<String> codes, Function<String, String> russian) {
    if (codes == null || codes.isEmpty()) return null;
    List<String> words = new ArrayList<>();
    for (String code : codes) if (code != null && !code.isBlank()) words.add(russian.apply(code));
    return String.join("; ", words);
  }

  /** A login as a grouping key: a missing one groups as empty rather than failing the list. */
  private static String login(String login) {
    return login == null ? "" : login;
  }

  private static Map<String, List<FlaggedUnit>> byLogin(List<FlaggedUnit> units) {
    return units.stream().collect(Collectors.groupingBy(u -> login(u.login()), LinkedHashMap::new, Collectors.toList()));
  }

  /** The pupils a school's flagged works are estimated to have pushed over the cuts, in all. */
  private static double pushed(List<FlaggedUnit> units) {
    if (units == null) return 0;
    return units.stream().mapToDouble(u -> u.pushed() == null ? 0 : u.pushed()).sum();
  }

  private static int bestRank(List<FlaggedUnit> units) {
    if (units == null) return Integer.MAX_VALUE;
    return units.stream().mapToInt(FlaggedUnit::riskRank).min().orElse(Integer.MAX_VALUE);
  }

  private static List<FlaggedUnit> sortedUnits(List<FlaggedUnit> units) {
    if (units == null) return List.of();
    List<FlaggedUnit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingInt(FlaggedUnit::riskRank)
        .thenComparing(u -> Objects.toString(u.subject(), ""))
        .thenComparingInt(FlaggedUnit::grade)
        .thenComparing(u -> Objects.toString(u.className(), "")));
    return sorted;
  }

  private static List<RecheckWork> sortedWorks(List<RecheckWork> works) {
    if (works == null) return List.of();
    List<RecheckWork> sorted = new ArrayList<>(works);
    sorted.sort(Comparator.comparing((RecheckWork w) -> Objects.toString(w.subject(), ""))
        .thenComparingInt(RecheckWork::grade)
        .thenComparing(w -> Objects.toString(w.className(), ""))
        .thenComparing(w -> Objects.toString(w.code(), "")));
    return sorted;
  }

  @SafeVarargs
  private static String firstNonBlank(java.util.stream.Stream<String>... candidates) {
    for (java.util.stream.Stream<String> c : candidates) {
      String found = c.filter(n -> n != null && !n.isBlank()).findFirst().orElse(null);
      if (found != null) return found;
    }
    return null;
  }

  private record Muni(String code, String name) {}

  /** The list with null lists read as empty, and the municipalities the data mentions. */
  private static final class View {
    final RiskZoneList list;
    final Map<String, Muni> munis = new TreeMap<>();

    View(RiskZoneList in) {
      this.list = new RiskZoneList(in.year(), orEmpty(in.municipalities()), orEmpty(in.flaggedSchools()),
          orEmpty(in.flaggedClasses()), orEmpty(in.recheck()), orEmpty(in.partners()), orEmpty(in.lowResults()),
          orEmpty(in.outcomes()), orEmpty(in.precision()), orEmpty(in.riskTrend()));
      for (Municipality m : list.municipalities()) {
        String code = Objects.toString(m.code(), "");
        munis.put(code, new Muni(code, blank(m.name()) ? unnamed(code) : m.name()));
      }
      Set<String> mentioned = new LinkedHashSet<>();
      list.flaggedSchools().forEach(u -> mentioned.add(u.municipalityCode()));
      list.flaggedClasses().forEach(u -> mentioned.add(u.municipalityCode()));
      list.recheck().forEach(w -> mentioned.add(w.municipalityCode()));
      for (String code : mentioned) {
        String key = Objects.toString(code, "");
        munis.putIfAbsent(key, new Muni(key, unnamed(key)));
      }
    }

    String muniName(String code) {
      if (code == null) return null;
      Muni m = munis.get(code);
      return m == null ? code : m.name;
    }

    String muniLabel(String code) {
      Muni m = munis.get(code);
      return m == null ? code : m.name + " (" + m.code + ")";
    }

    /** Rows of one municipality, or all rows when {@code code} is null (the region). */
    <T> List<T> inMuni(List<T> rows, Function<T, String> codeOf, String code) {
      if (code == null) return rows;
      return rows.stream().filter(r -> code.equals(Objects.toString(codeOf.apply(r), ""))).toList();
    }

    <T> long count(List<T> rows, Function<T, String> codeOf, String code) {
      return inMuni(rows, codeOf, code).size();
    }

    /** Schools with a flagged school × work or class × work. */
    Set<String> flaggedLogins(String code) {
      Set<String> logins = new LinkedHashSet<>();
      inMuni(list.flaggedSchools(), FlaggedUnit::municipalityCode, code).forEach(u -> logins.add(login(u.login())));
      inMuni(list.flaggedClasses(), FlaggedUnit::municipalityCode, code).forEach(u -> logins.add(login(u.login())));
      return logins;
    }

    private static <T> List<T> orEmpty(Collection<T> rows) {
      return rows == null ? List.of() : rows.stream().filter(Objects::nonNull).toList();
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }

    private static String unnamed(String code) {
      return code.isEmpty() ? "Муниципалитет не указан" : "Муниципалитет " + code;
    }
  }
}
