package ru.vpr.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A form source over a reader that can stream a file's non-blank rows from the top any number of times:
 * the header is found once among the first rows ({@link HeaderRowLocator}), and every pass over the data
 * streams the file again and skips to the row under the header.
 */
final class LocatedSource implements FormSource {
  /** Streams every non-blank row of the file from its top. */
  @FunctionalInterface
  interface Opener {
    Rows open();
  }

  private final Opener opener;
  private final List<String> header;
  private final int headerRowNumber;
  private final List<RawRow> preamble;

  private LocatedSource(Opener opener, List<String> header, int headerRowNumber, List<RawRow> preamble) {
    this.opener = opener;
    this.header = List.copyOf(header);
    this.headerRowNumber = headerRowNumber;
    this.preamble = List.copyOf(preamble);
  }

  /** @throws UnreadableRowsException when the file breaks among its first rows */
  static FormSource locate(Opener opener) {
    List<RawRow> first = new ArrayList<>();
    try (Rows all = opener.open()) {
      while (all.hasNext() && first.size() < HeaderRowLocator.LOOK_AHEAD) first.add(all.next());
    }
    if (first.isEmpty()) return new LocatedSource(opener, List.of(), 0, List.of());
    int index = HeaderRowLocator.headerIndex(first);
    return new LocatedSource(opener, first.get(index).cells(), first.get(index).rowNumber(), first.subList(0, index));
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public int headerRowNumber() {
    return headerRowNumber;
  }

  @Override
  public List<RawRow> preamble() {
    return preamble;
  }

  @Override
  public Rows rows() {
    if (headerRowNumber == 0) return EMPTY;
    Rows all = opener.open();
    return new Rows() {
      private RawRow next = advance();

      private RawRow advance() {
        while (all.hasNext()) {
          RawRow row = all.next();
          if (row.rowNumber() > headerRowNumber) return row;
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public RawRow next() {
        if (next == null) throw new NoSuchElementException();
        RawRow row = next;
        next = advance();
        return row;
      }

      @Override
      public void close() {
        all.close();
      }
    };
  }

  private static final Rows EMPTY = new Rows() {
    @Override
    public boolean hasNext() {
      return false;
    }

    @Override
    public RawRow next() {
      throw new NoSuchElementException();
    }

    @Override
    public void close() {}
  };
}
