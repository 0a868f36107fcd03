package ru.vpr.ingest.read;

import java.util.Iterator;
import java.util.List;

/**
 * A form opened for reading: its header row found, its data rows streamed, as many times as a reader
 * needs (validation reads a form twice: once for the codes, once for the rows), never all held at once.
 * A region's export of a million rows is thus read in the memory of a few rows. Row streams are not
 * thread-safe; a source may be read by one thread at a time.
 */
public interface FormSource {

  /** The header row's cells; empty when the form has no non-blank row at all. */
  List<String> header();

  /** 1-based row number of the header; 0 when there is none. */
  int headerRowNumber();

  /** The non-blank rows above the header (a title, the school's name or login). */
  List<RawRow> preamble();

  default boolean hasHeader() {
    return headerRowNumber() > 0;
  }

  /**
   * A new pass over the non-blank rows under the header, with their true row numbers. A form that turns
   * out broken half-way throws {@link UnreadableRowsException} from the stream.
   */
  Rows rows();

  /** A pass over a form's rows; close it to release the file's reader. */
  interface Rows extends Iterator<RawRow>, AutoCloseable {
    @Override
    void close();
  }

  /** A form that breaks while its rows are read: bad quoting on line 5,000, a damaged zip entry. */
  final class UnreadableRowsException extends RuntimeException {
    public UnreadableRowsException(String russianMessage, Throwable cause) {
      super(russianMessage, cause);
    }
  }

  /** Every row of a source, read once into a table: for small files and tests. */
  static RawTable collect(FormSource source) {
    List<RawRow> rows = new java.util.ArrayList<>();
    try (Rows it = source.rows()) {
      while (it.hasNext()) rows.add(it.next());
    }
    return new RawTable(source.header(), source.headerRowNumber(), rows, source.preamble());
  }
}
