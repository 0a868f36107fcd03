package ru.vpr.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import ru.vpr.reference.School;
import ru.vpr.reference.SchoolRegistry;

/** Draws the region: municipalities and schools with their hidden traits. */
final class RegistryFactory {
  private static final String[] DISTRICTS = {
      "Александровский", "Берёзовский", "Верхнекамский", "Голышмановский", "Дубровский", "Еловский",
      "Житковский", "Заречный", "Ильинский", "Каменский", "Ленинский", "Михайловский", "Никольский",
      "Октябрьский", "Первомайский", "Родниковский", "Сосновский", "Тальменский", "Ужурский",
      "Фёдоровский", "Хвойнинский", "Черемховский", "Шарыповский", "Юргинский", "Ярковский",
      "Нижнеудинский", "Советский", "Кировский", "Озёрный", "Краснопольский", "Белоярский",
      "Луговской", "Северный", "Южный", "Полевской", "Лесной", "Верхнеуральский", "Боровской",
      "Кедровый", "Степной"};
  private static final String[] CITIES = {
      "Светлогорск", "Новоуральск", "Каменск", "Приозёрск", "Северск", "Озёрск", "Снежинск",
      "Зеленогорск", "Железногорск", "Лесогорск"};
  private static final String[] VILLAGES = {
      "Ивановка", "Петровка", "Никольское", "Берёзовка", "Сосновка", "Каменка", "Покровка",
      "Михайловка", "Знаменка", "Воскресенское", "Троицкое", "Успенка", "Васильевка", "Алексеевка",
      "Дмитриевка", "Ольховка", "Подгорное", "Заречье", "Луговое", "Красный Яр", "Малиновка",
      "Кленовка", "Рябиновка", "Сергеевка", "Юрьевка", "Раздолье", "Первомайское", "Садовое",
      "Весёлое", "Ключи"};

  private final long seed;
  private final Preset preset;
  private final int schoolCount;
  private final double manipulatedShare;

  RegistryFactory(long seed, Preset preset, double manipulatedShare) {
    this(seed, preset, preset.schools(), manipulatedShare);
  }

  /** @param schoolCount schools to draw; the i-th school does not depend on how many follow it */
  RegistryFactory(long seed, Preset preset, int schoolCount, double manipulatedShare) {
    this.seed = seed;
    this.preset = preset;
    this.schoolCount = schoolCount;
    this.manipulatedShare = manipulatedShare;
  }

  List<Municipality> municipalities() {
    SplittableRandom r = Seeds.random(seed, "municipalities");
    int count = Math.min(preset.municipalities(), DISTRICTS.length);
    int okrugs = Math.max(1, Math.min(CITIES.length, count / 4));
    List<Municipality> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = String.format("mo%02d", i + 1);
      double effect = 0.2 * Seeds.gaussian(r);
      if (i < okrugs) {
        out.add(new Municipality(code, "городской округ город " + CITIES[i], true, CITIES[i], effect + 0.1));
      } else {
        String adj = DISTRICTS[i];
        // Берёзовский -> Берёзовск; a district named otherwise shares its name with its town (Заречный, Лесной).
        String town = adj.endsWith("ский") ? adj.substring(0, adj.length() - 2) : adj;
        out.add(new Municipality(code, adj + " муниципальный район", false, town, effect - 0.05));
      }
    }
    return out;
  }

  List<SchoolProfile> schools(List<Municipality> municipalities) {
    SplittableRandom r = Seeds.random(seed, "schools");
    List<Municipality> districts = municipalities.stream().filter(m -> !m.cityOkrug()).toList();
    if (districts.isEmpty()) districts = municipalities;
    Set<String> logins = new HashSet<>();
    int[] numbers = new int[municipalities.size()];
    // Cheating is a trait of a few schools: they cheat in several classes and works, year after year.
    double cheaterShare = Math.min(0.6, 3 * manipulatedShare);
    List<SchoolProfile> out = new ArrayList<>();
    SchoolKind[] kinds = SchoolKind.values();
    for (int i = 0; i < schoolCount; i++) {
      // The first schools take every kind once so that even the sample has all of them.
      SchoolKind kind = i < kinds.length ? kinds[i] : drawKind(r);
      Municipality muni;
      if (kind.village()) {
        muni = Seeds.pick(r, districts);
      } else {
        // City schools gather in the okrugs (weight 3) but districts have their town schools too.
        List<Municipality> weighted = new ArrayList<>();
        for (Municipality m : municipalities) {
          weighted.add(m);
          if (m.cityOkrug()) { weighted.add(m); weighted.add(m); }
        }
        muni = Seeds.pick(r, weighted);
      }
      int muniIndex = municipalities.indexOf(muni);
      int number = ++numbers[muniIndex];
      String login;
      do {
        login = "edu" + (100000 + r.nextInt(900000));
      } while (!logins.add(login));
      String name = name(kind, muni, number, r);
      School school = new School(login, name, muni.code(), muni.name(), kind.locality, kind.registryKind);
      double effect = kind.effect + muni.effect() + 0.25 * Seeds.gaussian(r);
      double cheatWeight = kind == SchoolKind.CORRECTIONAL ? 0.3 : kind.strong() ? 0.6 : 1.0;
      boolean cheating = r.nextDouble() < cheaterShare * cheatWeight;
      // Lenient journals and cheating go together: both come from pressure on the school's numbers.
      double leniency = Math.min(1.0, Math.pow(r.nextDouble(), 1.5) + (cheating ? 0.25 : 0.0));
      out.add(new SchoolProfile(i, school, kind, muni, effect, leniency,
          0.03 + 0.03 * r.nextDouble(), cheating,
          Manipulation.CHEATS[r.nextInt(Manipulation.CHEATS.length)],
          0.3 + 0.7 * r.nextDouble(),
          FormStyle.draw(r, preset.xlsxShare()),
          4 + r.nextInt(3)));
    }
    return out;
  }

  static SchoolRegistry registry(List<SchoolProfile> profiles) {
    return new SchoolRegistry(profiles.stream().map(SchoolProfile::school).toList());
  }

  private static SchoolKind drawKind(SplittableRandom r) {
    double x = r.nextDouble();
    double acc = 0;
    for (SchoolKind k : SchoolKind.values()) {
      acc += k.weight;
      if (x < acc) return k;
    }
    return SchoolKind.CITY_SECONDARY;
  }

  private static String name(SchoolKind kind, Municipality muni, int number, SplittableRandom r) {
    String town = muni.cityOkrug() ? "г. " + muni.town() : "г. " + muni.town();
    return switch (kind) {
      case VILLAGE_PRIMARY, VILLAGE_BASIC, VILLAGE_SECONDARY ->
          "МКОУ " + kind.registryKind + " с. " + VILLAGES[r.nextInt(VILLAGES.length)];
      case CITY_SECONDARY -> "МБОУ СОШ № " + number + " " + town;
      case ADVANCED_STUDY -> "МБОУ «СОШ № " + number + " с углублённым изучением отдельных предметов» " + town;
      case GYMNASIUM -> "МАОУ «Гимназия № " + number + "» " + town;
      case LYCEUM -> "МАОУ «Лицей № " + number + "» " + town;
      case EDUCATION_CENTRE -> "МБОУ «Центр образования № " + number + "» " + town;
      case CORRECTIONAL -> "ГКОУ «Специальная (коррекционная) общеобразовательная школа № " + number + "»";
    };
  }
}
