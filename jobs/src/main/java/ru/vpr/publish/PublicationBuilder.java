package ru.vpr.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.config.PublishConfig;
import ru.vpr.spark.Columns;

/**
 * Computes a publication from the inputs: every dataset is class- or school-level and materialised
 * once (a local checkpoint), because each is read several times: for the files, the list, the
 * reports and the tables.
 */
final class PublicationBuilder {
  private PublicationBuilder() {}

  static Publication build(PublishInputs in, List<Integer> years, PublishConfig settings) {
    Object[] span = years.toArray();
    int last = Collections.max(years);
    int first = Collections.min(years);
    Dataset<Row> names = in.schools().select(col("login"), col("name").as("school_name"));
    Dataset<Row> riskClasses = materialise(in.riskClasses().where(col("year").isin(span)).join(names, "login", "left"));
    Dataset<Row> riskSchools = materialise(in.riskSchools().where(col("year").isin(span))
        .withColumn("class", lit(null).cast("string")).join(names, "login", "left"));
    Dataset<Row> totals = in.riskTotals().where(col("year").isin(span));
    Dataset<Row> sample = materialise(new RecheckSample(settings.recheck()).draw(in.evidence().where(col("year").isin(span)),
        riskClasses, riskSchools, totals, in.results().where(col("year").isin(span))));
    int windowStart = first - settings.partners().recentYears() + 1;
    Column window = col("year").between(windowStart, last);
    Dataset<Row> partners = materialise(new PartnerSchools(settings.partners()).choose(years,
        in.classSignals().where(window), in.riskTotals().where(window), in.peerGroups().where(col("year").isin(span)),
        in.schools()));
    Dataset<Row> lowResults = materialise(in.lowResults().where(col("year").isin(span)));
    Dataset<Row> upToLast = in.recheck().where(col("year").leq(last));
    Dataset<Row> controls = RecheckOutcomes.controlWorks(
        in.publishedSample().select(Columns.cols(RecheckSample.COLUMNS)).unionByName(sample));
    Dataset<Row> outcomes = materialise(new RecheckOutcomes(settings.outcomes()).perSchoolWork(upToLast,
        in.results().where(col("year").leq(last)), in.scales(), in.riskSchools(), controls, in.schools()));
    Dataset<Row> precision = materialise(RecheckOutcomes.precision(outcomes));
    Dataset<Row> dynamics = materialise(RiskDynamics.of(in.riskTotals().where(col("year").leq(last))));
    return new Publication(riskClasses, riskSchools, sample, partners, lowResults, outcomes, precision, dynamics);
  }

  private static Dataset<Row> materialise(Dataset<Row> rows) {
    return rows.localCheckpoint(true);
  }
}
