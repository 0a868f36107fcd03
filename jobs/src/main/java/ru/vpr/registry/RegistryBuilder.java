package ru.vpr.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.vpr.reference.School;
import ru.vpr.reference.SchoolRegistry;

/**
 * Builds or extends a school registry from what the exports and a school list say (contract §1.4).
 *
 * <p>A school already in the registry is kept as it is: a registry someone wrote wins over inference.
 * Every other school the sources name is added: its name from an export's {@code Школа} cell or the list;
 * its municipality code from the 2022 export's {@code Муниципалитет} or the 2020 export's {@code groups}
 * tag; failing both, from another school of the same municipality name that has a code (the names are
 * matched with {@link MunicipalityNames#key}), and failing that a code made from the name. The kind and
 * locality are read from the school's name. Whatever was not given is named in {@link School#inferred()}.
 */
public final class RegistryBuilder {
  static final String INFERRED_CODE = "municipality_code";
  static final String INFERRED_NAME = "name";
  static final String INFERRED_MUNICIPALITY = "municipality_name";
  static final String INFERRED_LOCALITY = "locality";
  static final String INFERRED_KIND = "kind";

  private RegistryBuilder() {}

  /** The registry, and what became of each source's schools. */
  public record Built(SchoolRegistry registry, int kept, int added, int withInferredCode, int withUnknownMunicipality,
      Map<String, Integer> addedBySource) {}

  public static Built build(SchoolRegistry existing, List<SchoolSighting> sightings) {
    Map<String, List<SchoolSighting>> byLogin = sightings.stream()
        .collect(Collectors.groupingBy(SchoolSighting::login, TreeMap::new, Collectors.toList()));
    Municipalities municipalities = Municipalities.learn(existing, sightings);

    List<School> schools = new ArrayList<>(existing.schools());
    int added = 0;
    int inferredCode = 0;
    int unknownMunicipality = 0;
    Map<String, Integer> bySource = new TreeMap<>();
    for (Map.Entry<String, List<SchoolSighting>> e : byLogin.entrySet()) {
      if (existing.contains(e.getKey())) continue;
      List<SchoolSighting> seen = e.getValue();
      List<String> inferred = new ArrayList<>();
      String name = mostCommon(seen, SchoolSighting::name);
      if (name.isEmpty()) {
        name = e.getKey();
        inferred.add(INFERRED_NAME);
      }
      String code = mostCommon(seen, SchoolSighting::municipalityCode);
      String ownMunicipality = bestMunicipalityName(seen);
      if (code.isEmpty() && !ownMunicipality.isEmpty()) {
        code = municipalities.codeFor(ownMunicipality);
        inferred.add(INFERRED_CODE);
        if (municipalities.isMadeUp(code)) inferredCode++;
      }
      String municipalityName = code.isEmpty() ? "" : municipalities.nameOf(code, ownMunicipality);
      if (code.isEmpty()) {
        unknownMunicipality++;
        inferred.add(INFERRED_MUNICIPALITY);
      }
      String kind = SchoolKinds.kindOf(name.equals(e.getKey()) ? "" : name);
      String locality = SchoolKinds.localityOf(name, municipalityName, kind);
      inferred.add(INFERRED_LOCALITY);
      inferred.add(INFERRED_KIND);
      schools.add(new School(e.getKey(), name, code, municipalityName, locality, kind, String.join("|", inferred)));
      added++;
      // Counted under the export that named it; under the list when only the list did.
      String source = seen.stream().map(SchoolSighting::source).filter(x -> !SchoolSighting.LIST.equals(x)).findFirst()
          .orElse(SchoolSighting.LIST);
      bySource.merge(source, 1, Integer::sum);
    }
    return new Built(new SchoolRegistry(schools), existing.schools().size(), added, inferredCode, unknownMunicipality,
        bySource);
  }

  /** The most frequent non-empty value, ties broken by the longer (fuller) text; "" when there is none. */
  static String mostCommon(List<SchoolSighting> seen, Function<SchoolSighting, String> field) {
    Map<String, Long> counts = seen.stream().map(field).filter(s -> !s.isEmpty())
        .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    return best(counts);
  }

  /** The key of the largest count, ties broken by the longer key, then the first in order; "" for none. */
  static String best(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
            .thenComparingInt(en -> en.getKey().length()).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse("");
  }

  /** An export's name of the school's municipality before a list's: exports spell them in full. */
  private static String bestMunicipalityName(List<SchoolSighting> seen) {
    List<SchoolSighting> exports = seen.stream().filter(s -> !SchoolSighting.LIST.equals(s.source())).toList();
    String fromExports = mostCommon(exports, SchoolSighting::municipalityName);
    return fromExports.isEmpty() ? mostCommon(seen, SchoolSighting::municipalityName) : fromExports;
  }

  /** The region's municipalities as the sources show them: codes, their names, and names to codes. */
  static final class Municipalities {
    private final Map<String, Map<String, Long>> codesByKey = new HashMap<>();
    private final Map<String, Map<String, Long>> namesByCode = new HashMap<>();
    private final Map<String, String> madeUp = new HashMap<>();

    static Municipalities learn(SchoolRegistry existing, List<SchoolSighting> sightings) {
      Municipalities m = new Municipalities();
      for (School s : existing.schools()) m.note(s.municipalityCode(), s.municipalityName(), 1);
      // A school seen with a code in one source and a name in another (sch logins: the 2020 export's tag,
      // the 2021 export's name) links the two.
      Map<String, List<SchoolSighting>> byLogin = sightings.stream().collect(Collectors.groupingBy(SchoolSighting::login));
      for (List<SchoolSighting> seen : byLogin.values()) {
        String code = mostCommon(seen, SchoolSighting::municipalityCode);
        if (code.isEmpty()) continue;
        for (SchoolSighting s : seen) {
          if (!s.municipalityName().isEmpty()) m.note(code, s.municipalityName(), SchoolSighting.LIST.equals(s.source()) ? 1 : 2);
        }
      }
      return m;
    }

    private void note(String code, String name, long weight) {
      if (code == null || code.isEmpty() || name == null || name.isEmpty()) return;
      codesByKey.computeIfAbsent(MunicipalityNames.key(name), k -> new HashMap<>()).merge(code, weight, Long::sum);
      namesByCode.computeIfAbsent(code, k -> new HashMap<>()).merge(name, weight, Long::sum);
    }

    /** The code most schools of that municipality name carry; a made-up code when none has one. */
    String codeFor(String municipalityName) {
      String key = MunicipalityNames.key(municipalityName);
      Map<String, Long> codes = codesByKey.get(key);
      if (codes != null) return best(codes);
      return madeUp.computeIfAbsent(key, k -> MunicipalityNames.inferredCode(municipalityName));
    }

    boolean isMadeUp(String code) {
      return madeUp.containsValue(code);
    }

    /** The fullest name the sources give the code, else the school's own. */
    String nameOf(String code, String fallback) {
      Map<String, Long> names = namesByCode.get(code);
      return names == null ? fallback : best(names);
    }
  }
}
