package ru.vpr.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/**
 * S4, identical works: pupils of one class who handed in the same variant with the same score on
 * every task. Coincidences happen, mostly among works that are common anyway (all tasks solved, or
 * none), and a strong class has many pupils on or near the maximum, so a group of c identical works
 * is judged against pupils of the class with the same variant and score band (tenths of the maximum):
 * with f the share of the region's pupils of that band (other classes) who have exactly this vector,
 * the other n_b - 1 pupils of the class in the band share it about Poisson((n_b - 1) f) times, and the
 * group's p-value is P(X >= c - 1). (Conditioning on the exact total instead hides copies of a good
 * pupil's work, which has few neighbours at its total; not conditioning flags strong classes.) The class's p-value is the smallest group p-value times the number of
 * distinct works in the class (Bonferroni over what could have matched). Classes without identical
 * works get no p-value: no evidence either way.
 */
final class IdenticalWorks {
  private IdenticalWorks() {}

  static Dataset<Row> of(Dataset<Row> pupils) {
    List<String> scoreKey = Strata.plus(Strata.STRATUM, "score_band");
    List<String> vectorKey = Strata.plus(scoreKey, "vector");
    List<String> classVariant = Strata.plus(Strata.CLASS, "variant_key", "score_band");
    Dataset<Row> region = pupils.groupBy(Columns.cols(vectorKey)).agg(count(lit(1)).as("region_copies"));
    Dataset<Row> stratum = pupils.groupBy(Columns.cols(scoreKey)).agg(count(lit(1)).as("stratum_pupils"));
    Dataset<Row> classSize = pupils.groupBy(Columns.cols(classVariant)).agg(count(lit(1)).as("variant_pupils"));
    Dataset<Row> distinct = pupils.groupBy(Columns.cols(Strata.CLASS)).agg(countDistinct(col("vector")).as("distinct_works"));
    Dataset<Row> groups = pupils.groupBy(Columns.cols(Strata.plus(classVariant, "vector"))).agg(count(lit(1)).as("copies"))
        .where(col("copies").geq(2))
        .join(region, Columns.seq(vectorKey))
        .join(stratum, Columns.seq(scoreKey))
        .join(classSize, Columns.seq(classVariant));
    // Leave the class out of the regional frequency, and add one so a vector seen nowhere else is not impossible.
    Dataset<Row> scored = groups.withColumn("frequency",
            col("region_copies").minus(col("copies")).plus(1)
                .divide(col("stratum_pupils").minus(col("variant_pupils")).plus(1)))
        .withColumn("expected", col("variant_pupils").minus(1).multiply(col("frequency")))
        .withColumn("group_p", PValues.POISSON_AT_LEAST.apply(col("expected"), col("copies").minus(1)));
    return scored.groupBy(Columns.cols(Strata.CLASS)).agg(
            min("group_p").as("min_group_p"), sum("copies").as("identical_works"), count(lit(1)).as("identical_groups"))
        .join(distinct, Columns.seq(Strata.CLASS))
        .withColumn("identical_p", least(lit(1.0), col("min_group_p").multiply(col("distinct_works"))))
        .select(col("year"), col("subject"), col("grade"), col("municipality_code"), col("login"), col("class"),
            col("identical_works"), col("identical_groups"), col("identical_p"));
  }
}
