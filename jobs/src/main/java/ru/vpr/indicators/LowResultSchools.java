package ru.vpr.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import ru.vpr.config.IndicatorsConfig.LowResults;
import ru.vpr.table.Tables;
import ru.vpr.spark.Columns;

/**
 * The published list of schools with low results. A school's work (subject × grade, school level)
 * with enough pupils is low when its share of mark 2 is above the threshold, or in the region's top
 * share of schools for that work; a school is listed for a year when, in one of the chosen subjects,
 * it had a low work in each of the last {@code consecutiveYears} years. Each listed school carries
 * its reasons as codes and as Russian text.
 */
public final class LowResultSchools {
  public static final String ABOVE_THRESHOLD = "share2_above_threshold";
  public static final String TOP_OF_REGION = "share2_top_decile";

  private LowResultSchools() {}

  /**
   * @param unitIndicators rows of {@code unit_indicators} for the years wanted and the years before
   * @param schools the registry (login, name)
   * @param subjects subject codes and Russian names
   */
  public static Dataset<Row> of(Dataset<Row> unitIndicators, Dataset<Row> schools, Dataset<Row> subjects, LowResults criteria) {
    Dataset<Row> works = unitIndicators
        .where(Levels.isLevel(Levels.SCHOOL)
            .and(col("subject").isin(criteria.subjects().toArray()))
            .and(col("written").geq(criteria.minWritten())))
        .select("year", "subject", "grade", "municipality_code", "login", "share_2");
    Dataset<Row> judged;
    Column top;
    if (criteria.usesPercentile()) {
      // The exact percentile (linear interpolation) over the judged schools of the work.
      Dataset<Row> bars = works.groupBy("year", "subject", "grade")
          .agg(percentile(col("share_2"), lit(criteria.regionPercentile())).as("region_bar"));
      judged = works.join(bars, new String[] {"year", "subject", "grade"});
      // Above 0 too: where most schools have no 2 at all, the percentile is 0 and would take them all.
      top = col("share_2").gt(0).and(col("share_2").geq(col("region_bar")));
    } else {
      judged = works.withColumn("region_bar", lit(null).cast("double"));
      top = lit(false);
    }
    Column above = col("share_2").gt(criteria.share2Above());
    Dataset<Row> low = judged.withColumn("above", above).withColumn("top", top)
        .where(col("above").or(col("top")));

    // A school × subject is low in a year when any of its works in the subject is; listed when the
    // last consecutiveYears years (this one included) were all low.
    int years = criteria.consecutiveYears();
    Dataset<Row> running = low.select("login", "subject", "year").distinct()
        .withColumn("run", count(lit(1)).over(Window.partitionBy("login", "subject").orderBy("year")
            .rangeBetween(-(years - 1), 0)))
        .where(col("run").geq(years))
        .select("login", "subject", "year");

    Dataset<Row> names = subjects.select(col("subject"), col("name").as("subject_name"));
    Column code = concat(col("subject"), col("grade").cast("string"), lit(":"));
    Column codes = concat_ws("|",
        when(col("above"), concat(code, lit(ABOVE_THRESHOLD))),
        when(col("top"), concat(code, lit(TOP_OF_REGION))));
    String threshold = String.format(Locale.ROOT, "%.0f%%", criteria.share2Above() * 100);
    String topShare = String.format(Locale.ROOT, "%.0f%%", (1 - criteria.regionPercentile()) * 100);
    Column text = concat(
        format_string("%s, %d класс: доля отметок «2» %.1f%%", coalesce(col("subject_name"), col("subject")),
            col("grade"), col("share_2").multiply(100.0)),
        lit(" — "),
        concat_ws(", ",
            when(col("above"), lit("выше порога " + threshold)),
            when(col("top"), format_string("в верхних " + topShare.replace("%", "%%") + " школ региона (граница %.1f%%)",
                col("region_bar").multiply(100.0)))));
    String runText = years == 1 ? "" : String.format(Locale.ROOT, ". Низкие результаты %d года подряд", years);

    Dataset<Row> listed = low.join(running, new String[] {"login", "subject", "year"})
        .join(names, new String[] {"subject"}, "left")
        .withColumn("codes", codes)
        .withColumn("text", text)
        .groupBy("year", "login")
        .agg(first("municipality_code").as("municipality_code"),
            concat_ws("|", sort_array(collect_set("subject"))).as("subjects"),
            count(lit(1)).as("works"),
            max("share_2").as("max_share_2"),
            concat_ws("|", sort_array(collect_list("codes"))).as("reasons"),
            concat(concat_ws("; ", sort_array(collect_list("text"))), lit(runText)).as("reasons_text"));
    return listed
        .join(schools.select(col("login"), col("name").as("school_name")), new String[] {"login"}, "left")
        .withColumn("criteria", lit(criteria.describe()))
        .select(Columns.cols(List.of(Tables.LOW_RESULT_SCHOOLS.columns())));
  }
}
