package ru.vpr.publish.model;

import java.util.List;

/** A work's results over the years, oldest first, for the unit and the region. */
public record WorkTrend(String subject, String subjectName, int grade, List<YearPoint> points) {}
