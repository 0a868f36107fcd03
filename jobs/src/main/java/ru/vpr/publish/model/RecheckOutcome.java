package ru.vpr.publish.model;

/**
 * What a commission's re-check found in one school × work.
 *
 * @param group {@code flagged} (the school was in the risk zone that year), {@code control} (in the
 *     published random control sample) or {@code other}
 * @param objectiveShare share of re-checked works judged objectively checked (target: 0.9 or more)
 * @param verdict {@code objective} (objectiveShare at or above the target), else the direction of the
 *     commission's changes: {@code inflated} (more points removed than added), {@code deflated} (more
 *     added: the school marked too strictly), {@code both_ways}
 * @param inflated verdict is {@code inflated}
 */
public record RecheckOutcome(int year, String subject, int grade, String municipalityCode, String login,
    String schoolName, String group, long works, long objectiveWorks, double objectiveShare, long pointsRemoved,
    long pointsAdded, String verdict, boolean inflated) {

  /** The verdict in words, for officials. */
  public String russianVerdict() {
    return switch (verdict == null ? "" : verdict) {
      case "objective" -> "проверено объективно (не менее 90% работ)";
      case "inflated" -> "завышение: объективно проверено менее 90% работ, баллов снято больше, чем добавлено";
      case "deflated" -> "занижение (не завышение): объективно проверено менее 90% работ, баллов добавлено больше, "
          + "чем снято";
      case "both_ways" -> "расхождения в обе стороны: объективно проверено менее 90% работ, баллов снято столько же, "
          + "сколько добавлено";
      default -> inflated ? "завышение: объективно проверено менее 90% работ" : "проверено объективно (не менее 90% работ)";
    };
  }
}
