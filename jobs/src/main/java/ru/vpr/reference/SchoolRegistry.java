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
        r.get("login"), r.get("name"), r.get("municipality_code"), r.get("municipality_name"),
        r.get("locality"), r.get("kind"))));
  }

  public void write(Storage storage, String location) {
    List<List<?>> rows = new ArrayList<>();
    for (School s : byLogin.values()) {
      rows.add(List.of(s.login(), s.name(), s.municipalityCode(), s.municipalityName(), s.locality(), s.kind()));
    }
    ReferenceCsv.write(storage, location, HEADER, rows);
  }
}
