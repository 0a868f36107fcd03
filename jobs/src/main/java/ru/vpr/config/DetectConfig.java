package ru.vpr.config;

import com.typesafe.config.Config;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the detection job ({@code vpr.detect} in the HOCON files).
 *
 * @param minClassPupils classes with fewer pupils who wrote are not scored (scored = 0, too_few_pupils)
 * @param minControlledPupils a stratum takes its reference from works under objectivity control when
 *     it has at least this many controlled pupils
 * @param minControlledClasses same for class-level calibration: controlled classes needed per work
 * @param minPeerClasses S1 compares with the peer group's level when the group has this many classes in the work
 * @param peerGroups k of the k-means peer groups
 * @param seed seed of every random step (k-means, isolation forest)
 * @param signals signal codes that enter the risk score (all by default)
 * @param outliers outlier models that enter the risk score: mahalanobis (within peer groups), mahalanobis_year,
 *     isolation_forest
 * @param reasonP a signal is listed among the reasons when its p-value is below this
 * @param falseAlarmRate Benjamini-Hochberg level q: expected share of false alarms among the flagged
 * @param capacity at most this many classes flagged per year (0: no cap)
 * @param maxFlaggedShare at most this share of the year's scored school × works flagged, the strongest
 *     evidence kept (0: no limit)
 * @param forestTrees trees of the isolation forest
 * @param forestSamples sample size per tree
 * @param bunching the counterfactual score curves the cut signals are judged by
 * @param calibration how class statistics become p-values
 * @param mahalanobis how the Mahalanobis outlier models are fitted
 */
public record DetectConfig(int minClassPupils, int minControlledPupils, int minControlledClasses, int minPeerClasses,
    int peerGroups, long seed, List<String> signals, List<String> outliers, double reasonP, double falseAlarmRate,
    int capacity, double maxFlaggedShare, int forestTrees, int forestSamples, BunchingConfig bunching,
    CalibrationConfig calibration, OutlierConfig mahalanobis) {

  /** Mahalanobis distance within the class's peer group. */
  public static final String MAHALANOBIS = "mahalanobis";
  /** Mahalanobis distance against every class of the year. */
  public static final String MAHALANOBIS_YEAR = "mahalanobis_year";
  public static final String ISOLATION_FOREST = "isolation_forest";

  public DetectConfig {
    signals = List.copyOf(signals);
    outliers = List.copyOf(outliers);
    if (minClassPupils < 2) throw new IllegalArgumentException("min-class-pupils must be >= 2");
    if (peerGroups < 1) throw new IllegalArgumentException("peer-groups must be >= 1");
    if (falseAlarmRate <= 0 || falseAlarmRate >= 1) throw new IllegalArgumentException("false-alarm-rate must be in (0, 1)");
    if (reasonP <= 0 || reasonP >= 1) throw new IllegalArgumentException("reason-p must be in (0, 1)");
    if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0");
    if (maxFlaggedShare < 0 || maxFlaggedShare > 1) throw new IllegalArgumentException("max-flagged-share must be in [0, 1]");
    for (String o : outliers) {
      if (!List.of(MAHALANOBIS, MAHALANOBIS_YEAR, ISOLATION_FOREST).contains(o)) {
        throw new IllegalArgumentException("unknown outlier model '" + o + "': use " + MAHALANOBIS + ", " + MAHALANOBIS_YEAR
            + " or " + ISOLATION_FOREST);
      }
    }
    if (signals.isEmpty() && outliers.isEmpty()) throw new IllegalArgumentException("the risk score needs at least one signal");
  }

  public static DetectConfig load(Optional<File> confFile) {
    return from(PipelineConfig.layered(confFile).getConfig("vpr.detect"));
  }

  public static DetectConfig defaults() {
    return load(Optional.empty());
  }

  static DetectConfig from(Config c) {
    return new DetectConfig(c.getInt("min-class-pupils"), c.getInt("min-controlled-pupils"),
        c.getInt("min-controlled-classes"), c.getInt("min-peer-classes"), c.getInt("peer-groups"), c.getLong("seed"),
        c.getStringList("signals"), c.getStringList("outliers"), c.getDouble("reason-p"), c.getDouble("false-alarm-rate"),
        c.getInt("capacity"), c.getDouble("max-flagged-share"), c.getInt("isolation-forest.trees"), c.getInt("isolation-forest.samples"),
        BunchingConfig.from(c.getConfig("bunching")),
        CalibrationConfig.from(c.getConfig("calibration")), OutlierConfig.from(c.getConfig("mahalanobis")));
  }

  public DetectConfig withSignals(List<String> v, List<String> o) {
    return new DetectConfig(minClassPupils, minControlledPupils, minControlledClasses, minPeerClasses, peerGroups, seed,
        v, o, reasonP, falseAlarmRate, capacity, maxFlaggedShare, forestTrees, forestSamples, bunching, calibration,
        mahalanobis);
  }

  public DetectConfig withFlagging(double q, int cap) {
    return new DetectConfig(minClassPupils, minControlledPupils, minControlledClasses, minPeerClasses, peerGroups, seed,
        signals, outliers, reasonP, q, cap, maxFlaggedShare, forestTrees, forestSamples, bunching, calibration,
        mahalanobis);
  }

  public DetectConfig withMaxFlaggedShare(double v) {
    return new DetectConfig(minClassPupils, minControlledPupils, minControlledClasses, minPeerClasses, peerGroups, seed,
        signals, outliers, reasonP, falseAlarmRate, capacity, v, forestTrees, forestSamples, bunching, calibration,
        mahalanobis);
  }

  public DetectConfig withSeed(long v) {
    return new DetectConfig(minClassPupils, minControlledPupils, minControlledClasses, minPeerClasses, peerGroups, v,
        signals, outliers, reasonP, falseAlarmRate, capacity, maxFlaggedShare, forestTrees, forestSamples, bunching, calibration,
        mahalanobis);
  }

  /** Everything, for the runs table: a published list can be reproduced from these. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("min_class_pupils", String.valueOf(minClassPupils));
    m.put("min_controlled_pupils", String.valueOf(minControlledPupils));
    m.put("min_controlled_classes", String.valueOf(minControlledClasses));
    m.put("min_peer_classes", String.valueOf(minPeerClasses));
    m.put("peer_groups", String.valueOf(peerGroups));
    m.put("seed", String.valueOf(seed));
    m.put("signals", String.join(",", signals));
    m.put("outliers", String.join(",", outliers));
    m.put("reason_p", String.valueOf(reasonP));
    m.put("false_alarm_rate", String.valueOf(falseAlarmRate));
    m.put("capacity", String.valueOf(capacity));
    m.put("max_flagged_share", String.valueOf(maxFlaggedShare));
    m.put("forest_trees", String.valueOf(forestTrees));
    m.put("forest_samples", String.valueOf(forestSamples));
    m.putAll(bunching.describe());
    m.putAll(calibration.describe());
    m.putAll(mahalanobis.describe());
    return m;
  }
}
