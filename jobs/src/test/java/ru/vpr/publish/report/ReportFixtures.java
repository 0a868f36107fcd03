package ru.vpr.publish.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ru.vpr.publish.model.AnalyticReport;
import ru.vpr.publish.model.FlaggedUnit;
import ru.vpr.publish.model.LowResultSchool;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.RecheckPrecision;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.ScoreHistogram;
import ru.vpr.publish.model.TaskCompletion;
import ru.vpr.publish.model.WorkProfile;
import ru.vpr.publish.model.WorkTrend;
import ru.vpr.publish.model.YearPoint;

/**
 * Reports like the publish step hands over: a municipality with three works over three years,
 * flagged classes with scores bunched over the thresholds, re-check results and low-result
 * schools; and the region's report. Pseudo-random with a fixed seed, so always the same.
 */
final class ReportFixtures {
  static final Municipality ZARECHNY = new Municipality("m07", "Городской округ Заречный");
  static final String TRICKY = "<script>alert(1)</script> & \"Ко\"";

  private ReportFixtures() {}

  /** Mathematics 5: 20 points, «3» from 7, «4» from 11, «5» from 15. */
  static ScoreHistogram mathHistogram(String title, long[] pupils) {
    return new ScoreHistogram(title, 20, 7, 11, 15, pupils, bell(21, 10.5, 4.0));
  }

  static AnalyticReport municipality() {
    Random random = new Random(7);
    List<WorkProfile> works = List.of(
        new WorkProfile("ma", "Математика", 5, 1834, new double[] {0.142, 0.386, 0.321, 0.151},
            new double[] {0.168, 0.402, 0.298, 0.132}, new double[] {0.214, 0.689, 0.097},
            new double[] {0.251, 0.672, 0.077}, tasks(random, 14, false)),
        new WorkProfile("ru", "Русский язык", 4, 1702, new double[] {0.061, 0.327, 0.433, 0.179},
            new double[] {0.074, 0.351, 0.412, 0.163}, new double[] {0.162, 0.748, 0.09},
            new double[] {0.181, 0.731, 0.088}, tasks(random, 16, true)),
        new WorkProfile("ok", "Окружающий мир", 4, 1688, new double[] {0.021, 0.214, 0.541, 0.224},
            new double[] {0.028, 0.236, 0.528, 0.208}, new double[] {0.098, 0.801, 0.101},
            new double[] {0.112, 0.789, 0.099}, tasks(random, 10, false)));
    List<WorkTrend> trends = List.of(
        new WorkTrend("ma", "Математика", 5, List.of(new YearPoint(2023, 0.171, 0.182, 0.452, 0.438),
            new YearPoint(2024, 0.158, 0.175, 0.468, 0.441), new YearPoint(2025, 0.142, 0.168, 0.472, 0.430))),
        new WorkTrend("ru", "Русский язык", 4, List.of(new YearPoint(2023, 0.081, 0.079, 0.571, 0.566),
            new YearPoint(2024, 0.069, 0.077, 0.598, 0.572), new YearPoint(2025, 0.061, 0.074, 0.612, 0.575))),
        new WorkTrend("ok", "Окружающий мир", 4, List.of(new YearPoint(2023, 0.034, 0.031, 0.729, 0.716),
            new YearPoint(2024, 0.025, 0.030, 0.755, 0.731), new YearPoint(2025, 0.021, 0.028, 0.765, 0.736))));
    List<FlaggedUnit> flagged = new ArrayList<>();
    List<ScoreHistogram> histograms = new ArrayList<>();
    String[][] classes = {
        {"edu701", "МБОУ «Лицей № 3»", "5А", "ma", "5"},
        {"edu714", "МБОУ «СОШ № 14 с углублённым изучением отдельных предметов»", "4Б", "ru", "4"},
        {"edu701", "МБОУ «Лицей № 3»", "5В", "ma", "5"},
        {"edu722", "МАОУ «Гимназия № 22 им. А. С. Пушкина»", "4А", "ok", "4"},
        {"edu731", "МБОУ «Основная школа с. Луговое»", "5", "ma", "5"},
        {"edu714", "МБОУ «СОШ № 14 с углублённым изучением отдельных предметов»", "5Г", "ma", "5"}};
    List<List<String>> reasons = List.of(List.of("S2_thresholds", "S6_journal", "O_mahalanobis_year"),
        List.of("S5_rubric", "S2_thresholds"), List.of("S4_identical"), List.of("S1_level", "S3_inversion", "S7_jump"),
        List.of("S4_low_spread", "S8_few_blanks"), List.of("O_isolation_forest"));
    for (int i = 0; i < classes.length; i++) {
      String[] c = classes[i];
      String subject = c[3].equals("ma") ? "Математика" : c[3].equals("ru") ? "Русский язык" : "Окружающий мир";
      long written = 18 + random.nextInt(10);
      flagged.add(new FlaggedUnit(2025, c[3], Integer.parseInt(c[4]), "m07", c[0], c[1], c[2], written,
          0.99991 - i * 0.0011, 3 + i * 5, reasons.get(i)));
      String title = c[1] + ", " + c[2] + " — " + subject + ", " + c[4] + " класс";
      histograms.add(switch (c[3]) {
        case "ru" -> new ScoreHistogram(title, 38, 14, 24, 33, bunched(random, 39, new int[] {14, 24, 33}, written),
            bell(39, 24, 7));
        case "ok" -> new ScoreHistogram(title, 32, 8, 18, 27, bunched(random, 33, new int[] {18, 27}, written),
            bell(33, 20, 5.5));
        default -> mathHistogram(title, bunched(random, 21, new int[] {7, 11, 15}, written));
      });
    }
    List<RiskTrend> riskTrend = List.of(new RiskTrend(2023, "m07", 41, 7, 0, 0, 7, null),
        new RiskTrend(2024, "m07", 42, 6, 3, 4, 3, -1.0), new RiskTrend(2025, "m07", 42, 4, 2, 4, 2, -1.5));
    List<RecheckPrecision> precision = List.of(new RecheckPrecision(2025, "m07", "flagged", 4, 3, 0.75),
        new RecheckPrecision(2025, "m07", "control", 5, 1, 0.2), new RecheckPrecision(2025, "m07", "other", 0, 0, null));
    List<LowResultSchool> low = List.of(
        new LowResultSchool(2025, "m07", "edu745", "МБОУ «СОШ № 45»", "ma", 0.412,
            "Математика, 5 класс: доля отметок «2» 41.2% — выше порога 25%. Низкие результаты 2 года подряд"),
        new LowResultSchool(2025, "m07", "edu752", "МКОУ «Начальная школа д. Ключи»", "ma|ru", 0.5,
            "Математика, 5 класс: доля отметок «2» 50.0% — выше порога 25%; Русский язык, 4 класс: доля отметок «2» "
                + "33.3% — выше порога 25%. Низкие результаты 2 года подряд"));
    return new AnalyticReport(2025, ZARECHNY, works, histograms, trends, riskTrend, List.of(), flagged, precision, low);
  }

  static AnalyticReport region() {
    AnalyticReport m = municipality();
    List<RiskTrend> municipalities = List.of(new RiskTrend(2025, "m01", 120, 9, 4, 5, 5, -0.5),
        new RiskTrend(2025, "m07", 42, 4, 2, 4, 2, -1.5), new RiskTrend(2025, "m12", 18, 0, 0, 1, 0, 0.0),
        new RiskTrend(2025, "m15", 0, 0, 0, 0, 0, null));
    List<RiskTrend> riskTrend = List.of(new RiskTrend(2023, null, 180, 19, 0, 0, 19, null),
        new RiskTrend(2024, null, 181, 15, 8, 11, 7, -4.0), new RiskTrend(2025, null, 180, 13, 6, 9, 7, -3.0));
    return new AnalyticReport(2025, null, m.works(), m.histograms(), m.trends(), riskTrend, municipalities, m.flagged(),
        m.precision(), m.lowResults());
  }

  static List<Municipality> names() {
    return List.of(new Municipality("m01", "Город Энск"), ZARECHNY, new Municipality("m12", "Лесной район"));
  }

  /** A report with nothing in it. */
  static AnalyticReport empty(Municipality municipality) {
    return new AnalyticReport(2025, municipality, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  static double[] bell(int scores, double mean, double sd) {
    double[] share = new double[scores];
    double total = 0;
    for (int s = 0; s < scores; s++) total += share[s] = Math.exp(-0.5 * Math.pow((s - mean) / sd, 2));
    for (int s = 0; s < scores; s++) share[s] /= total;
    return share;
  }

  /** A class whose scores pile up on the thresholds and thin out just below them. */
  private static long[] bunched(Random random, int scores, int[] thresholds, long pupils) {
    long[] counts = new long[scores];
    for (long p = 0; p < pupils; p++) {
      int score = (int) Math.round(scores * 0.55 + random.nextGaussian() * scores * 0.18);
      score = Math.max(0, Math.min(scores - 1, score));
      for (int t : thresholds) if (score == t - 1 || score == t - 2 && random.nextBoolean()) score = t;
      counts[score]++;
    }
    return counts;
  }

  private static List<TaskCompletion> tasks(Random random, int count, boolean parts) {
    List<TaskCompletion> tasks = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String level = i <= count * 0.6 ? "Б" : i <= count * 0.85 ? "П" : "В";
      double base = level.equals("Б") ? 72 : level.equals("П") ? 48 : 27;
      double region = base + random.nextGaussian() * 8;
      String name = parts && i <= 3 ? "1К" + i : parts && i == 4 ? "2(1)" : Integer.toString(i);
      tasks.add(new TaskCompletion(name, level, Math.max(0, Math.min(100, region + random.nextGaussian() * 7)),
          Math.max(0, Math.min(100, region))));
    }
    return tasks;
  }
}
