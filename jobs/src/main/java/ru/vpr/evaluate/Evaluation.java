package ru.vpr.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import ru.vpr.config.DetectConfig;
import ru.vpr.detect.RiskScoring;
import ru.vpr.detect.Signal;
import ru.vpr.detect.stats.BenjaminiHochberg;

/**
 * Scores labelled classes with every variant and computes the metrics of the report: per seed (then
 * averaged), per manipulation, per intensity and class size, and the share of genuinely strong classes
 * each variant would flag.
 */
final class Evaluation {
  /** Metrics of one variant averaged over seeds, plus its strong-class false alarm share. */
  record Row(String variant, int seeds, int positives, int negatives, double auc, double aucMin, double ap,
      double precisionAtK, double recallAtK, double recallAtFpr1, double recallAtFpr5, double strongFlagged,
      double flaggedPrecision, int flagged) {}

  /** AUC and recall at 5% FPR of the full model for one slice of the planted classes. */
  record Slice(String group, String value, int positives, double auc, double ap, double recallAtFpr5) {}

  private final DetectConfig config;
  private final List<LabelledClass> classes;

  Evaluation(DetectConfig config, List<LabelledClass> classes) {
    this.config = config;
    this.classes = classes.stream().filter(LabelledClass::scored).toList();
  }

  int unscoredPlanted(List<LabelledClass> all) {
    return (int) all.stream().filter(c -> !c.scored() && c.manipulated()).count();
  }

  Variant full() {
    return combination("full model (configured signals)", RiskScoring.inputs(config));
  }

  /**
   * The full model, the rule baseline, the ablations (the full model without each of its components,
   * with each component it leaves out), S1 against the whole work instead of the peer group, and
   * every component alone.
   */
  List<Variant> variants() {
    List<Variant> out = new ArrayList<>();
    Variant full = full();
    List<String> used = full.columns();
    out.add(full);
    out.add(Variant.ruleBaseline());
    List<String> components = new ArrayList<>(Signal.all().stream().map(Signal::column).toList());
    components.addAll(List.of("mahalanobis_p", "mahalanobis_year_p", "forest_p"));
    for (String c : components) {
      if (used.contains(c) && used.size() > 1) {
        out.add(combination("full without " + name(c), used.stream().filter(x -> !x.equals(c)).toList()));
      } else if (!used.contains(c)) {
        out.add(combination("full + " + name(c), plus(used, c)));
      }
    }
    if (used.contains("s1_p")) {
      out.add(combination("full, S1 against the whole work (no peer groups)",
          used.stream().map(c -> c.equals("s1_p") ? "s1w_p" : c).toList()));
    }
    for (String c : components) out.add(combination(name(c) + " alone", List.of(c)));
    out.add(combination("S1_level against the whole work alone (no peer groups)", List.of("s1w_p")));
    return out;
  }

  private Variant combination(String name, List<String> columns) {
    return Variant.combination(name, columns, config.calibration().maxCombinedP());
  }

  private static String name(String column) {
    for (Signal s : Signal.all()) if (s.column().equals(column)) return s.code();
    return switch (column) {
      case "mahalanobis_p" -> "Mahalanobis outlier within peer groups";
      case "mahalanobis_year_p" -> "Mahalanobis outlier against the whole year";
      case "forest_p" -> "isolation forest";
      default -> column;
    };
  }

  Row evaluate(Variant variant) {
    Map<Integer, List<LabelledClass>> bySeed = classes.stream()
        .collect(Collectors.groupingBy(LabelledClass::seed, TreeMap::new, Collectors.toList()));
    List<DetectionMetrics.Metrics> perSeed = new ArrayList<>();
    int positives = 0;
    int negatives = 0;
    for (List<LabelledClass> seedClasses : bySeed.values()) {
      DetectionMetrics.Metrics m = metrics(variant, seedClasses, c -> true);
      perSeed.add(m);
      positives += m.positives();
      negatives += m.negatives();
    }
    boolean[] flagged = flags(variant);
    ListCheck set = check(i -> flagged[i], c -> true);
    return new Row(variant.name(), perSeed.size(), positives, negatives,
        mean(perSeed, DetectionMetrics.Metrics::rocAuc), perSeed.stream().mapToDouble(DetectionMetrics.Metrics::rocAuc).min().orElse(Double.NaN),
        mean(perSeed, DetectionMetrics.Metrics::averagePrecision), mean(perSeed, DetectionMetrics.Metrics::precisionAtK),
        mean(perSeed, DetectionMetrics.Metrics::recallAtK), mean(perSeed, DetectionMetrics.Metrics::recallAtFpr1),
        mean(perSeed, DetectionMetrics.Metrics::recallAtFpr5), set.strongListed(), set.precision(), set.listed());
  }

  /**
   * The list the detect job publishes (risk_classes.flagged: the school-level tests, the share cap and
   * a class only with its school × work), against the planted classes among the scored.
   */
  ListCheck listed() {
    return check(i -> classes.get(i).listed(), LabelledClass::scored);
  }

  /** A flagged set among the counted classes: its size, precision, recall of the planted, share of the strong on it. */
  private ListCheck check(java.util.function.IntPredicate flagged, Predicate<LabelledClass> counted) {
    int listed = 0;
    int listedTrue = 0;
    int planted = 0;
    int strong = 0;
    int strongListed = 0;
    for (int i = 0; i < classes.size(); i++) {
      LabelledClass c = classes.get(i);
      if (!counted.test(c)) continue;
      boolean on = flagged.test(i);
      if (on) listed++;
      if (c.manipulated()) {
        planted++;
        if (on) listedTrue++;
      }
      if (c.strongHonest()) {
        strong++;
        if (on) strongListed++;
      }
    }
    return new ListCheck(listed, listed == 0 ? Double.NaN : listedTrue / (double) listed,
        planted == 0 ? Double.NaN : listedTrue / (double) planted, strong == 0 ? Double.NaN : strongListed / (double) strong);
  }

  /** The published list's size, precision, recall of the planted and share of the genuinely strong on it. */
  record ListCheck(int listed, double precision, double recall, double strongListed) {}

  /** The full model on slices: each manipulation alone against the unmanipulated, intensity, class size. */
  List<Slice> slices(Variant variant) {
    Map<String, Predicate<LabelledClass>> groups = new LinkedHashMap<>();
    classes.stream().filter(LabelledClass::manipulated).map(LabelledClass::manipulation).distinct().sorted()
        .forEach(m -> groups.put("manipulation=" + m, c -> m.equals(c.manipulation())));
    groups.put("intensity=mild (< 0.5)", c -> c.intensity() < 0.5);
    groups.put("intensity=strong (>= 0.5)", c -> c.intensity() >= 0.5);
    groups.put("class size=small (< 15 wrote)", c -> c.written() < 15);
    groups.put("class size=large (>= 15 wrote)", c -> c.written() >= 15);
    List<Slice> out = new ArrayList<>();
    for (Map.Entry<String, Predicate<LabelledClass>> g : groups.entrySet()) {
      Predicate<LabelledClass> positive = g.getValue();
      boolean size = g.getKey().startsWith("class size");
      // Positives of the slice against every unmanipulated class (of the same size band for the size slices).
      DetectionMetrics.Metrics m = metrics(variant, classes, c -> !c.manipulated() ? (!size || positive.test(c)) : positive.test(c));
      String[] kv = g.getKey().split("=", 2);
      out.add(new Slice(kv[0], kv[1], m.positives(), m.rocAuc(), m.averagePrecision(), m.recallAtFpr5()));
    }
    return out;
  }

  private static DetectionMetrics.Metrics metrics(Variant variant, List<LabelledClass> all, Predicate<LabelledClass> keep) {
    List<LabelledClass> kept = all.stream().filter(keep).toList();
    double[] scores = new double[kept.size()];
    boolean[] labels = new boolean[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      scores[i] = variant.score(kept.get(i));
      labels[i] = kept.get(i).manipulated();
    }
    return DetectionMetrics.evaluate(scores, labels);
  }

  /** The variant's flagged set: Benjamini-Hochberg per seed and year at the configured rate (the rule's own flag). */
  private boolean[] flags(Variant variant) {
    boolean[] flagged = new boolean[classes.size()];
    if (variant.rule()) {
      for (int i = 0; i < classes.size(); i++) flagged[i] = classes.get(i).ruleFlagged();
      return flagged;
    }
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < classes.size(); i++) {
      groups.computeIfAbsent(classes.get(i).seed() + "/" + classes.get(i).year(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> idx : groups.values()) {
      double[] p = new double[idx.size()];
      for (int j = 0; j < idx.size(); j++) {
        double v = variant.pValue(classes.get(idx.get(j)));
        p[j] = Double.isNaN(v) ? 1.0 : v;
      }
      boolean[] rejected = BenjaminiHochberg.rejected(p, config.falseAlarmRate(), config.capacity());
      for (int j = 0; j < idx.size(); j++) flagged[idx.get(j)] = rejected[j];
    }
    return flagged;
  }

  private static double mean(List<DetectionMetrics.Metrics> ms, java.util.function.ToDoubleFunction<DetectionMetrics.Metrics> f) {
    return ms.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  private static List<String> plus(List<String> list, String more) {
    List<String> out = new ArrayList<>(list);
    out.add(more);
    return out;
  }
}
