package ru.vpr.publish.model;

/** One year of a work's trend: share of mark 2 and quality (marks 4-5), unit and region (0..1). */
public record YearPoint(int year, double unitShare2, double regionShare2, double unitQuality, double regionQuality) {}
