package ru.vpr.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.audit.RunLog;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;

/** The tables publish reads, each at the version recorded in the run. */
record PublishInputs(Dataset<Row> riskClasses, Dataset<Row> riskSchools, Dataset<Row> riskTotals, Dataset<Row> evidence,
    Dataset<Row> classSignals, Dataset<Row> peerGroups, Dataset<Row> results, Dataset<Row> recheck, Dataset<Row> scales,
    Dataset<Row> schools, Dataset<Row> subjects, Dataset<Row> lowResults, Dataset<Row> unitIndicators,
    Dataset<Row> taskIndicators, Dataset<Row> scoreHistograms, Dataset<Row> publishedSample, Dataset<Row> bunching,
    Dataset<Row> bunchingCurves) {

  static PublishInputs read(TableCatalog catalog, RunLog run) {
    return new PublishInputs(at(catalog, run, Tables.RISK_CLASSES), at(catalog, run, Tables.RISK_SCHOOLS),
        at(catalog, run, Tables.RISK_SCHOOL_TOTALS), at(catalog, run, Tables.PUPIL_EVIDENCE),
        at(catalog, run, Tables.CLASS_SIGNALS), at(catalog, run, Tables.PEER_GROUPS), at(catalog, run, Tables.RESULTS),
        at(catalog, run, Tables.RECHECK), at(catalog, run, Tables.SCALES), at(catalog, run, Tables.SCHOOLS),
        at(catalog, run, Tables.SUBJECTS), at(catalog, run, Tables.LOW_RESULT_SCHOOLS),
        at(catalog, run, Tables.UNIT_INDICATORS), at(catalog, run, Tables.TASK_INDICATORS),
        at(catalog, run, Tables.SCORE_HISTOGRAMS), at(catalog, run, Tables.RECHECK_SAMPLE),
        at(catalog, run, Tables.BUNCHING), at(catalog, run, Tables.BUNCHING_CURVES));
  }

  private static Dataset<Row> at(TableCatalog catalog, RunLog run, TableDef table) {
    long version = catalog.version(table);
    run.inputVersion(table.name(), version);
    return catalog.readAt(table, version);
  }
}
