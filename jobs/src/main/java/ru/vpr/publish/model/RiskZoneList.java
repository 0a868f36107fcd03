package ru.vpr.publish.model;

import java.util.List;

/**
 * Everything the Russian list for officials (risk_zone.xlsx) holds for one year.
 *
 * @param flaggedSchools flagged school × work units, riskiest first
 * @param flaggedClasses flagged class × work units, riskiest first
 * @param riskTrend the risk zone per municipality and the region over the years
 */
public record RiskZoneList(int year, List<Municipality> municipalities, List<FlaggedUnit> flaggedSchools,
    List<FlaggedUnit> flaggedClasses, List<RecheckWork> recheck, List<PartnerSchool> partners,
    List<LowResultSchool> lowResults, List<RecheckOutcome> outcomes, List<RecheckPrecision> precision,
    List<RiskTrend> riskTrend) {}
