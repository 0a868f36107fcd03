package ru.vpr.publish.model;

import java.util.List;

/**
 * One work (subject × grade) of the report's unit against the region in a year.
 *
 * @param subjectName subject name in Russian
 * @param written pupils of the unit who wrote
 * @param unitMarks shares of marks 2, 3, 4, 5 of the unit (0..1, length 4)
 * @param regionMarks the same for the region
 * @param unitJournal shares lowered, confirmed, raised against the journal mark (0..1, length 3)
 * @param regionJournal the same for the region
 */
public record WorkProfile(String subject, String subjectName, int grade, long written, double[] unitMarks,
    double[] regionMarks, double[] unitJournal, double[] regionJournal, List<TaskCompletion> tasks) {}
