package ru.vpr.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A view over one table: a subset of its rows and columns under a name of its own. Declared in
 * {@link Tables} beside the table it reads, so the rows exist once and the names analysts expect
 * (school_indicators, ...) still work.
 *
 * @param where SQL predicate on the source's columns
 */
public record ViewDef(String name, TableDef source, List<String> columns, String where, String comment) {

  public ViewDef {
    columns = List.copyOf(columns);
  }

  /** The rows of one level of a unit table, without the columns that level does not have. */
  static ViewDef level(String name, TableDef source, String level, List<String> dropped) {
    List<String> columns = new ArrayList<>();
    for (String c : source.columns()) {
      if (!c.equals("level") && !dropped.contains(c)) columns.add(c);
    }
    return new ViewDef(name, source, columns, "level = '" + level + "'",
        source.comment() + ": " + level + " level");
  }
}
