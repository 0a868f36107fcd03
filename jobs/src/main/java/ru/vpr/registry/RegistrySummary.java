package ru.vpr.registry;

import java.util.Map;
import java.util.TreeMap;

/** What a registry build did: schools kept, added (by the source that named them), and what was inferred. */
public record RegistrySummary(
    String registry, int kept, int added, int withMadeUpMunicipalityCode, int withoutMunicipality,
    Map<String, Integer> addedBySource) {

  public RegistrySummary {
    addedBySource = Map.copyOf(addedBySource);
  }

  public String format() {
    StringBuilder s = new StringBuilder();
    s.append("Registry ").append(registry).append('\n');
    s.append(String.format("  schools: %d kept as they were, %d added%n", kept, added));
    new TreeMap<>(addedBySource).forEach((source, n) -> s.append(String.format("    added from %-16s %d%n", source + ":", n)));
    if (added > 0) {
      s.append("  added schools' kind and locality are read from their names (column inferred says what was not given)\n");
    }
    if (withMadeUpMunicipalityCode > 0) {
      s.append(String.format("  %d schools' municipality had no code in any export: a code was made from its name%n",
          withMadeUpMunicipalityCode));
    }
    if (withoutMunicipality > 0) {
      s.append(String.format("  %d schools have no municipality: no export or list names it; give a school list (--schools-list)%n",
          withoutMunicipality));
    }
    return s.toString();
  }
}
