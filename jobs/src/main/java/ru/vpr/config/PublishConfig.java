package ru.vpr.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings of the publish job ({@code vpr.publish} in the HOCON files): how the re-check sample is
 * drawn, how partner schools are chosen and how a commission's re-check is judged.
 */
public record PublishConfig(Recheck recheck, Partners partners, Outcomes outcomes) {

  /**
   * The re-check sample.
   *
   * @param capacity works a municipality's commission re-checks per year from flagged classes
   * @param capacityByMunicipality the same for named municipality codes, overriding {@code capacity}
   * @param maxPerClass at most this many works of one flagged class
   * @param minPerClass a flagged class without enough evidence works still gets this many (its highest scores)
   * @param controlSchools unflagged schools drawn at random per municipality for the control sample
   * @param controlWorksPerSchool works of one random work (subject × grade) of each control school
   * @param thresholdAbove a score at most this many points above the first score of its mark is threshold evidence
   * @param evidenceZ a pupil's person-fit or rubric z at or above this is evidence
   * @param seed seed of every random choice: the same inputs give the same sample
   */
  public record Recheck(int capacity, Map<String, Integer> capacityByMunicipality, int maxPerClass, int minPerClass,
      int controlSchools, int controlWorksPerSchool, int thresholdAbove, double evidenceZ, long seed) {
    public Recheck {
      capacityByMunicipality = Map.copyOf(new TreeMap<>(capacityByMunicipality));
      if (capacity < 0 || capacityByMunicipality.values().stream().anyMatch(v -> v < 0)) {
        throw new IllegalArgumentException("recheck capacity must be >= 0");
      }
      if (maxPerClass < 1) throw new IllegalArgumentException("recheck.max-per-class must be >= 1");
      if (minPerClass < 0 || minPerClass > maxPerClass) {
        throw new IllegalArgumentException("recheck.min-per-class must be in 0..max-per-class");
      }
      if (controlSchools < 0 || controlWorksPerSchool < 0) throw new IllegalArgumentException("control sizes must be >= 0");
      if (thresholdAbove < 0) throw new IllegalArgumentException("recheck.threshold-above must be >= 0");
    }
  }

  /**
   * Partner schools for flagged schools.
   *
   * @param max partners per flagged school (1..3 in the roadmaps)
   * @param recentYears the window of years judged, ending with the year published
   * @param minYears a partner has results in at least this many of those years
   * @param minLevel and its mean standardised result is at least this (in region standard deviations) in each
   */
  public record Partners(int max, int recentYears, int minYears, double minLevel) {
    public Partners {
      if (max < 1) throw new IllegalArgumentException("partners.max must be >= 1");
      if (minYears < 1 || minYears > recentYears) throw new IllegalArgumentException("partners.min-years must be in 1..recent-years");
    }
  }

  /**
   * How a commission's re-check is judged.
   *
   * @param tolerance a re-checked work is objectively checked when its mark stayed and its total changed by at most this
   * @param targetShare a school × work meets the target when at least this share of its re-checked works were objective
   */
  public record Outcomes(int tolerance, double targetShare) {
    public Outcomes {
      if (tolerance < 0) throw new IllegalArgumentException("outcomes.tolerance must be >= 0");
      if (targetShare <= 0 || targetShare > 1) throw new IllegalArgumentException("outcomes.target-share must be in (0, 1]");
    }
  }

  public static PublishConfig load(Optional<File> confFile) {
    return from(PipelineConfig.layered(confFile).getConfig("vpr.publish"));
  }

  public static PublishConfig defaults() {
    return load(Optional.empty());
  }

  static PublishConfig from(Config c) {
    Config r = c.getConfig("recheck");
    Map<String, Integer> byMunicipality = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : r.getConfig("capacity-by-municipality").root().entrySet()) {
      byMunicipality.put(e.getKey(), ((Number) e.getValue().unwrapped()).intValue());
    }
    Config p = c.getConfig("partners");
    Config o = c.getConfig("outcomes");
    return new PublishConfig(
        new Recheck(r.getInt("capacity"), byMunicipality, r.getInt("max-per-class"), r.getInt("min-per-class"),
            r.getInt("control-schools"), r.getInt("control-works-per-school"), r.getInt("threshold-above"),
            r.getDouble("evidence-z"), r.getLong("seed")),
        new Partners(p.getInt("max"), p.getInt("recent-years"), p.getInt("min-years"), p.getDouble("min-level")),
        new Outcomes(o.getInt("tolerance"), o.getDouble("target-share")));
  }

  public PublishConfig withRecheck(Recheck v) {
    return new PublishConfig(v, partners, outcomes);
  }

  /** Everything, for the runs table and the publication record. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("recheck_capacity", String.valueOf(recheck.capacity()));
    m.put("recheck_capacity_by_municipality", recheck.capacityByMunicipality().toString());
    m.put("recheck_max_per_class", String.valueOf(recheck.maxPerClass()));
    m.put("recheck_min_per_class", String.valueOf(recheck.minPerClass()));
    m.put("recheck_control_schools", String.valueOf(recheck.controlSchools()));
    m.put("recheck_control_works_per_school", String.valueOf(recheck.controlWorksPerSchool()));
    m.put("recheck_threshold_above", String.valueOf(recheck.thresholdAbove()));
    m.put("recheck_evidence_z", String.valueOf(recheck.evidenceZ()));
    m.put("recheck_seed", String.valueOf(recheck.seed()));
    m.put("partners_max", String.valueOf(partners.max()));
    m.put("partners_recent_years", String.valueOf(partners.recentYears()));
    m.put("partners_min_years", String.valueOf(partners.minYears()));
    m.put("partners_min_level", String.valueOf(partners.minLevel()));
    m.put("outcomes_tolerance", String.valueOf(outcomes.tolerance()));
    m.put("outcomes_target_share", String.valueOf(outcomes.targetShare()));
    return m;
  }
}
