package ru.vpr.detect;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import ru.vpr.spark.Columns;

/**
 * What each pupil of a flagged class contributes to the evidence, so that publish can choose the
 * works a commission should re-check without recomputing pupil features: the score against the
 * first score of the pupil's mark (threshold pushing), person-fit and rubric residuals in the
 * pupil's band (hard-before-easy, generous rubric marking), identical works within the class and
 * the journal mark. Only flagged classes are kept: a few percent of pupils at most.
 */
final class PupilEvidence {
  private PupilEvidence() {}

  static Dataset<Row> of(Dataset<Row> pupils, Dataset<Row> risk) {
    Dataset<Row> flagged = risk.where(col("flagged")).select(Columns.cols(Strata.CLASS));
    Dataset<Row> inFlagged = pupils.join(broadcast(flagged), Columns.seq(Strata.CLASS));
    return inFlagged
        .withColumn("identical_works",
            count(lit(1)).over(Window.partitionBy(Columns.cols(Strata.plus(Strata.CLASS, "variant_key", "vector")))))
        .select("year", "subject", "grade", "municipality_code", "login", "class", "code", "primary_score", "max_score",
            "mark", "mark_min", "journal_mark", "person_fit_z", "rubric_z", "identical_works");
  }
}
