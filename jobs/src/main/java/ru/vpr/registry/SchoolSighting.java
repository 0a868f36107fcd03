package ru.vpr.registry;

import java.io.Serializable;

/**
 * What one source says of one school: an export row's login, school and municipality cells, or a line
 * of a school list. Any field but the login may be empty.
 *
 * @param municipalityCode FIS OKO's code ({@code reg22_m019}), as the 2022 export's {@code Муниципалитет}
 *     cell or the 2020 export's {@code groups} tag gives it
 * @param municipalityName as the source writes it ({@code Красногорский муниципальный район},
 *     {@code г. Алейск})
 * @param source where it was seen: a layout code ({@code fis_oko_export}, {@code export_2021}, ...) or
 *     {@link #LIST}
 */
public record SchoolSighting(String login, String name, String municipalityCode, String municipalityName, String source)
    implements Serializable {
  public static final String LIST = "school_list";

  public SchoolSighting {
    name = blankToEmpty(name);
    municipalityCode = blankToEmpty(municipalityCode);
    municipalityName = blankToEmpty(municipalityName);
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}
