package ru.vpr.generate;

import ru.vpr.reference.School;

/**
 * A school with the hidden traits that drive its data. Drawn once per school and kept for every
 * year, so a school's level, leniency and habits (including cheating) persist across years.
 *
 * @param effect school ability effect (kind + municipality + own), logits
 * @param leniency 0..1: how often the journal mark is above the honest VPR mark
 * @param absenceRate share of pupils absent from a work
 * @param cheating whether the school plants manipulations in several classes and works
 * @param favourite the manipulation this school prefers when it cheats
 * @param cheatIntensity the school's typical intensity
 * @param codeDigits length of the participant codes it hands out (4 to 6)
 */
record SchoolProfile(
    int index, School school, SchoolKind kind, Municipality municipality, double effect, double leniency,
    double absenceRate, boolean cheating, Manipulation favourite, double cheatIntensity,
    FormStyle style, int codeDigits) {

  String login() {
    return school.login();
  }
}
