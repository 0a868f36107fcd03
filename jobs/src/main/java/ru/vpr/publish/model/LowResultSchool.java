package ru.vpr.publish.model;

/** A school on the low-results list of the indicators (table low_result_schools). */
public record LowResultSchool(int year, String municipalityCode, String login, String schoolName,
    String subjects, double maxShare2, String reasonsText) {}
