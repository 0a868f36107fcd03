package ru.vpr.generate;

/**
 * A pupil of one school in one year.
 *
 * @param code the participant code the school gave the pupil this year, the same in all works
 * @param theta ability this year (logits)
 */
record Pupil(String code, char gender, double theta) {}
