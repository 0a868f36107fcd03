package ru.vpr.generate;

/**
 * What a generation run wrote.
 *
 * @param municipalities municipalities in the registry
 * @param schools schools in the registry
 * @param works work specs written (year × subject × grade)
 * @param classes class × year units (a class that writes three works counts once)
 * @param classWorks class × work units
 * @param pupilWorks pupil × work rows written to the landing zone (absent pupils included)
 * @param schoolForms school form files
 * @param exportFiles regional export files
 * @param manipulatedClassWorks class × work units with a planted manipulation
 * @param strongClassWorks class × work units labelled strong_honest
 * @param controlWorks school × work units on the objectivity-control list
 * @param recheckRows rows of recheck/recheck.csv
 */
public record GenerationSummary(
    int municipalities, int schools, int works, int classes, int classWorks, long pupilWorks,
    int schoolForms, int exportFiles, int manipulatedClassWorks, int strongClassWorks,
    int controlWorks, int recheckRows) {

  public String format() {
    return String.format(java.util.Locale.ROOT,
        "municipalities=%d schools=%d works=%d classes=%d classWorks=%d pupilWorks=%d schoolForms=%d"
            + " exportFiles=%d manipulated=%d (%.1f%%) strongHonest=%d control=%d recheckRows=%d",
        municipalities, schools, works, classes, classWorks, pupilWorks, schoolForms, exportFiles,
        manipulatedClassWorks, classWorks == 0 ? 0.0 : 100.0 * manipulatedClassWorks / classWorks,
        strongClassWorks, controlWorks, recheckRows);
  }

  @Override
  public String toString() {
    return format();
  }
}
