package ru.vpr.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.vpr.publish.model.RecheckReason;
import ru.vpr.publish.model.RiskReason;

/** The CSV files of a year's publication: contract §3 columns first, then what helps the reader. */
final class PublishedFiles {
  static final String RISK_ZONE_XLSX = "risk_zone.xlsx";
  static final String REPORTS = "reports";

  static final CsvExport RISK_CLASSES = riskUnits("risk_classes.csv", true);
  static final CsvExport RISK_SCHOOLS = riskUnits("risk_schools.csv", false);

  static final CsvExport RECHECK_SAMPLE = CsvExport.file("recheck_sample.csv", Publication::sample,
          col("municipality_code"), when(col("reason").equalTo(RecheckReason.CONTROL), 1).otherwise(0), col("pick"))
      .value("year").value("subject").value("grade").text("login").text("class").text("code").value("reason")
      .text("municipality_code").value("class_risk_rank").value("pick").inRussian("reason_ru", "reason", RecheckReason.all());

  static final CsvExport PARTNER_SCHOOLS = CsvExport.file("partner_schools.csv", Publication::partners,
          col("login"), col("rank"))
      .value("year").text("municipality_code").text("login").value("rank").text("partner_login").text("partner_name")
      .text("partner_municipality_code").value("basis").number("level", "%.3f");

  static final CsvExport LOW_RESULT_SCHOOLS = CsvExport.file("low_result_schools.csv", Publication::lowResults,
          col("municipality_code"), col("login"))
      .value("year").text("municipality_code").text("login").text("school_name").value("subjects").value("works")
      .number("max_share_2", "%.4f").value("reasons");

  static final CsvExport RECHECK_OUTCOMES = CsvExport.file("recheck_outcomes.csv", Publication::outcomes,
          col("municipality_code"), col("login"), col("subject"), col("grade"))
      .value("year").value("subject").value("grade").text("municipality_code").text("login").text("school_name")
      .value("selected_as").value("works").value("objective_works").number("objective_share", "%.4f")
      .value("points_removed").value("points_added").value("verdict").flag("inflated");

  static final CsvExport RISK_DYNAMICS = CsvExport.history("risk_dynamics.csv", Publication::dynamics,
          col("municipality_code").asc_nulls_first(), col("year"))
      .value("year").text("municipality_code").value("schools_scored").value("flagged").value("flagged_again")
      .value("left").value("entered").number("slope", "%.4f");

  static final List<CsvExport> ALL = List.of(RISK_CLASSES, RISK_SCHOOLS, RECHECK_SAMPLE, PARTNER_SCHOOLS,
      LOW_RESULT_SCHOOLS, RECHECK_OUTCOMES, RISK_DYNAMICS);

  /** What each file is, for the lines that tell a user where to look (the workbook is named first). */
  static final Map<String, String> GUIDE = guide();

  private PublishedFiles() {}

  private static Map<String, String> guide() {
    Map<String, String> g = new LinkedHashMap<>();
    g.put(REPORTS + "/region.html", "the region's report (open in a browser): results, pushed pupils, charts");
    g.put(REPORTS + "/municipality_<code>.html", "one report per municipality");
    g.put(RISK_SCHOOLS.fileName(), "flagged and scored school x works, with reason codes (analysts)");
    g.put(RISK_CLASSES.fileName(), "the same per class");
    g.put(RECHECK_SAMPLE.fileName(), "the works to re-check, by pupil code");
    g.put(PARTNER_SCHOOLS.fileName(), "schools of similar level to pair with for cross-checking");
    g.put(LOW_RESULT_SCHOOLS.fileName(), "schools with low results (support, not suspicion)");
    g.put(RECHECK_OUTCOMES.fileName(), "what earlier re-checks found, per school x work");
    g.put(RISK_DYNAMICS.fileName(), "flagged schools year after year, per municipality");
    g.put("manifest.json", "every file with its size and SHA-256");
    return g;
  }

  private static CsvExport riskUnits(String name, boolean classes) {
    CsvExport file = classes
        ? CsvExport.file(name, Publication::riskClasses, col("risk_rank").asc_nulls_last(), col("subject"), col("grade"),
            col("login"), col("class"))
        : CsvExport.file(name, Publication::riskSchools, col("risk_rank").asc_nulls_last(), col("subject"), col("grade"),
            col("login"));
    return file.value("year").value("subject").value("grade").text("municipality_code").text("login").text("class")
        .value("participants").flag("scored").number("risk_score", "%.6f").value("risk_rank").flag("flagged")
        .value("reasons").value("written").number("q_value", "%.3e").text("school_name")
        .inRussian("reasons_ru", "reasons", RiskReason.all());
  }
}
