package ru.vpr.ingest.read;

import java.util.List;

/**
 * One non-blank row of a form as text cells.
 *
 * @param rowNumber 1-based, as a person sees it: the Excel row number or the CSV line number
 * @param cells the cells left to right, as text; may be shorter than the header
 */
public record RawRow(int rowNumber, List<String> cells) {

  public RawRow {
    cells = List.copyOf(cells);
  }

  /** The cell at a column, or "" past the row's last cell (rows are often ragged). */
  public String cell(int column) {
    return column >= 0 && column < cells.size() ? cells.get(column) : "";
  }

  public boolean isBlank() {
    return cells.stream().allMatch(String::isBlank);
  }

  /** The cells joined with {@code ;}: how a reject shows the coordinator which row it is. */
  public String joined() {
    return String.join(";", cells);
  }
}
