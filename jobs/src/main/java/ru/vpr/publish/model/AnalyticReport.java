package ru.vpr.publish.model;

import java.util.List;

/**
 * Everything one analytic report shows: a municipality's, or the region's when {@code municipality}
 * is null.
 *
 * @param works every work of the year: the unit against the region
 * @param histograms flagged units of the unit (classes first, riskiest first), at most a few dozen
 * @param trends every work over the years
 * @param riskTrend the unit's risk zone per year, oldest first
 * @param municipalities for the region's report: each municipality's risk zone this year (empty otherwise)
 * @param flagged flagged classes of the unit this year, riskiest first
 * @param precision re-check results of the unit this year (empty when nothing was re-checked)
 * @param lowResults low-result schools of the unit this year
 * @param pushed per work, the unit's histogram against the counterfactual and the pupils pushed over each cut
 */
public record AnalyticReport(int year, Municipality municipality, List<WorkProfile> works,
    List<ScoreHistogram> histograms, List<WorkTrend> trends, List<RiskTrend> riskTrend,
    List<RiskTrend> municipalities, List<FlaggedUnit> flagged, List<RecheckPrecision> precision,
    List<LowResultSchool> lowResults, List<PushedPupils> pushed) {

  /** A report without bunching estimates (detection estimated none). */
  public AnalyticReport(int year, Municipality municipality, List<WorkProfile> works, List<ScoreHistogram> histograms,
      List<WorkTrend> trends, List<RiskTrend> riskTrend, List<RiskTrend> municipalities, List<FlaggedUnit> flagged,
      List<RecheckPrecision> precision, List<LowResultSchool> lowResults) {
    this(year, municipality, works, histograms, trends, riskTrend, municipalities, flagged, precision, lowResults, List.of());
  }
}
