package ru.vpr.ingest.read;

/**
 * The bytes are not a readable form. The message is a short Russian phrase that goes into the
 * coordinator's message ({@code Файл не удалось прочитать: <message>}), so it never quotes cell values.
 */
public final class UnreadableFormException extends Exception {
  public UnreadableFormException(String message) {
    super(message);
  }

  public UnreadableFormException(String message, Throwable cause) {
    super(message, cause);
  }
}
