package ru.vpr.publish.files;

import java.util.Objects;

/**
 * A column of a published CSV file.
 *
 * @param fromInput the column carries text read from input files (a school or class name, a participant
 *     code): the writer neutralises it with {@link SafeText}. False for values the pipeline makes itself
 *     (numbers, reason codes, flags), which are written exactly as given so that {@code -0.5} stays a
 *     number.
 */
public record CsvColumn(String name, boolean fromInput) {
  public CsvColumn {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("a column needs a name");
  }

  /** A column of text from input files, neutralised against formula injection. */
  public static CsvColumn text(String name) {
    return new CsvColumn(name, true);
  }

  /** A column of values the pipeline made (numbers, codes), written as they are. */
  public static CsvColumn value(String name) {
    return new CsvColumn(name, false);
  }
}
