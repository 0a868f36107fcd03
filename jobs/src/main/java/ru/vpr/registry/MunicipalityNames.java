package ru.vpr.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Municipality names as the sources write them, made comparable and turned into codes. The same district
 * is {@code Алейский район} in a school list, {@code Алейский муниципальный район} in an export, and the
 * same town {@code г. Алейск} and {@code город Алейск}: their {@link #key} is one.
 */
final class MunicipalityNames {
  private static final Pattern RAW_TAG = Pattern.compile("^reg(\\d+)_vpr_(m\\d+)$");
  private static final Pattern CODE = Pattern.compile("^reg\\d+_m\\d+$");
  private static final String[] LATIN = {
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
      "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

  private MunicipalityNames() {}

  /** Lower case, {@code ё} as {@code е}, {@code г.} as {@code город}, the words район/округ/муниципальный dropped. */
  static String key(String name) {
    String text = name.toLowerCase(Locale.ROOT).replace('ё', 'е')
        .replaceAll("(^|\\s)г\\.\\s*", "$1город ");
    text = text.replaceAll("(^|\\s)(муниципальн\\S*|район\\S*|округ\\S*|городской|р-н)(?=\\s|$)", " ");
    return text.replaceAll("[\\s\"«»]+", " ").strip();
  }

  /**
   * A municipality code in FIS OKO's form: the 2022 export's {@code reg22_m019} as it is, the 2020 export's
   * tag {@code reg22_vpr_m019} as {@code reg22_m019}; empty for anything else.
   */
  static String code(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher raw = RAW_TAG.matcher(t);
    if (raw.matches()) return "reg" + raw.group(1) + "_" + raw.group(2);
    return CODE.matcher(t).matches() ? t : "";
  }

  /** The municipality tag among a 2020 export's {@code groups} ({@code 22-RU-ALT,...,reg22_vpr_m004,...}). */
  static String codeInTags(String groups) {
    if (groups == null) return "";
    for (String tag : groups.split(",")) {
      if (RAW_TAG.matcher(tag.strip().toLowerCase(Locale.ROOT)).matches()) return code(tag);
    }
    return "";
  }

  /** A code for a municipality known by name only: its key transliterated, {@code mo_aleyskiy}. */
  static String inferredCode(String name) {
    StringBuilder out = new StringBuilder("mo_");
    for (char c : key(name).toCharArray()) {
      if (c >= 'а' && c <= 'я') out.append(LATIN[c - 'а']);
      else if (Character.isLetterOrDigit(c) && c < 128) out.append(c);
      else if (out.charAt(out.length() - 1) != '_') out.append('_');
    }
    String code = out.toString();
    return code.endsWith("_") ? code.substring(0, code.length() - 1) : code;
  }

  /** Whether a name is a town's (город, г., ЗАТО), as opposed to a district's. */
  static boolean isTown(String name) {
    String text = name.toLowerCase(Locale.ROOT);
    return text.startsWith("город") || text.startsWith("г.") || text.startsWith("зато") || text.contains("городской округ");
  }
}
