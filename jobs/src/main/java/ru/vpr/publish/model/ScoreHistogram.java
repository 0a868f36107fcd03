package ru.vpr.publish.model;

/**
 * Pupils per primary score of one unit (a flagged class or school × work), with the region's line and
 * the year's mark thresholds: the chart where bunching just over a threshold shows.
 *
 * @param title what the unit is, in Russian (school, class, subject, grade)
 * @param pupils pupils of the unit with score 0..maxScore (length maxScore + 1)
 * @param regionShare the region's share of pupils with that score (length maxScore + 1)
 * @param lineLabel what the line is, for the legend ("Регион" unless said otherwise)
 */
public record ScoreHistogram(String title, int maxScore, int min3, int min4, int min5, long[] pupils,
    double[] regionShare, String lineLabel) {
  public static final String REGION = "Регион";

  public ScoreHistogram(String title, int maxScore, int min3, int min4, int min5, long[] pupils, double[] regionShare) {
    this(title, maxScore, min3, min4, min5, pupils, regionShare, REGION);
  }
}
