package ru.vpr.reference;

import java.io.Serializable;

/** A row of the school registry ({@code schools.csv}). */
public record School(
    String login, String name, String municipalityCode, String municipalityName, String locality, String kind)
    implements Serializable {

  public static final String CITY = "город";
  public static final String VILLAGE = "село";
}
