package ru.vpr.ingest.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Picks the csv delimiter among {@code ;}, tab and {@code ,}: the one under which the first rows have the
 * same number of columns as the header, most often. Counting on the header alone is fooled by a header
 * like {@code Фамилия, имя}; decimal commas in cells fool a plain character count. Consistency is not.
 */
final class DelimiterDetector {
  /** In order of preference on a tie: Russian Excel saves csv with {@code ;}. */
  private static final char[] CANDIDATES = {';', '\t', ','};
  private static final int SAMPLE_ROWS = 50;

  private DelimiterDetector() {}

  static char detect(String text) {
    char best = CANDIDATES[0];
    long bestScore = -1;
    for (char candidate : CANDIDATES) {
      long score = score(text, candidate);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /** Rows agreeing with the header's width, then the width itself; 0 when the header is one column. */
  private static long score(String text, char delimiter) {
    int headerWidth = -1;
    long consistent = 0;
    int sampled = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CsvFormReader.format(delimiter))) {
      Iterator<CSVRecord> it = parser.iterator();
      while (it.hasNext() && sampled < SAMPLE_ROWS) {
        CSVRecord record = it.next();
        if (record.stream().allMatch(String::isBlank)) continue;
        sampled++;
        if (headerWidth < 0) headerWidth = record.size();
        if (record.size() == headerWidth) consistent++;
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // Quoting breaks further down: judge by the rows read so far. If this is the delimiter, the real
      // parse will then report the broken quote with its line, rather than misreading the file.
    }
    if (headerWidth <= 1) return 0;
    return consistent * 1000 + Math.min(headerWidth, 999);
  }
}
