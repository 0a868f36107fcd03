package ru.vpr.publish.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.vpr.publish.model.AnalyticReport;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.RiskTrend;
import ru.vpr.publish.model.WorkProfile;
import ru.vpr.publish.model.WorkTrend;

/**
 * What every section needs besides the report: whether it is the region's, and names for the codes
 * the records carry (subjects from the works, municipalities when the caller knows them).
 */
final class ReportContext {
  final AnalyticReport report;
  private final Map<String, String> municipalityNames = new LinkedHashMap<>();
  private final Map<String, String> subjectNames = new LinkedHashMap<>();

  ReportContext(AnalyticReport report, List<Municipality> municipalities) {
    this.report = report;
    for (Municipality m : list(municipalities)) {
      if (m != null && m.code() != null && m.name() != null) municipalityNames.put(m.code(), m.name());
    }
    Municipality own = report.municipality();
    if (own != null && own.code() != null && own.name() != null) municipalityNames.put(own.code(), own.name());
    for (WorkTrend t : list(report.trends())) if (t.subject() != null && t.subjectName() != null) subjectNames.put(t.subject(), t.subjectName());
    for (WorkProfile w : list(report.works())) if (w.subject() != null && w.subjectName() != null) subjectNames.put(w.subject(), w.subjectName());
  }

  /** Null lists from a caller are read as empty. */
  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  boolean regional() {
    return report.municipality() == null;
  }

  /** The report's unit in chart legends. */
  String unitLabel() {
    return regional() ? "Регион" : "Муниципалитет";
  }

  /** The report's unit in the title: the municipality's name, or "регион". */
  String unitName() {
    if (regional()) return "регион";
    Municipality m = report.municipality();
    return m.name() != null && !m.name().isBlank() ? m.name() : m.code();
  }

  String municipalityName(String code) {
    if (code == null) return "Регион";
    return municipalityNames.getOrDefault(code, code);
  }

  String subjectName(String code) {
    return subjectNames.getOrDefault(code, code == null ? "" : code);
  }

  /** "Математика, 5 класс". */
  static String workName(String subjectName, int grade) {
    return subjectName + ", " + grade + " класс";
  }

  String workName(String subject, String subjectName, int grade) {
    return workName(subjectName != null && !subjectName.isBlank() ? subjectName : subjectName(subject), grade);
  }

  /** The unit's risk zone in the report's year: that year's row, or the latest one. */
  RiskTrend currentRisk() {
    List<RiskTrend> trend = list(report.riskTrend());
    for (RiskTrend t : trend) if (t.year() == report.year()) return t;
    return trend.isEmpty() ? null : trend.get(trend.size() - 1);
  }
}
