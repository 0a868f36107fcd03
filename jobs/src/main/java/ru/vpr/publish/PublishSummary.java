package ru.vpr.publish;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.vpr.io.Storage;

/** What a publish run did, printed at its end and recorded in {@code runs}. */
public record PublishSummary(String runId, List<Integer> years, List<Year> published, Map<String, Long> counts) {

  /**
   * One year's publication.
   *
   * @param publicationId content-derived id (same files, same id)
   * @param dir the folder the files are in
   * @param rows data rows of each CSV file
   * @param files every file published with its SHA-256
   */
  public record Year(int year, String publicationId, String dir, Map<String, Long> rows, Map<String, String> files,
      int flaggedSchools, int flaggedClasses, int recheckWorks) {
    public Year {
      rows = Map.copyOf(rows);
      files = Map.copyOf(files);
    }
  }

  public PublishSummary {
    years = List.copyOf(years);
    published = List.copyOf(published);
    counts = Map.copyOf(counts);
  }

  /** For the runs table. */
  public Map<String, Long> counts() {
    return counts;
  }

  public String format() {
    StringBuilder s = new StringBuilder();
    s.append("Publish run ").append(runId).append('\n');
    if (published.isEmpty()) s.append("  nothing to publish: no detected years (run detect first)\n");
    for (Year y : published) {
      s.append(String.format("  %d: publication %s in %s%n", y.year(), y.publicationId(), y.dir()));
      s.append(String.format("    school x works flagged %d, classes flagged %d, works to re-check %d%n",
          y.flaggedSchools(), y.flaggedClasses(), y.recheckWorks()));
      new TreeMap<>(y.files()).keySet().forEach(f -> s.append("    ").append(f).append('\n'));
    }
    return s.toString();
  }

  /**
   * Where to start reading: the latest year's workbook first, then what each other file is, with
   * absolute paths (a relative publish folder means nothing once the terminal has moved on).
   */
  public String guide() {
    if (published.isEmpty()) return "";
    Year latest = published.get(published.size() - 1);
    String dir = Storage.absolute(latest.dir());
    StringBuilder s = new StringBuilder();
    s.append("Open first: ").append(dir).append('/').append(PublishedFiles.RISK_ZONE_XLSX).append('\n');
    s.append("  the ").append(latest.year()).append(" risk zone for the re-check commission, in Russian: per municipality, ")
        .append("the schools and classes to re-check, why, and which works\n");
    s.append("Then, in ").append(dir).append("/:\n");
    for (Map.Entry<String, String> f : PublishedFiles.GUIDE.entrySet()) {
      s.append(String.format("  %-34s %s%n", f.getKey(), f.getValue()));
    }
    if (published.size() > 1) {
      s.append("Earlier years: ");
      s.append(String.join(", ", published.subList(0, published.size() - 1).stream().map(y -> Storage.absolute(y.dir())).toList()));
      s.append('\n');
    }
    return s.toString();
  }
}
