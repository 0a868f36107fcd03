package ru.vpr.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a publish run computed for its years: class- and school-level datasets, materialised, from
 * which the files and the publish tables are written.
 *
 * @param riskClasses risk_classes of the years with school names
 * @param riskSchools risk_schools of the years with school names
 * @param sample the re-check sample
 * @param partners partner schools of flagged schools
 * @param lowResults low_result_schools of the years
 * @param outcomes re-check outcomes per school × work (every year with re-checks up to the last published)
 * @param precision re-check precision per group (same years)
 * @param dynamics the risk zone per municipality and region, every year up to the last published
 */
record Publication(Dataset<Row> riskClasses, Dataset<Row> riskSchools, Dataset<Row> sample, Dataset<Row> partners,
    Dataset<Row> lowResults, Dataset<Row> outcomes, Dataset<Row> precision, Dataset<Row> dynamics) {}
