package ru.vpr.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a csv's bytes. Schools save csv from Excel either as UTF-8 (with or without BOM) or in the
 * Windows code page 1251. A strict UTF-8 decode of Cyrillic 1251 text fails almost surely, so "strict
 * UTF-8 succeeds" is a reliable test; everything else is read as 1251.
 */
public final class TextDecoding {
  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

  private TextDecoding() {}

  public static String decode(byte[] bytes) throws UnreadableFormException {
    String text = decodeDetected(bytes);
    if (text.indexOf('\u0000') >= 0) {
      // Text files never hold NUL; a binary file (a picture, an archive) was saved with a .csv name.
      throw new UnreadableFormException("файл не является текстовым файлом csv");
    }
    return text;
  }

  /** The charset the bytes were detected as, for tests and diagnostics. */
  public static Charset detect(byte[] bytes) {
    if (hasUtf8Bom(bytes)) return StandardCharsets.UTF_8;
    if (hasUtf16Bom(bytes)) return bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    return decodesStrictly(bytes, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : WINDOWS_1251;
  }

  private static String decodeDetected(byte[] bytes) {
    Charset charset = detect(bytes);
    int bomLength = hasUtf8Bom(bytes) ? 3 : hasUtf16Bom(bytes) ? 2 : 0;
    return new String(bytes, bomLength, bytes.length - bomLength, charset);
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
  }

  /** Excel's "Unicode text" export is UTF-16 with a BOM; accepting it costs nothing. */
  private static boolean hasUtf16Bom(byte[] b) {
    return b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
  }

  private static boolean decodesStrictly(byte[] bytes, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer ignored = decoder.decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
