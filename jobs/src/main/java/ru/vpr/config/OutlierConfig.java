package ru.vpr.config;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the Mahalanobis outlier models fit their location and covariance ({@code vpr.detect.mahalanobis}).
 *
 * @param keep each trimming step keeps the vectors within this chi-square quantile of the last fit
 * @param trimSteps trimming steps after the first, classical fit (0: the classical fit alone)
 * @param ridge added to each variance, plus this share of it: a signal that never fires in a group has
 *     no variance, and the matrix must stay invertible
 */
public record OutlierConfig(double keep, int trimSteps, double ridge) {

  public OutlierConfig {
    if (!(keep > 0.5 && keep < 1)) throw new IllegalArgumentException("mahalanobis.keep must be in (0.5, 1)");
    if (trimSteps < 0) throw new IllegalArgumentException("mahalanobis.trim-steps must be >= 0");
    if (!(ridge > 0)) throw new IllegalArgumentException("mahalanobis.ridge must be > 0");
  }

  static OutlierConfig from(Config c) {
    return new OutlierConfig(c.getDouble("keep"), c.getInt("trim-steps"), c.getDouble("ridge"));
  }

  /** For the runs table, keys prefixed {@code mahalanobis_}. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mahalanobis_keep", String.valueOf(keep));
    m.put("mahalanobis_trim_steps", String.valueOf(trimSteps));
    m.put("mahalanobis_ridge", String.valueOf(ridge));
    return m;
  }
}
