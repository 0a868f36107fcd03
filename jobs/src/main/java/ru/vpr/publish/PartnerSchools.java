package ru.vpr.publish;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import ru.vpr.config.PublishConfig;
import ru.vpr.spark.Columns;

/**
 * For each flagged school, one to three partner schools with stably high, objective results: the
 * roadmaps pair schools with signs of non-objectivity with such schools for methodological support.
 * A partner has results in the year published and in enough of the recent years, is at least
 * {@code min-level} region standard deviations above the mean in each of them (its classes' mean
 * standardised score, weighted by pupils who wrote), and was never flagged in those years. Schools of
 * the same municipality come first (they can meet), then schools of the same peer group elsewhere.
 */
final class PartnerSchools {
  static final String SAME_MUNICIPALITY = "municipality";
  static final String SAME_PEER_GROUP = "peer_group";
  static final List<String> COLUMNS = List.of("year", "municipality_code", "login", "rank", "partner_login", "partner_name",
      "partner_municipality_code", "basis", "level");

  private final PublishConfig.Partners settings;

  PartnerSchools(PublishConfig.Partners settings) {
    this.settings = settings;
  }

  /**
   * @param years the years published
   * @param classSignals class_signals of those years and the recent years before them
   * @param riskTotals risk_school_totals of the same years
   * @param peerGroups peer_groups of the years published
   * @param schools the school registry
   */
  Dataset<Row> choose(List<Integer> years, Dataset<Row> classSignals, Dataset<Row> riskTotals, Dataset<Row> peerGroups,
      Dataset<Row> schools) {
    Column published = col("year").plus(col("offset"));
    // Each school-year counts for the years published from it to recent-years - 1 later.
    Dataset<Row> schoolYears = classSignals.where(col("scored"))
        .groupBy("year", "login")
        .agg(sum(col("z_mean").multiply(col("written"))).divide(sum("written")).as("level"))
        .join(riskTotals.select("year", "login", "flagged"), Columns.seq("year", "login"), "full")
        .withColumn("offset", explode(sequence(lit(0), lit(settings.recentYears() - 1))))
        .withColumn("published", published)
        .where(col("published").isin(years.toArray()));
    Column flaggedThen = when(col("flagged"), 1).otherwise(0);
    Dataset<Row> candidates = schoolYears.groupBy("published", "login").agg(
            count(col("level")).as("years_with_results"),
            min("level").as("min_level"),
            max(flaggedThen).as("ever_flagged"),
            max(when(col("offset").equalTo(0).and(col("level").isNotNull()), 1).otherwise(0)).as("has_year"))
        .where(col("has_year").equalTo(1)
            .and(col("years_with_results").geq(settings.minYears()))
            .and(col("min_level").geq(settings.minLevel()))
            .and(col("ever_flagged").equalTo(0)))
        .select(col("published").as("year"), col("login").as("partner_login"), col("min_level").as("level"))
        .join(schools.select(col("login").as("partner_login"), col("name").as("partner_name"),
            col("municipality_code").as("partner_municipality_code")), "partner_login")
        .join(peerGroups.select(col("year"), col("login").as("partner_login"), col("peer_group").as("partner_peer_group")),
            Columns.seq("year", "partner_login"), "left");
    Dataset<Row> flagged = riskTotals.where(col("flagged").and(col("year").isin(years.toArray())))
        .select("year", "municipality_code", "login")
        .join(peerGroups.select("year", "login", "peer_group"),
            Columns.seq("year", "login"), "left");
    Column sameMunicipality = col("partner_municipality_code").equalTo(col("municipality_code"));
    Column samePeers = col("partner_peer_group").equalTo(col("peer_group")).and(col("peer_group").geq(0));
    return flagged.join(broadcast(candidates), "year")
        .where(sameMunicipality.or(samePeers))
        .withColumn("basis", when(sameMunicipality, lit(SAME_MUNICIPALITY)).otherwise(lit(SAME_PEER_GROUP)))
        .withColumn("rank", row_number().over(Window.partitionBy("year", "login")
            .orderBy(when(sameMunicipality, 0).otherwise(1), col("level").desc(), col("partner_login"))))
        .where(col("rank").leq(settings.max()))
        .select(Columns.cols(COLUMNS));
  }
}
