package ru.vpr.ingest.read;

import java.util.Locale;

/** How header names are compared: trimmed, lower-case, any run of spaces (incl. non-breaking) as one. */
public final class HeaderText {
  private HeaderText() {}

  public static String normalise(String text) {
    if (text == null) return "";
    String spaced = text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ')
        .replace('ё', 'е').replace('Ё', 'Е');
    return spaced.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
  }
}
