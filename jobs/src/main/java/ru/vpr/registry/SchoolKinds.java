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

  private static final List<Rule> RULES = List.of(
      rule("лицей", "лице[йя]"),
      rule("гимназия", "гимнази"),
      rule("коррекционная", "коррекц|\\bовз\\b|ограниченными возможностями|специальн\\S* \\(?коррекц|\\bкши\\b"),
      rule("СОШ с УИОП", "уиоп|с углубл[её]нным изучением"),
      rule("вечерняя", "вечерн|\\bв\\(с\\)ош\\b|\\bвсош\\b"),
      rule("ЦО", "центр образования|\\bцо\\b"),
      rule("СПО", "колледж|техникум|училищ|\\bк?гбпоу\\b|\\bпоу\\b"),
      rule("НОШ", "\\bнош\\b|начальная общеобразовательная|начальная школа"),
      rule("ООШ", "\\bоош\\b|основная общеобразовательная|основная школа"),
      rule("СОШ", "\\bсош\\b|\\bосш\\b|\\bсш\\b|средняя общеобразовательная|средняя школа"),
      rule("школа-интернат", "интернат"),
      rule("СОШ", "\\bшкола\\b"));

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
    return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('ё', 'е');
  }
}
