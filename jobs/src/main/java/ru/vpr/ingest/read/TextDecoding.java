package ru.vpr.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a csv's bytes. Schools save csv from Excel either as UTF-8 (with or without BOM) or in the
 * Windows code page 1251. A strict UTF-8 decode of Cyrillic 1251 text fails almost surely, so "strict
 * UTF-8 succeeds" is a reliable test; everything else is read as 1251. The test runs over the bytes in
 * small pieces: a large file is never held as text.
 */
public final class TextDecoding {
  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

  private TextDecoding() {}

  /** How a file's text is to be read: its charset and the BOM to skip. */
  public record Detected(Charset charset, int bomLength) {
    /** The text of at most the first {@code bytes} bytes, cut back to a whole line. */
    String prefix(byte[] content, int bytes) {
      int end = Math.min(content.length, bomLength + bytes);
      if (end < content.length) {
        int newline = end;
        while (newline > bomLength && content[newline - 1] != '\n') newline--;
        if (newline > bomLength) end = newline;
      }
      return new String(content, bomLength, end - bomLength, charset);
    }
  }

  public static Detected detect(byte[] bytes) throws UnreadableFormException {
    Detected detected = detectCharset(bytes);
    boolean utf16 = detected.charset().equals(StandardCharsets.UTF_16LE) || detected.charset().equals(StandardCharsets.UTF_16BE);
    if (!utf16) {
      // Text files never hold NUL; a binary file (a picture, an archive) was saved with a .csv name.
      for (byte b : bytes) if (b == 0) throw new UnreadableFormException("файл не является текстовым файлом csv");
    }
    return detected;
  }

  /** The text of the whole file, for tests and small files. */
  public static String decode(byte[] bytes) throws UnreadableFormException {
    Detected d = detect(bytes);
    return new String(bytes, d.bomLength(), bytes.length - d.bomLength(), d.charset());
  }

  private static Detected detectCharset(byte[] bytes) {
    if (hasUtf8Bom(bytes)) return new Detected(StandardCharsets.UTF_8, 3);
    if (hasUtf16Bom(bytes)) return new Detected(bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE, 2);
    return new Detected(isStrictUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1251, 0);
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
  }

  /** Excel's "Unicode text" export is UTF-16 with a BOM; accepting it costs nothing. */
  private static boolean hasUtf16Bom(byte[] b) {
    return b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
  }

  private static boolean isStrictUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) return false;
      if (result.isUnderflow()) break;
      out.clear();
    }
    out.clear();
    return !decoder.flush(out).isError();
  }
}
