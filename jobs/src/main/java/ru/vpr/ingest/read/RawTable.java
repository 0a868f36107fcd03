package ru.vpr.ingest.read;

import java.util.List;

/**
 * A form as read, before anything is checked: the header row's texts and the non-blank rows below it.
 *
 * @param header the header row's cells; empty when the file has no non-blank row at all
 * @param headerRowNumber 1-based row number of the header; 0 when there is none
 * @param rows the non-blank rows under the header, with their true row numbers
 * @param preamble the non-blank rows above the header (a title, the school's name or login)
 */
public record RawTable(List<String> header, int headerRowNumber, List<RawRow> rows, List<RawRow> preamble) {

  public static final RawTable EMPTY = new RawTable(List.of(), 0, List.of(), List.of());

  public RawTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    preamble = List.copyOf(preamble);
  }

  public boolean hasHeader() {
    return headerRowNumber > 0;
  }
}
