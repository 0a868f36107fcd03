package ru.vpr.bench.parse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a plain parse read. The checksum (the sum of every whole-number cell: codes, variants,
 * scores, marks) is printed so that the parsing has an observable result the JIT cannot drop.
 */
public record ParseTotals(long files, long bytes, long rows, long cells, long checksum, long millis) {

  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("files", String.valueOf(files));
    p.put("bytes", String.valueOf(bytes));
    p.put("rows", String.valueOf(rows));
    p.put("cells", String.valueOf(cells));
    p.put("checksum", String.valueOf(checksum));
    p.put("parse_ms", String.valueOf(millis));
    return p;
  }

  public String format() {
    return String.format(Locale.ROOT, "Plain parse: %d files, %.1f MB, %d rows, %d cells, checksum %d, %.1f s%n",
        files, bytes / 1e6, rows, cells, checksum, millis / 1e3);
  }
}
