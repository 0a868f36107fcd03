package ru.vpr.reference;

import java.io.Serializable;

/**
 * A row of the school registry ({@code schools.csv}).
 *
 * @param inferred the fields that were not given but read from what the exports and school lists say
 *     (a kind from the school's name, a municipality code from its name), joined with {@code |}; empty
 *     when every field was given
 */
public record School(
    String login, String name, String municipalityCode, String municipalityName, String locality, String kind,
    String inferred)
    implements Serializable {

  public static final String CITY = "город";
  public static final String VILLAGE = "село";

  public School {
    inferred = inferred == null ? "" : inferred;
  }

  /** A school whose fields were all given. */
  public School(String login, String name, String municipalityCode, String municipalityName, String locality, String kind) {
    this(login, name, municipalityCode, municipalityName, locality, kind, "");
  }
}
