package ru.vpr.publish.model;

/**
 * Completion of one task by the unit and by the region, in % of max (0..100).
 *
 * @param level Б, П or В (null when the spec has none)
 */
public record TaskCompletion(String task, String level, double unitPct, double regionPct) {}
