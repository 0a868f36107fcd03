package ru.vpr.generate;

/** What a class × work can be labelled with in labels.csv. */
public enum Manipulation {
  /** Scores 1 to 3 points below a mark threshold pushed to exactly the threshold. */
  THRESHOLD_PUSH("threshold_push"),
  /** Extra points on tasks the teacher judges by criteria. */
  RUBRIC_INFLATION("rubric_inflation"),
  /** Hard (П/В) tasks answered correctly by most of the class. */
  DICTATION("dictation"),
  /** Several pupils hand in the same work: identical score vectors. */
  COPIED_WORKS("copied_works"),
  /** Scores moved so that the VPR mark equals the journal mark. */
  MARK_ALIGNMENT("mark_alignment"),
  /**
   * Endemic pushing (the generator's endemic share): pupils 1 to 5 points under the first score of mark
   * 3 lifted onto it, a habit of the school in every class. Not drawn among the targeted kinds.
   */
  ENDEMIC_PUSH("endemic_push"),
  /** Not a manipulation: a genuinely strong class, planted as a false-positive control. */
  STRONG_HONEST("strong_honest");

  private final String label;

  Manipulation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isManipulation() {
    return this != STRONG_HONEST;
  }

  static final Manipulation[] CHEATS = {THRESHOLD_PUSH, RUBRIC_INFLATION, DICTATION, COPIED_WORKS, MARK_ALIGNMENT};
}
