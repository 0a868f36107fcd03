package ru.vpr.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ru.vpr.ingest.read.FormHeader;
import ru.vpr.ingest.read.FormHeader.Column;
import ru.vpr.ingest.read.FormReader;
import ru.vpr.ingest.read.FormReaders;
import ru.vpr.ingest.read.HeaderMapper;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.ingest.read.FormSource;
import ru.vpr.ingest.read.FormTooLargeException;
import ru.vpr.ingest.read.ReadLimits;
import ru.vpr.ingest.read.SchoolCells;
import ru.vpr.ingest.read.UnreadableFormException;

/**
 * The schools a landing file names, read with ingest's own readers. Regional exports name a school on
 * every row, and some name its municipality: the 2022 export in {@code Муниципалитет} (code and name), the
 * 2020 export in a {@code groups} tag (code), the 2021 export in {@code регион} (the name). A school's own
 * form names only itself, by its file name or folder. A file that cannot be read names nobody: ingest
 * refuses it with its reason.
 */
final class ExportSightings {
  private ExportSightings() {}

  /**
   * @param fileName the file's name, for its format
   * @param placedLogin the login its name or folder carries, or null
   */
  static List<SchoolSighting> of(String fileName, String placedLogin, byte[] content) {
    Optional<FormReader> reader = FormReaders.forFile(fileName);
    if (reader.isEmpty() || content == null || content.length == 0) return List.of();
    FormSource source;
    try {
      source = reader.get().open(content, ReadLimits.DEFAULT);
    } catch (UnreadableFormException | FormTooLargeException | RuntimeException e) {
      return List.of();
    }
    if (!source.hasHeader()) return List.of();
    FormHeader header = HeaderMapper.map(source.header());
    if (header.hasPersonalData()) return List.of();
    String layout = header.layout().code();
    if (!header.isRegionalExport()) {
      String login = placedLogin != null ? placedLogin : SchoolCells.loginIn(source.preamble());
      return login == null ? List.of() : List.of(new SchoolSighting(login, "", "", "", layout));
    }
    // An export names each school on thousands of rows: only the distinct sightings are kept.
    Set<SchoolSighting> seen = new LinkedHashSet<>();
    try (FormSource.Rows rows = source.rows()) {
      while (rows.hasNext()) {
        SchoolSighting sighting = sighting(rows.next(), header, layout);
        if (sighting != null) seen.add(sighting);
      }
    } catch (RuntimeException e) {
      return new ArrayList<>(seen);  // a file broken half-way: ingest refuses it; what was seen stands
    }
    return new ArrayList<>(seen);
  }

  private static SchoolSighting sighting(RawRow row, FormHeader header, String source) {
    SchoolCells.CodeAndName school = SchoolCells.split(row.cell(header.index(Column.SCHOOL)));
    String login = row.cell(header.login());
    if (login.isEmpty()) login = school.code();
    login = login.toLowerCase(Locale.ROOT);
    if (login.isEmpty()) return null;
    String code = "";
    String name = "";
    if (header.has(Column.MUNICIPALITY)) {
      SchoolCells.CodeAndName municipality = SchoolCells.split(row.cell(header.index(Column.MUNICIPALITY)));
      code = MunicipalityNames.code(municipality.code());
      name = municipality.name();
    } else if (header.has(Column.REGION)) {
      // The 2021 export's "регион" holds the school's municipality (contract §1.4 says the region; the real
      // files disagree, and they are right). A "code | name" cell is the 2022 export's region: not used.
      String region = row.cell(header.index(Column.REGION));
      if (!region.contains("|")) name = region;
    }
    if (code.isEmpty() && header.has(Column.MUNICIPALITY_TAGS)) {
      code = MunicipalityNames.codeInTags(row.cell(header.index(Column.MUNICIPALITY_TAGS)));
    }
    return new SchoolSighting(login, school.name(), code, name, source);
  }
}
