package ru.vpr.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.DetectConfig;
import ru.vpr.spark.Columns;

/**
 * Rolls class risk up to school × work and to school. A school's p-value is the Cauchy combination of
 * its units' p-values, which stays valid although classes of one school are alike, and is led by its
 * riskiest class: one inflated class is enough to send a commission. Each signal's strongest p-value
 * among the units gives the reasons. A unit is flagged by its own Benjamini-Hochberg test or when any
 * of its parts is flagged.
 */
public final class Rollup {
  public static final String NO_SCORED_CLASS = "no_scored_class";

  private Rollup() {}

  /**
   * @param schoolS2 (year, subject, grade, login, school_s2_p): S2 on the school × work's pooled pupils
   *     (CutSignal.schoolWorkP), which joins its classes' p-values when S2 is in the score and stands for
   *     S2 among its reasons when stronger than its classes'; null for none
   */
  public static Dataset<Row> schoolWorks(Dataset<Row> classes, Dataset<Row> schoolS2, DetectConfig config) {
    return roll(classes, Strata.SCHOOL_WORK, config, schoolS2)
        .withColumn("class", lit(null).cast("string"));
  }

  public static Dataset<Row> schools(Dataset<Row> schoolWorks, DetectConfig config) {
    return roll(schoolWorks, List.of("year", "municipality_code", "login"), config, null)
        .withColumn("subject", lit(null).cast("string"))
        .withColumn("grade", lit(null).cast("int"))
        .withColumn("class", lit(null).cast("string"));
  }

  private static Dataset<Row> roll(Dataset<Row> units, List<String> key, DetectConfig config, Dataset<Row> own) {
    List<Column> aggs = new ArrayList<>(List.of(
        sum("participants").as("participants"), sum("written").as("written"), max("scored").as("scored"),
        collect_list(when(col("scored"), col("combined_p"))).as("unit_ps"),
        count(when(col("scored"), lit(1))).as("units_scored"), count(when(col("flagged"), lit(1))).as("units_flagged")));
    aggs.addAll(RiskScoring.strongest(config));
    if (List.of(units.columns()).contains("pushed")) aggs.add(sum("pushed").as("pushed"));
    Dataset<Row> rolled = units.groupBy(Columns.cols(key))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    if (own != null) {
      Column p = col("school_s2_p");
      rolled = rolled.join(broadcast(own), Columns.seq("year", "subject", "grade", "login"), "left")
          .withColumn(Signal.THRESHOLDS.column(), least(col(Signal.THRESHOLDS.column()), p));
      if (config.signals().contains(Signal.THRESHOLDS.code())) {
        rolled = rolled.withColumn("unit_ps", when(p.isNull(), col("unit_ps")).otherwise(concat(col("unit_ps"), array(p))));
      }
      rolled = rolled.drop("school_s2_p");
    }
    rolled = rolled
        .withColumn("combined_p", when(col("scored"), PValues.combine(config.calibration().maxCombinedP()).apply(col("unit_ps"))))
        .withColumn("unscored_reason", when(col("scored").unary_$bang(), lit(NO_SCORED_CLASS)))
        .drop("unit_ps");
    // A unit with a flagged part is in the risk zone itself: a list that names a class but not its
    // school would send nobody to re-check it. Its own BH test can add units with several moderate parts.
    return RiskScoring.finish(rolled, config, "unscored_reason")
        .withColumn("flagged", col("flagged").or(col("units_flagged").gt(0)));
  }
}
