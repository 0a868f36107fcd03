package ru.vpr.config;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.vpr.detect.bunching.BunchingEstimator;

/**
 * Settings of the bunching estimates ({@code vpr.detect.bunching}): the counterfactual score curve
 * every cut is judged by.
 *
 * @param maxDegree highest degree of the curve's polynomial (in log counts); fewer fitted scores lower it
 * @param maxBelow widest window under a cut, in scores (a push of up to this many points is seen whole)
 * @param maxAbove widest window over a cut, counting the cut's own score as 0
 * @param widthPenalty what one more score of window costs against the excess-missing disagreement it removes
 * @param minPupils a region or municipality histogram needs this many pupils for a curve of its own
 * @param bootstrap redraws of the histogram for the 90% interval
 * @param keyBands bands of success on the key-scored tasks, each with its own reshaped curve
 * @param minBandPupils a band needs this many pupils outside the windows for its own curve
 * @param bandDegree degree of the polynomial (in log counts) that reshapes the work's curve into a band's
 * @param minSchoolPupils a school × work needs this many pupils who wrote for its own row in {@code bunching}
 */
public record BunchingConfig(int maxDegree, int maxBelow, int maxAbove, double widthPenalty, long minPupils,
    int bootstrap, int keyBands, long minBandPupils, int bandDegree, int minSchoolPupils) {

  public BunchingConfig {
    if (maxDegree < 1) throw new IllegalArgumentException("bunching.max-degree must be >= 1");
    if (maxBelow < 1 || maxAbove < 0) throw new IllegalArgumentException("bunching.max-below must be >= 1, max-above >= 0");
    if (widthPenalty < 0) throw new IllegalArgumentException("bunching.width-penalty must be >= 0");
    if (bootstrap < 0) throw new IllegalArgumentException("bunching.bootstrap must be >= 0");
    if (bandDegree < 0) throw new IllegalArgumentException("bunching.band-degree must be >= 0");
    if (keyBands < 1) throw new IllegalArgumentException("bunching.key-bands must be >= 1");
    if (minSchoolPupils < 1) throw new IllegalArgumentException("bunching.min-school-pupils must be >= 1");
  }

  static BunchingConfig from(Config c) {
    return new BunchingConfig(c.getInt("max-degree"), c.getInt("max-below"), c.getInt("max-above"),
        c.getDouble("width-penalty"), c.getLong("min-pupils"), c.getInt("bootstrap"), c.getInt("key-bands"),
        c.getLong("min-band-pupils"), c.getInt("band-degree"), c.getInt("min-school-pupils"));
  }

  public BunchingEstimator.Options estimator() {
    return new BunchingEstimator.Options(maxDegree, maxBelow, maxAbove, widthPenalty, minPupils, bootstrap);
  }

  /** For the runs table, keys prefixed {@code bunching_}. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("bunching_max_degree", String.valueOf(maxDegree));
    m.put("bunching_max_below", String.valueOf(maxBelow));
    m.put("bunching_max_above", String.valueOf(maxAbove));
    m.put("bunching_width_penalty", String.valueOf(widthPenalty));
    m.put("bunching_min_pupils", String.valueOf(minPupils));
    m.put("bunching_bootstrap", String.valueOf(bootstrap));
    m.put("bunching_key_bands", String.valueOf(keyBands));
    m.put("bunching_min_band_pupils", String.valueOf(minBandPupils));
    m.put("bunching_band_degree", String.valueOf(bandDegree));
    m.put("bunching_min_school_pupils", String.valueOf(minSchoolPupils));
    return m;
  }
}
