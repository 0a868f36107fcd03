package ru.vpr.ingest.read;

/**
 * A form past one of the {@link ReadLimits}. The message is a Russian phrase with the numbers, for the
 * coordinator's message ({@code Файл слишком велик: <message>}).
 */
public final class FormTooLargeException extends Exception {
  public FormTooLargeException(String message) {
    super(message);
  }
}
