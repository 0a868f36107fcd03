package ru.vpr.publish.model;

/**
 * What a commission's re-check found in one school × work.
 *
 * @param group {@code flagged} (the school was in the risk zone that year), {@code control} (in the
 *     published random control sample) or {@code other}
 * @param objectiveShare share of re-checked works judged objectively checked (target: 0.9 or more)
 * @param inflated the school's checking is judged inflated: objectiveShare below the target
 */
public record RecheckOutcome(int year, String subject, int grade, String municipalityCode, String login,
    String schoolName, String group, long works, long objectiveWorks, double objectiveShare, long pointsRemoved,
    long pointsAdded, boolean inflated) {}
