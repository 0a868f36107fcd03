package ru.vpr.config;

import com.typesafe.config.Config;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings of the indicators job ({@code vpr.indicators} in the HOCON files): the sample-size
 * guidance behind the small-unit flags and the criteria of the low-results list.
 */
public record IndicatorsConfig(int minGroup, int minDistribution, LowResults lowResults) {

  public IndicatorsConfig {
    if (minGroup < 1 || minDistribution < 1) throw new IllegalArgumentException("min-group and min-distribution must be >= 1");
  }

  /**
   * Criteria of the low-results list.
   *
   * @param share2Above a work is low when its share of mark 2 is above this (0..1)
   * @param regionPercentile or when its share of 2 is at or above this percentile of the region's
   *     schools for the work (0.9 = top decile) and above 0; 0 turns this criterion off
   * @param consecutiveYears years running in which the school had a low work in the same subject
   * @param minWritten works with fewer pupils who wrote are not judged
   */
  public record LowResults(List<String> subjects, double share2Above, double regionPercentile,
      int consecutiveYears, int minWritten) {
    public LowResults {
      subjects = List.copyOf(subjects);
      if (consecutiveYears < 1) throw new IllegalArgumentException("consecutive-years must be >= 1");
      if (regionPercentile < 0 || regionPercentile > 1) throw new IllegalArgumentException("region-percentile must be in 0..1");
    }

    public boolean usesPercentile() {
      return regionPercentile > 0;
    }

    /** The criteria as stated in the published table. */
    public String describe() {
      return String.format(Locale.ROOT,
          "subjects %s; a work is low when >= %d pupils wrote and share of mark 2 > %.2f%s; listed when low %d year(s) running",
          String.join(",", subjects), minWritten, share2Above,
          usesPercentile() ? String.format(Locale.ROOT, " or >= the region's p%.0f of schools (and > 0)", regionPercentile * 100) : "",
          consecutiveYears);
    }
  }

  public static IndicatorsConfig load(Optional<File> confFile) {
    return from(PipelineConfig.layered(confFile).getConfig("vpr.indicators"));
  }

  /** The defaults of application.conf. */
  public static IndicatorsConfig defaults() {
    return load(Optional.empty());
  }

  static IndicatorsConfig from(Config c) {
    Config l = c.getConfig("low-results");
    return new IndicatorsConfig(c.getInt("min-group"), c.getInt("min-distribution"),
        new LowResults(l.getStringList("subjects"), l.getDouble("share2-above"), l.getDouble("region-percentile"),
            l.getInt("consecutive-years"), l.getInt("min-written")));
  }

  public IndicatorsConfig withLowResults(LowResults v) {
    return new IndicatorsConfig(minGroup, minDistribution, v);
  }

  public IndicatorsConfig withMinimums(int group, int distribution) {
    return new IndicatorsConfig(group, distribution, lowResults);
  }
}
