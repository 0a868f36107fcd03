package ru.vpr.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.vpr.ingest.read.FormReader;
import ru.vpr.ingest.read.FormReaders;
import ru.vpr.ingest.read.HeaderText;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.ingest.read.RawTable;
import ru.vpr.ingest.read.UnreadableFormException;

/**
 * A region's list of its schools, as coordinators keep it ({@code логин | имя | регион}, like
 * {@code real/logins.xlsx}): xlsx or csv, the first row naming the columns. {@code регион} there is the
 * school's municipality ({@code г. Алейск}, {@code Алейский район}).
 */
final class SchoolList {
  private static final Map<String, String> ROLES = Map.ofEntries(
      Map.entry("логин", "login"), Map.entry("логин оо", "login"), Map.entry("login", "login"),
      Map.entry("пользователь", "login"),
      Map.entry("имя", "name"), Map.entry("наименование", "name"), Map.entry("наименование оо", "name"),
      Map.entry("название", "name"), Map.entry("школа", "name"), Map.entry("оо", "name"),
      Map.entry("регион", "municipality"), Map.entry("муниципалитет", "municipality"),
      Map.entry("район", "municipality"), Map.entry("мо", "municipality"),
      Map.entry("муниципальное образование", "municipality"));

  private SchoolList() {}

  /** @throws IllegalArgumentException when the file is not such a list (no login column, unreadable) */
  static List<SchoolSighting> read(String fileName, byte[] content) {
    Optional<FormReader> reader = FormReaders.forFile(fileName);
    if (reader.isEmpty()) throw new IllegalArgumentException("school list must be xlsx or csv: " + fileName);
    RawTable table;
    try {
      table = reader.get().read(content);
    } catch (UnreadableFormException e) {
      throw new IllegalArgumentException("cannot read the school list " + fileName + ": " + e.getMessage(), e);
    }
    int login = -1;
    int name = -1;
    int municipality = -1;
    for (int i = 0; i < table.header().size(); i++) {
      String role = ROLES.get(HeaderText.normalise(table.header().get(i)));
      if ("login".equals(role) && login < 0) login = i;
      if ("name".equals(role) && name < 0) name = i;
      if ("municipality".equals(role) && municipality < 0) municipality = i;
    }
    if (login < 0) {
      throw new IllegalArgumentException("the school list " + fileName + " has no login column (логин); its header is "
          + table.header());
    }
    List<SchoolSighting> schools = new ArrayList<>();
    for (RawRow row : table.rows()) {
      String code = row.cell(login).toLowerCase(Locale.ROOT);
      if (code.isEmpty()) continue;
      schools.add(new SchoolSighting(code, row.cell(name), "", row.cell(municipality), SchoolSighting.LIST));
    }
    return schools;
  }
}
