package ru.vpr.indicators;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * VPR mark against the teacher's journal mark: lowered (VPR below journal), confirmed, raised, and
 * the pupils with a gap of 2 marks or more either way. Over the pupils who wrote AND have a journal
 * mark ({@code with_journal}); pupils without a journal mark are left out, not counted as confirmed.
 */
public final class JournalComparison {
  private JournalComparison() {}

  static List<Column> aggregates() {
    Column both = not(col("absent")).and(col("mark").isNotNull()).and(col("journal_mark").isNotNull());
    return List.of(
        count(when(both, 1)).as("with_journal"),
        count(when(both.and(col("mark").lt(col("journal_mark"))), 1)).as("lowered"),
        count(when(both.and(col("mark").equalTo(col("journal_mark"))), 1)).as("confirmed"),
        count(when(both.and(col("mark").gt(col("journal_mark"))), 1)).as("raised"),
        count(when(both.and(abs(col("mark").minus(col("journal_mark"))).geq(2)), 1)).as("journal_gap_2"));
  }

  static Dataset<Row> shares(Dataset<Row> counts) {
    return counts
        .withColumn("lowered_share", MarkIndicators.share(col("lowered"), "with_journal"))
        .withColumn("confirmed_share", MarkIndicators.share(col("confirmed"), "with_journal"))
        .withColumn("raised_share", MarkIndicators.share(col("raised"), "with_journal"));
  }
}
