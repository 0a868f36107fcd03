package ru.vpr.ingest.read;

import java.util.List;

/**
 * Finds the header among a sheet's first non-blank rows. Forms exported from FIS OKO carry preamble rows
 * (title, school name, sometimes the login) above the table, so the header is the first row holding a
 * cell that names the participant code ({@code Код}, {@code Код участника}, {@code код обучающегося},
 * {@code code}). When none of the first {@link #LOOK_AHEAD} non-blank rows has one, the first non-blank
 * row is taken as the header, so that validation can say which required column is missing instead of
 * calling the file empty. A real preamble is a few rows; the look-ahead bounds what is held to find it.
 */
final class HeaderRowLocator {
  static final int LOOK_AHEAD = 200;

  private HeaderRowLocator() {}

  /** The index of the header among the first non-blank rows; 0 when none names the code (or none is given). */
  static int headerIndex(List<RawRow> firstNonBlankRows) {
    for (int i = 0; i < firstNonBlankRows.size(); i++) {
      if (hasCodeCell(firstNonBlankRows.get(i))) return i;
    }
    return 0;
  }

  private static boolean hasCodeCell(RawRow row) {
    for (String cell : row.cells()) {
      if (HeaderMapper.isCodeColumn(cell)) return true;
    }
    return false;
  }
}
