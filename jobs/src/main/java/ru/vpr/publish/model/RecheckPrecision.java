package ru.vpr.publish.model;

/**
 * How often a re-check confirmed the selection, per group of schools, for a municipality
 * ({@code municipalityCode} null: the region) and year.
 *
 * @param group flagged, control or other (see {@link RecheckOutcome})
 * @param schools schools of the group with re-checked works
 * @param inflated of them, schools judged to inflate
 * @param share inflated / schools: the detector's observed precision for {@code flagged}, the base rate for
 *     {@code control}; null when no school was re-checked
 */
public record RecheckPrecision(int year, String municipalityCode, String group, long schools, long inflated,
    Double share) {}
