package ru.vpr.publish.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes fastexcel's output byte-identical for identical content. fastexcel 0.19 writes its zip
 * entries with a zero time but stamps {@code docProps/core.xml} with {@code dcterms:created} =
 * {@code Instant.now()} (no API to set it). The workbook is therefore re-zipped entry by entry, in the
 * same order, with that element removed (it is optional in OPC core properties) and a fixed entry
 * time. Deflate output is stable for one Java runtime (and its zlib); across runtimes the unzipped
 * content stays identical even if the compressed bytes were to differ.
 */
final class ReproducibleXlsx {
  static final String CORE_PROPERTIES = "docProps/core.xml";
  /**
   * A fixed entry time in MS-DOS form only. Not the DOS epoch itself (1980-01-01 00:00): Java takes that
   * value for "before 1980" and adds an extended timestamp computed in the machine's time zone, which
   * would make the bytes depend on where the file was written (Gradle's reproducible archives use
   * 1980-02-01 for the same reason).
   */
  static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private static final Pattern CREATED = Pattern.compile("<dcterms:created\\b[^>]*>[^<]*</dcterms:created>");

  private ReproducibleXlsx() {}

  /**
   * Copies the workbook at {@code xlsx} (a local file, as written by fastexcel) to {@code out}.
   * Read through {@link ZipFile}, i.e. the central directory: {@code ZipInputStream} misreads the
   * 8-byte sizes of the data descriptors that fastexcel's zip writer (opczip) always uses.
   */
  static void copy(Path xlsx, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(6);
    boolean sawCore = false;
    try (ZipFile in = new ZipFile(xlsx.toFile(), StandardCharsets.UTF_8)) {
      for (ZipEntry e : Collections.list(in.entries())) {
        byte[] content;
        try (InputStream entry = in.getInputStream(e)) {
          content = entry.readAllBytes();
        }
        if (CORE_PROPERTIES.equals(e.getName())) {
          content = withoutCreated(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
          sawCore = true;
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(copy);
        zip.write(content);
        zip.closeEntry();
      }
    }
    if (!sawCore) throw new IOException("the workbook has no " + CORE_PROPERTIES + ": not fastexcel's layout");
    zip.finish();
    zip.flush();
  }

  static String withoutCreated(String coreXml) {
    Matcher m = CREATED.matcher(coreXml);
    return m.replaceAll("");
  }
}
