package ru.vpr.evaluate;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.detect.bunching.Bunching;

/**
 * A bunching estimate at the first cut (mark 3) of a region's or municipality's work against what the
 * generator planted there: the pupils its endemic pushing moved onto that cut. (Targeted threshold
 * pushing also lands pupils on the cut, on any of the three; those are not counted in {@code planted},
 * so the estimate may exceed it by a little.)
 *
 * @param municipality null for the region
 */
record BunchingCheck(int seed, int year, String subject, int grade, String municipality, double estimated,
    Double ciLow, Double ciHigh, long planted) {

  static String key(int year, String subject, int grade, String municipality) {
    return year + "/" + subject + "/" + grade + "/" + (municipality == null ? "" : municipality);
  }

  boolean covered() {
    return ciLow != null && ciHigh != null && ciLow <= planted && planted <= ciHigh;
  }

  /** Relative error against the plant; NaN where nothing was planted. */
  double relativeError() {
    return planted == 0 ? Double.NaN : Math.abs(estimated - planted) / planted;
  }

  /** Region and municipality estimates at the first cut, for the units where something was planted. */
  static List<BunchingCheck> of(int seed, Dataset<Row> bunching, List<Integer> years, Map<String, Long> planted) {
    List<BunchingCheck> out = new ArrayList<>();
    // A few rows per work and municipality: fine on the driver.
    for (Row r : bunching.where(col("cut_mark").equalTo(3).and(col("year").isin(years.toArray()))
        .and(col("level").isin(Bunching.REGION, Bunching.MUNICIPALITY)))
        .select("year", "subject", "grade", "municipality_code", "pushed", "ci_low", "ci_high").collectAsList()) {
      String municipality = r.isNullAt(3) ? null : r.getString(3);
      long p = planted.getOrDefault(key(r.getInt(0), r.getString(1), r.getInt(2), municipality), 0L);
      if (p == 0) continue;
      out.add(new BunchingCheck(seed, r.getInt(0), r.getString(1), r.getInt(2), municipality, r.getDouble(4),
          r.isNullAt(5) ? null : r.getDouble(5), r.isNullAt(6) ? null : r.getDouble(6), p));
    }
    return out;
  }
}
