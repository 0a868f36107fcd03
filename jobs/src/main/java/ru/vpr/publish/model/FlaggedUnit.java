package ru.vpr.publish.model;

import java.util.List;

/**
 * A class × work ({@code className} set) or a school × work ({@code className} null) in the risk
 * zone of a year.
 *
 * @param reasons signal codes, strongest first (see ru.vpr.detect.Signal); writers for people show
 *     {@link RiskReason#russian(String)} instead of the code
 * @param riskRank 1 = riskiest unit of the year among units of the same kind
 * @param evidence for a school × work, its pushing in one Russian sentence a person can check (risk_schools.evidence);
 *     null when there is none
 * @param pushed for a school × work, the estimated pupils pushed over the cuts (risk_schools.pushed); null when unknown
 */
public record FlaggedUnit(int year, String subject, int grade, String municipalityCode, String login,
    String schoolName, String className, long written, double riskScore, int riskRank, List<String> reasons,
    String evidence, Double pushed) {

  /** A unit without an estimate of pushed pupils. */
  public FlaggedUnit(int year, String subject, int grade, String municipalityCode, String login, String schoolName,
      String className, long written, double riskScore, int riskRank, List<String> reasons, String evidence) {
    this(year, subject, grade, municipalityCode, login, schoolName, className, written, riskScore, riskRank, reasons, evidence,
        null);
  }

  /** A unit without an evidence sentence. */
  public FlaggedUnit(int year, String subject, int grade, String municipalityCode, String login, String schoolName,
      String className, long written, double riskScore, int riskRank, List<String> reasons) {
    this(year, subject, grade, municipalityCode, login, schoolName, className, written, riskScore, riskRank, reasons, null,
        null);
  }
}
