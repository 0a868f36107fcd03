package ru.vpr.publish;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import ru.vpr.publish.model.AnalyticReport;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.LowResultSchool;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.PushedPupils;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.RiskZoneList;
import ru.vpr.publish.model.ScoreHistogram;
import ru.vpr.publish.model.TaskCompletion;
import ru.vpr.publish.model.WorkProfile;
import ru.vpr.publish.model.WorkTrend;
import ru.vpr.publish.model.YearPoint;
import ru.vpr.spark.Columns;

/**
 * Collects the analytic reports of a year: one per municipality and one for the region. The gold
 * tables are read at municipality and region level only (a few thousand rows), and the class
 * histograms only of flagged classes.
 */
final class ReportCollector {
  static final int MAX_HISTOGRAMS = 24;
  private static final String MUNICIPALITY = "municipality";
  private static final String REGION = "region";

  private final Dataset<Row> unitIndicators;
  private final Dataset<Row> taskIndicators;
  private final Dataset<Row> scoreHistograms;
  private final Map<String, String> subjectNames;
  private final PushedPupilsCollector pushed;

  ReportCollector(Dataset<Row> unitIndicators, Dataset<Row> taskIndicators, Dataset<Row> scoreHistograms,
      Map<String, String> subjectNames, PushedPupilsCollector pushed) {
    this.unitIndicators = unitIndicators;
    this.taskIndicators = taskIndicators;
    this.scoreHistograms = scoreHistograms;
    this.subjectNames = subjectNames;
    this.pushed = pushed;
  }

  /** The region's report first, then each municipality's, in code order. */
  List<AnalyticReport> collect(RiskZoneList list) {
    int year = list.year();
    List<Row> units = unitIndicators.where(col("level").isin(MUNICIPALITY, REGION).and(col("year").leq(year)))
        .orderBy("subject", "grade", "year").collectAsList();
    List<Row> tasks = taskIndicators.where(col("level").isin(MUNICIPALITY, REGION).and(col("year").equalTo(year)))
        .orderBy("subject", "grade", "task_order").collectAsList();
    Map<String, ScoreHistogram> histograms = histograms(year, list.flaggedClasses());
    Map<String, List<PushedPupils>> bunching = pushed.collect(year);
    List<AnalyticReport> reports = new ArrayList<>();
    reports.add(report(list, null, units, tasks, histograms, bunching));
    for (Municipality m : list.municipalities()) reports.add(report(list, m, units, tasks, histograms, bunching));
    return reports;
  }

  private AnalyticReport report(RiskZoneList list, Municipality m, List<Row> units, List<Row> tasks,
      Map<String, ScoreHistogram> histograms, Map<String, List<PushedPupils>> bunching) {
    String code = m == null ? null : m.code();
    Predicate<String> mine = c -> code == null || code.equals(c);
    List<FlaggedUnit> flagged = list.flaggedClasses().stream().filter(u -> mine.test(u.municipalityCode())).toList();
    List<ScoreHistogram> charts = flagged.stream().limit(MAX_HISTOGRAMS).map(u -> histograms.get(classKey(u)))
        .filter(Objects::nonNull).toList();
    List<RiskTrend> own = list.riskTrend().stream().filter(t -> Objects.equals(t.municipalityCode(), code)).toList();
    List<RiskTrend> municipalities = code != null ? List.of()
        : list.riskTrend().stream().filter(t -> t.municipalityCode() != null && t.year() == list.year()).toList();
    List<LowResultSchool> low = list.lowResults().stream().filter(s -> mine.test(s.municipalityCode())).toList();
    return new AnalyticReport(list.year(), m, works(list.year(), code, units, tasks), charts, trends(code, units), own,
        municipalities, flagged,
        list.precision().stream().filter(p -> Objects.equals(p.municipalityCode(), code)).toList(), low,
        bunching.getOrDefault(code == null ? PushedPupilsCollector.REGION : code, List.of()));
  }

  private List<WorkProfile> works(int year, String code, List<Row> units, List<Row> tasks) {
    List<WorkProfile> works = new ArrayList<>();
    for (Row region : units) {
      if (!REGION.equals(region.getAs("level")) || Rows.integer(region, "year") != year) continue;
      Row unit = code == null ? region : find(units, year, region, code);
      if (unit == null) continue;
      String subject = Rows.text(region, "subject");
      int grade = Rows.integer(region, "grade");
      works.add(new WorkProfile(subject, subjectNames.getOrDefault(subject, subject), grade, Rows.whole(unit, "written"),
          marks(unit), marks(region), journal(unit), journal(region), taskBars(tasks, subject, grade, code)));
    }
    return works;
  }

  private List<TaskCompletion> taskBars(List<Row> tasks, String subject, int grade, String code) {
    Map<String, Double> region = new LinkedHashMap<>();
    Map<String, Row> unit = new LinkedHashMap<>();
    for (Row t : tasks) {
      if (!subject.equals(t.getAs("subject")) || Rows.integer(t, "grade") != grade) continue;
      if (REGION.equals(t.getAs("level"))) region.put(Rows.text(t, "task"), Rows.decimal(t, "completion_pct"));
      if (code == null ? REGION.equals(t.getAs("level")) : code.equals(t.getAs("municipality_code"))) {
        unit.put(Rows.text(t, "task"), t);
      }
    }
    List<TaskCompletion> bars = new ArrayList<>();
    unit.forEach((task, t) -> bars.add(new TaskCompletion(task, Rows.text(t, "task_level"), Rows.decimal(t, "completion_pct"),
        region.getOrDefault(task, 0.0))));
    return bars;
  }

  private List<WorkTrend> trends(String code, List<Row> units) {
    Map<String, List<YearPoint>> byWork = new LinkedHashMap<>();
    Map<String, Row> regionByYear = new LinkedHashMap<>();
    for (Row r : units) if (REGION.equals(r.getAs("level"))) regionByYear.put(workYear(r), r);
    for (Row r : units) {
      boolean isUnit = code == null ? REGION.equals(r.getAs("level")) : code.equals(r.getAs("municipality_code"));
      Row region = regionByYear.get(workYear(r));
      if (!isUnit || region == null) continue;
      byWork.computeIfAbsent(Rows.text(r, "subject") + "|" + Rows.integer(r, "grade"), k -> new ArrayList<>())
          .add(new YearPoint(Rows.integer(r, "year"), Rows.decimal(r, "share_2"), Rows.decimal(region, "share_2"),
              Rows.decimal(r, "quality_share"), Rows.decimal(region, "quality_share")));
    }
    List<WorkTrend> trends = new ArrayList<>();
    byWork.forEach((key, points) -> {
      String subject = key.substring(0, key.indexOf('|'));
      int grade = Integer.parseInt(key.substring(key.indexOf('|') + 1));
      points.sort(Comparator.comparingInt(YearPoint::year));
      trends.add(new WorkTrend(subject, subjectNames.getOrDefault(subject, subject), grade, points));
    });
    return trends;
  }

  /** Score histograms of the flagged classes of the year, keyed by class. */
  private Map<String, ScoreHistogram> histograms(int year, List<FlaggedUnit> flagged) {
    Map<String, ScoreHistogram> out = new LinkedHashMap<>();
    if (flagged.isEmpty()) return out;
    List<Row> keys = flagged.stream().map(u -> RowFactory.create(u.subject(), u.grade(), u.login(),
        u.className())).toList();
    Dataset<Row> wanted = scoreHistograms.sparkSession().createDataFrame(keys, new StructType()
        .add("subject", "string").add("grade", "int").add("login", "string").add("class", "string"));
    List<Row> rows = scoreHistograms.where(col("level").equalTo("class").and(col("year").equalTo(year)))
        .join(broadcast(wanted), Columns.seq("subject", "grade", "login", "class"))
        .orderBy("subject", "grade", "login", "class", "primary_score").collectAsList();
    Map<String, List<Row>> byClass = new LinkedHashMap<>();
    for (Row r : rows) {
      byClass.computeIfAbsent(key(Rows.text(r, "subject"), Rows.integer(r, "grade"), Rows.text(r, "login"), Rows.text(r, "class")),
          k -> new ArrayList<>()).add(r);
    }
    for (FlaggedUnit u : flagged) {
      List<Row> bars = byClass.get(classKey(u));
      if (bars == null) continue;
      Row first = bars.get(0);
      int max = Rows.integer(first, "max_score");
      long[] pupils = new long[max + 1];
      double[] region = new double[max + 1];
      for (Row b : bars) {
        int score = Rows.integer(b, "primary_score");
        if (score < 0 || score > max) continue;
        pupils[score] = Rows.whole(b, "pupils");
        region[score] = Rows.decimal(b, "region_share");
      }
      String title = String.format("%s (%s), %s класс, %s", u.schoolName(), u.login(), u.className(),
          subjectNames.getOrDefault(u.subject(), u.subject()));
      out.put(classKey(u), new ScoreHistogram(title, max, Rows.integer(first, "min3"), Rows.integer(first, "min4"),
          Rows.integer(first, "min5"), pupils, region));
    }
    return out;
  }

  private static Row find(List<Row> units, int year, Row region, String code) {
    for (Row r : units) {
      if (MUNICIPALITY.equals(r.getAs("level")) && code.equals(r.getAs("municipality_code")) && Rows.integer(r, "year") == year
          && region.getAs("subject").equals(r.getAs("subject")) && Rows.integer(region, "grade") == Rows.integer(r, "grade")) {
        return r;
      }
    }
    return null;
  }

  private static double[] marks(Row r) {
    return new double[] {Rows.decimal(r, "share_2"), Rows.decimal(r, "share_3"), Rows.decimal(r, "share_4"), Rows.decimal(r, "share_5")};
  }

  private static double[] journal(Row r) {
    return new double[] {Rows.decimal(r, "lowered_share"), Rows.decimal(r, "confirmed_share"), Rows.decimal(r, "raised_share")};
  }

  private static String workYear(Row r) {
    return Rows.text(r, "subject") + "|" + Rows.integer(r, "grade") + "|" + Rows.integer(r, "year");
  }

  private static String classKey(FlaggedUnit u) {
    return key(u.subject(), u.grade(), u.login(), u.className());
  }

  private static String key(String subject, int grade, String login, String className) {
    return subject + "|" + grade + "|" + login + "|" + className;
  }
}
