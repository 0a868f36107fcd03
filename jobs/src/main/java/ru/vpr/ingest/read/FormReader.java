package ru.vpr.ingest.read;

/** Turns a file's bytes into text cells. Implementations are stateless and thread-safe. */
public interface FormReader {

  /**
   * @throws UnreadableFormException when the bytes are not a file of this format (corrupt, binary
   *     garbage, broken quoting)
   */
  RawTable read(byte[] content) throws UnreadableFormException;
}
