package ru.vpr.reference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.vpr.io.Storage;

/** The school registry ({@code schools.csv}, contract §2.1), keyed by FIS OKO login. */
public final class SchoolRegistry implements Serializable {
  public static final List<String> HEADER =
      List.of("login", "name", "municipality_code", "municipality_name", "locality", "kind");
  /** An extra column, written only when some field was inferred (contract §1.4): which ones. */
  public static final String INFERRED = "inferred";

  private final Map<String, School> byLogin;

  public SchoolRegistry(Collection<School> schools) {
    Map<String, School> map = new LinkedHashMap<>();
    schools.forEach(s -> map.put(s.login(), s));
    this.byLogin = map;
  }

  public Optional<School> school(String login) {
    return Optional.ofNullable(byLogin.get(login));
  }

  public boolean contains(String login) {
    return byLogin.containsKey(login);
  }

  public Collection<School> schools() {
    return byLogin.values();
  }

  public static SchoolRegistry read(Storage storage, String location) {
    return new SchoolRegistry(ReferenceCsv.read(storage, location, r -> new School(
        r.get("login").toLowerCase(java.util.Locale.ROOT), r.get("name"), r.get("municipality_code"),
        r.get("municipality_name"), r.get("locality"), r.get("kind"), r.isMapped(INFERRED) ? r.get(INFERRED) : "")));
  }

  public void write(Storage storage, String location) {
    boolean anyInferred = byLogin.values().stream().anyMatch(s -> !s.inferred().isEmpty());
    List<String> header = new ArrayList<>(HEADER);
    if (anyInferred) header.add(INFERRED);
    List<List<?>> rows = new ArrayList<>();
    for (School s : byLogin.values()) {
      List<Object> row = new ArrayList<>(List.of(s.login(), s.name(), s.municipalityCode(), s.municipalityName(),
          s.locality(), s.kind()));
      if (anyInferred) row.add(s.inferred());
      rows.add(row);
    }
    ReferenceCsv.write(storage, location, header, rows);
  }
}
