package ru.vpr.registry;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A school's kind and locality read from its name (contract §1.4), for a registry built from exports.
 * The rules go from the most specific: a {@code лицей-интернат} is a lyceum, a {@code СОШ с УИОП} is not
 * a plain СОШ. Whatever matches nothing is {@link #UNKNOWN}; every value made here is marked inferred.
 */
final class SchoolKinds {
  static final String UNKNOWN = "не определён";

  private record Rule(String kind, Pattern pattern) {}

  // Abbreviations are often glued to the school's name (МБОУ ЗСОШ, ХабарскаяСОШ), so they are matched
  // as a word's end, not only as a whole word.
  private static final List<Rule> RULES = List.of(
      rule("лицей", "лице[йя]"),
      rule("гимназия", "гимнази"),
      rule("кадетский корпус", "кадетск"),
      rule("коррекционная", "коррекц|(?<![\\p{L}])овз(?![\\p{L}])|ограниченными возможностями|(?<![\\p{L}])кши(?![\\p{L}])"),
      rule("СОШ с УИОП", "уиоп|с углубл[её]нным изучением"),
      rule("вечерняя", "вечерн|в\\(с\\)ош|(?<![\\p{L}])всош(?![\\p{L}])"),
      rule("ЦО", "центр образования|(?<![\\p{L}])цо(?![\\p{L}])"),
      rule("СПО", "колледж|техникум|училищ|(?<![\\p{L}])к?гбпоу(?![\\p{L}])|(?<![\\p{L}])поу(?![\\p{L}])"),
      rule("НОШ", "нош(?![\\p{L}])|начальная общеобразовательная|начальная школа"),
      rule("ООШ", "оош(?![\\p{L}])|основная общеобразовательная|основная школа"),
      rule("СОШ", "сош(?![\\p{L}])|осш(?![\\p{L}])|(?<![\\p{L}])сш(?![\\p{L}])|средняя общеобразовательная|средняя школа"),
      rule("школа-интернат", "интернат|(?<![\\p{L}])оши(?![\\p{L}])"),
      rule("СОШ", "(?<![\\p{L}])школа(?![\\p{L}])"));
  /** Latin letters typed for their Cyrillic look-alikes ({@code CОШ} with a Latin C). */
  private static final String LATIN = "aceopxkmhtby";
  private static final String CYRILLIC = "асеорхкмнтву";

  private static final Pattern VILLAGE = Pattern.compile("(^|[\\s(«\"])(с|п|пос|д|дер|ст|рп|р\\.п|пгт)\\.\\s*\\S", Pattern.UNICODE_CASE);
  private static final Pattern TOWN = Pattern.compile("(^|[\\s(«\"])г\\.\\s*\\S", Pattern.UNICODE_CASE);

  private SchoolKinds() {}

  private static Rule rule(String kind, String regex) {
    return new Rule(kind, Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
  }

  static String kindOf(String schoolName) {
    String name = normal(schoolName);
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(name).find()) return rule.kind();
    }
    return UNKNOWN;
  }

  /** {@code город} or {@code село}: from the school's name when it says (г., с., п.), else from the municipality. */
  static String localityOf(String schoolName, String municipalityName, String kind) {
    String name = normal(schoolName);
    if (TOWN.matcher(name).find()) return ru.vpr.reference.School.CITY;
    if (VILLAGE.matcher(name).find()) return ru.vpr.reference.School.VILLAGE;
    if ("СПО".equals(kind) || MunicipalityNames.isTown(municipalityName)) return ru.vpr.reference.School.CITY;
    return ru.vpr.reference.School.VILLAGE;
  }

  private static String normal(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toLowerCase(Locale.ROOT).replace('ё', 'е').toCharArray()) {
      int latin = LATIN.indexOf(c);
      out.append(latin >= 0 ? CYRILLIC.charAt(latin) : c);
    }
    return out.toString();
  }
}
