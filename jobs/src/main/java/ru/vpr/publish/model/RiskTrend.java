package ru.vpr.publish.model;

/**
 * The risk zone of a municipality ({@code municipalityCode} null: the region) in one year.
 *
 * @param schoolsScored schools with at least one scored work
 * @param flagged schools in the risk zone
 * @param flaggedAgain flagged this year and the year before
 * @param left flagged the year before, scored and not flagged this year
 * @param entered flagged this year, not the year before
 * @param slope least-squares change of flagged schools per year over every year up to this one
 *     (negative: the risk zone shrinks); null with fewer than two years
 */
public record RiskTrend(int year, String municipalityCode, long schoolsScored, long flagged, long flaggedAgain,
    long left, long entered, Double slope) {}
