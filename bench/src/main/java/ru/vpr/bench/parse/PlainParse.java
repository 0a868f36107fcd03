package ru.vpr.bench.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ru.vpr.ingest.read.FormReader;
import ru.vpr.ingest.read.FormReaders;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.ingest.read.FormSource;
import ru.vpr.ingest.read.FormTooLargeException;
import ru.vpr.ingest.read.ReadLimits;
import ru.vpr.ingest.read.UnreadableFormException;

/**
 * The floor for reading the input: one thread reads every landing file and parses it with the
 * ingest's own form readers ({@link FormReaders}: encoding and delimiter detection, RFC 4180 csv,
 * header row located; xlsx through the streaming reader), and nothing else: no validation, no Spark,
 * no tables. Whatever the ingest does on top of this is its overhead.
 */
public final class PlainParse {

  public ParseTotals run(Path landing) throws IOException {
    long start = System.nanoTime();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(landing)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long bytes = 0, rows = 0, cells = 0, checksum = 0, read = 0;
    for (Path file : files) {
      Optional<FormReader> reader = FormReaders.forFile(file.getFileName().toString());
      if (reader.isEmpty()) continue;
      byte[] content = Files.readAllBytes(file);
      FormSource source;
      try {
        source = reader.get().open(content, ReadLimits.DEFAULT);
      } catch (UnreadableFormException | FormTooLargeException e) {
        continue; // the ingest refuses such a file whole; it costs nothing more here either
      }
      read++;
      bytes += content.length;
      // Streamed as the ingest streams it: one pass, no row kept.
      try (FormSource.Rows it = source.rows()) {
        while (it.hasNext()) {
          RawRow row = it.next();
          rows++;
          for (String cell : row.cells()) {
            cells++;
            checksum += wholeNumber(cell);
          }
        }
      } catch (FormSource.UnreadableRowsException e) {
        continue;
      }
    }
    return new ParseTotals(read, bytes, rows, cells, checksum, (System.nanoTime() - start) / 1_000_000);
  }

  /** The cell's digits as a number when it is all digits (up to 9), else 0: cheap, and enough for a checksum. */
  static long wholeNumber(String cell) {
    int n = cell.length();
    if (n == 0 || n > 9) return 0;
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = cell.charAt(i);
      if (c < '0' || c > '9') return 0;
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
