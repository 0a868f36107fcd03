package ru.vpr.ingest.read;

/** Turns a file's bytes into text cells. Implementations are stateless and thread-safe. */
public interface FormReader {

  /**
   * Opens a form: checks it against the limits, finds its header, and returns a source that streams
   * its rows.
   *
   * @throws UnreadableFormException when the bytes are not a file of this format (corrupt, binary
   *     garbage, broken quoting)
   * @throws FormTooLargeException when the file passes one of the limits
   */
  FormSource open(byte[] content, ReadLimits limits) throws UnreadableFormException, FormTooLargeException;

  /** Every row at once, under the default limits: for small files (a school list) and tests. */
  default RawTable read(byte[] content) throws UnreadableFormException {
    try {
      return FormSource.collect(open(content, ReadLimits.DEFAULT));
    } catch (FormTooLargeException e) {
      throw new UnreadableFormException(e.getMessage(), e);
    } catch (FormSource.UnreadableRowsException e) {
      throw new UnreadableFormException(e.getMessage(), e);
    }
  }
}
