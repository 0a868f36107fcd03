package ru.vpr.config;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How class statistics are calibrated into p-values ({@code vpr.detect.calibration}).
 *
 * @param levelBandWidth classes this many standard deviations of level apart share a level band (rates
 *     and spread are compared within a band: a strong class with a strong class)
 * @param levelBandMinClasses a band's own estimate is used when it has this many reference classes, the
 *     work's otherwise
 * @param maxCutRho the largest intra-class correlation S2's placebo windows may claim: beyond it the
 *     test would say nothing at all
 * @param maxCombinedP p-values above this enter the Cauchy combination as this: near 1 a term goes to
 *     minus infinity, and one signal far on the harmless side must not cancel a strong one
 */
public record CalibrationConfig(double levelBandWidth, int levelBandMinClasses, double maxCutRho, double maxCombinedP) {

  public CalibrationConfig {
    if (!(levelBandWidth > 0)) throw new IllegalArgumentException("calibration.level-band-width must be > 0");
    if (levelBandMinClasses < 2) throw new IllegalArgumentException("calibration.level-band-min-classes must be >= 2");
    if (!(maxCutRho > 0 && maxCutRho < 1)) throw new IllegalArgumentException("calibration.max-cut-rho must be in (0, 1)");
    if (!(maxCombinedP > 0.5 && maxCombinedP < 1)) throw new IllegalArgumentException("calibration.max-combined-p must be in (0.5, 1)");
  }

  static CalibrationConfig from(Config c) {
    return new CalibrationConfig(c.getDouble("level-band-width"), c.getInt("level-band-min-classes"), c.getDouble("max-cut-rho"),
        c.getDouble("max-combined-p"));
  }

  /** For the runs table, keys prefixed {@code calibration_}. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("calibration_level_band_width", String.valueOf(levelBandWidth));
    m.put("calibration_level_band_min_classes", String.valueOf(levelBandMinClasses));
    m.put("calibration_max_cut_rho", String.valueOf(maxCutRho));
    m.put("calibration_max_combined_p", String.valueOf(maxCombinedP));
    return m;
  }
}
