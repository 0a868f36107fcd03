package ru.vpr.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkSpec;

/** Writes a results table (contract §1.1) as csv or xlsx in a school's or exporter's style. */
final class FormWriter {
  static final String SHEET = "Протокол";
  /** Zip entries get this time so that equal content gives equal bytes. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2025, 1, 1, 0, 0);
  private static final String FIXED_CREATED = "2025-01-01T00:00:00Z";

  /** One row of the table: a pupil's work, the class's name as the school writes it. */
  record Row(String login, PupilWork work, String className, String textbook) {}

  /**
   * @param withLogin a regional export: add the {@code Логин ОО} column from {@link Row#login()}
   * @param preamble lines above the header (xlsx only: csv files start with the header)
   */
  void write(OutputStream out, FormStyle style, WorkSpec spec, List<Row> rows, boolean withLogin, List<String> preamble) {
    List<String> header = new ArrayList<>();
    List<List<Object>> table = new ArrayList<>();
    header(style, spec, withLogin, header);
    for (Row row : rows) table.add(cells(style, spec, row, withLogin));
    try {
      if (style.xlsx()) writeXlsx(out, header, table, preamble);
      else writeCsv(out, style, header, table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write form " + spec.key(), e);
    }
  }

  private static void header(FormStyle style, WorkSpec spec, boolean withLogin, List<String> header) {
    // The login goes last: readers find the header row by Код in its first column (contract §1.2).
    header.add(style.codeHeader());
    if (style.withGender()) header.add("Пол");
    header.add("Вариант");
    if (style.classFirst()) header.add(style.classHeader());
    for (TaskSpec t : spec.tasks()) header.add(style.taskHeader(t.code(), t.max()));
    if (!style.classFirst()) header.add(style.classHeader());
    header.add(style.journalHeader());
    if (style.withTextbook()) header.add("Учебник");
    if (withLogin) header.add("Логин ОО");
  }

  private static List<Object> cells(FormStyle style, WorkSpec spec, Row row, boolean withLogin) {
    PupilWork w = row.work();
    List<Object> cells = new ArrayList<>();
    cells.add(Integer.valueOf(w.pupil.code()));
    if (style.withGender()) cells.add(String.valueOf(w.pupil.gender()));
    cells.add(w.absent ? style.absent() : Integer.valueOf(w.variant));
    if (style.classFirst()) cells.add(row.className());
    for (int t = 0; t < spec.tasks().size(); t++) {
      if (w.absent) cells.add(null);
      else if (w.scores[t] == PupilWork.X) cells.add(style.notAttempted());
      else cells.add(Integer.valueOf(w.scores[t]));
    }
    if (!style.classFirst()) cells.add(row.className());
    cells.add(w.journal == 0 ? style.noMark() : Integer.valueOf(w.journal));
    if (style.withTextbook()) cells.add(row.textbook());
    if (withLogin) cells.add(row.login());
    return cells;
  }

  private static void writeCsv(OutputStream out, FormStyle style, List<String> header, List<List<Object>> table)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, style.charset());
    if (style.bom()) writer.write('\uFEFF');
    // Files saved from Excel on Windows (the cp1251 ones) end lines with CRLF.
    String eol = style.charset().equals(FormStyle.WINDOWS_1251) ? "\r\n" : "\n";
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(style.delimiter()).setRecordSeparator(eol).get();
    try (CSVPrinter printer = new CSVPrinter(writer, format)) {
      printer.printRecord(header);
      for (List<Object> row : table) {
        List<String> values = new ArrayList<>(row.size());
        for (Object v : row) values.add(v == null ? "" : v.toString());
        printer.printRecord(values);
      }
    }
  }

  private static void writeXlsx(OutputStream out, List<String> header, List<List<Object>> table, List<String> preamble)
      throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(buffer, "VPR", "1.0")) {
      Worksheet ws = wb.newWorksheet(SHEET);
      int r = 0;
      for (String line : preamble) {
        if (!line.isEmpty()) ws.value(r, 0, line);
        r++;
      }
      for (int c = 0; c < header.size(); c++) ws.value(r, c, header.get(c));
      r++;
      for (List<Object> row : table) {
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          if (v instanceof Integer i) ws.value(r, c, i);
          else if (v != null && !v.toString().isEmpty()) ws.value(r, c, v.toString());
        }
        r++;
      }
      ws.finish();
      wb.finish();
    }
    try (OutputStream o = out) {
      o.write(withFixedTimes(buffer.toByteArray()));
    }
  }

  /**
   * Makes an xlsx reproducible: the writer stamps zip entries and {@code docProps/core.xml} with the
   * current time. Re-packs every entry with a fixed time and a fixed creation date. The writer
   * streams entries without sizes in their local headers, so entries are located through the
   * central directory rather than read with ZipInputStream.
   */
  static byte[] withFixedTimes(byte[] zip) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = -1;
    for (int i = zip.length - 22; i >= 0; i--) {
      if (b.getInt(i) == 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) throw new IOException("xlsx without a zip directory");
    int entries = Short.toUnsignedInt(b.getShort(eocd + 10));
    int at = b.getInt(eocd + 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 512);
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (int e = 0; e < entries; e++) {
        if (b.getInt(at) != 0x02014b50) throw new IOException("bad zip directory entry");
        int method = Short.toUnsignedInt(b.getShort(at + 10));
        int compressed = b.getInt(at + 20);
        int size = b.getInt(at + 24);
        int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
        String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
        int local = b.getInt(at + 42);
        int data = local + 30 + Short.toUnsignedInt(b.getShort(local + 26)) + Short.toUnsignedInt(b.getShort(local + 28));
        byte[] content = method == 0 ? Arrays.copyOfRange(zip, data, data + size) : inflate(zip, data, compressed, size);
        if (name.equals("docProps/core.xml")) {
          content = new String(content, StandardCharsets.UTF_8)
              .replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + FIXED_CREATED + "$2")
              .getBytes(StandardCharsets.UTF_8);
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        z.putNextEntry(entry);
        z.write(content);
        z.closeEntry();
        at += 46 + nameLength + Short.toUnsignedInt(b.getShort(at + 30)) + Short.toUnsignedInt(b.getShort(at + 32));
      }
    }
    return out.toByteArray();
  }

  private static byte[] inflate(byte[] zip, int offset, int length, int size) throws IOException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(zip, offset, length);
      byte[] out = new byte[size];
      int n = 0;
      while (n < size && !inflater.finished()) {
        int got = inflater.inflate(out, n, size - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
        n += got;
      }
      if (n != size) throw new IOException("truncated zip entry");
      return out;
    } catch (DataFormatException e) {
      throw new IOException("corrupt zip entry", e);
    } finally {
      inflater.end();
    }
  }
}
