package ru.vpr.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import ru.vpr.detect.bunching.Bunching;
import ru.vpr.spark.Columns;

/**
 * A school × work's pushing in one sentence a person can check against the list of its pupils' scores:
 * "9 из 17 учащихся набрали ровно 14 баллов (первый балл отметки «3»), ни одного — 11–13 баллов".
 * From the school's row of the {@code bunching} table at the cut where it pushed most, when that cut's
 * excess is clear of chance (the interval above zero); none else.
 */
final class SchoolEvidence {
  private SchoolEvidence() {}

  /** (year, subject, grade, login, evidence) of the school × works with a clear excess on a cut. */
  static Dataset<Row> of(Dataset<Row> bunching) {
    Dataset<Row> clear = bunching.where(col("level").equalTo(Bunching.SCHOOL).and(col("cut_mark").gt(0))
        .and(col("ci_low").gt(0)).and(col("pushed").geq(1)));
    Dataset<Row> strongest = clear
        .withColumn("_rank", row_number().over(Window.partitionBy("year", "subject", "grade", "login")
            .orderBy(col("pushed").desc(), col("cut_mark").asc())))
        .where(col("_rank").equalTo(1));
    Column on = col("observed");
    Column pupils = col("pupils");
    Column low = col("cut_score").minus(col("window_below"));
    Column high = col("cut_score").minus(1);
    Column range = when(low.equalTo(high), high.cast("string"))
        .otherwise(concat(low.cast("string"), lit("–"), high.cast("string")));
    Column below = when(col("observed_below").equalTo(0), lit("ни одного"))
        .otherwise(concat(col("observed_below").cast("string"), lit(" (ожидалось около "),
            round(col("expected_below")).cast("long").cast("string"), lit(")")));
    Column sentence = concat(on.cast("string"), lit(" из "), pupils.cast("string"), lit(" "),
        plural(pupils, "учащегося", "учащихся", "учащихся"), lit(" "), plural(on, "набрал", "набрали", "набрали"),
        lit(" ровно "), col("cut_score").cast("string"), lit(" "), plural(col("cut_score"), "балл", "балла", "баллов"),
        lit(" (первый балл отметки «"), col("cut_mark").cast("string"), lit("»), "), below, lit(" — "), range, lit(" "),
        plural(high, "балл", "балла", "баллов"));
    return strongest.select(col("year"), col("subject"), col("grade"), col("login"), sentence.as("evidence"));
  }

  /** The Russian noun form for a whole number (as Fmt.plural in the reports), as a column. */
  static Column plural(Column n, String one, String few, String many) {
    Column mod100 = pmod(n, lit(100));
    Column mod10 = pmod(n, lit(10));
    return when(mod100.between(11, 14), lit(many)).when(mod10.equalTo(1), lit(one))
        .when(mod10.between(2, 4), lit(few)).otherwise(lit(many));
  }

  /** The school × works with their evidence sentence (null where none). */
  static Dataset<Row> attach(Dataset<Row> schoolWorks, Dataset<Row> bunching) {
    return schoolWorks.join(org.apache.spark.sql.functions.broadcast(of(bunching)),
        Columns.seq("year", "subject", "grade", "login"), "left");
  }
}
