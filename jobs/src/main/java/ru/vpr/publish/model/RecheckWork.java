package ru.vpr.publish.model;

import java.util.List;

/**
 * One work chosen for re-checking.
 *
 * @param reasons why this work: evidence codes (threshold, journal, inversion, identical, rubric,
 *     flagged_class) for a work of a flagged class, or {@code control} for the random control sample;
 *     {@link RecheckReason#russian(String)} gives the text for people
 */
public record RecheckWork(int year, String subject, int grade, String municipalityCode, String login,
    String schoolName, String className, String code, List<String> reasons) {}
