package ru.vpr.ingest.read;

import java.util.List;

/**
 * Finds the header among a sheet's non-blank rows. Forms exported from FIS OKO carry preamble rows
 * (title, school name, sometimes the login) above the table, so the header is the first row holding a
 * cell that names the participant code ({@code Код}, {@code Код участника}, {@code код обучающегося},
 * {@code code}). When no row has one, the first non-blank row is taken as the header, so that
 * validation can say which required column is missing instead of calling the file empty.
 */
final class HeaderRowLocator {
  private HeaderRowLocator() {}

  static RawTable locate(List<RawRow> nonBlankRows) {
    if (nonBlankRows.isEmpty()) return RawTable.EMPTY;
    int headerIndex = 0;
    for (int i = 0; i < nonBlankRows.size(); i++) {
      if (hasCodeCell(nonBlankRows.get(i))) {
        headerIndex = i;
        break;
      }
    }
    RawRow header = nonBlankRows.get(headerIndex);
    return new RawTable(header.cells(), header.rowNumber(),
        nonBlankRows.subList(headerIndex + 1, nonBlankRows.size()), nonBlankRows.subList(0, headerIndex));
  }

  private static boolean hasCodeCell(RawRow row) {
    for (String cell : row.cells()) {
      if (HeaderMapper.isCodeColumn(cell)) return true;
    }
    return false;
  }
}
