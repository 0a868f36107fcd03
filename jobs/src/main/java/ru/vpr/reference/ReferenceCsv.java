package ru.vpr.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import ru.vpr.io.Storage;

/** The reference files' common format: UTF-8, {@code ;}-separated, one header row (contract §2). */
public final class ReferenceCsv {
  private static final CSVFormat READ =
      CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true).setTrim(true).get();

  private ReferenceCsv() {}

  /** Reads every record of the file at {@code location}, which also names it in error messages. */
  public static <T> List<T> read(Storage storage, String location, Function<CSVRecord, T> mapper) {
    try (InputStream in = storage.open(location)) {
      return read(in, location, mapper);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  /** Writes a header and rows to the file at {@code location}, replacing it. */
  public static void write(Storage storage, String location, List<String> header, List<List<?>> rows) {
    try (OutputStream out = storage.create(location)) {
      write(out, header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + location, e);
    }
  }

  /** Reads every record of an open stream; {@code what} names the source in error messages. */
  public static <T> List<T> read(InputStream in, String what, Function<CSVRecord, T> mapper) {
    List<T> out = new ArrayList<>();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (CSVRecord record : READ.parse(skipBom(reader))) {
        try {
          out.add(mapper.apply(record));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(what + " line " + (record.getRecordNumber() + 1) + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what, e);
    }
    return out;
  }

  private static void write(OutputStream out, List<String> header, List<List<?>> rows) {
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer,
            CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator('\n').get())) {
      printer.printRecord(header);
      for (List<?> row : rows) printer.printRecord(row);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reference file", e);
    }
  }

  private static Reader skipBom(Reader reader) throws IOException {
    java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') pushback.unread(first);
    return pushback;
  }
}
