package ru.vpr.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
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
  private static final short DOS_TIME = 0;
  private static final short DOS_DATE = (short) (((2025 - 1980) << 9) | (1 << 5) | 1);

  /** One row of the table: a pupil's work, the class's name as the school writes it. */
  record Row(String login, PupilWork work, String className, String textbook) {}

  /**
   * @param login the school login for regional exports ({@code Логин ОО} column), else null
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
    if (withLogin) header.add("Логин ОО");
    header.add(style.codeHeader());
    if (style.withGender()) header.add("Пол");
    header.add("Вариант");
    if (style.classFirst()) header.add(style.classHeader());
    for (TaskSpec t : spec.tasks()) header.add(style.taskHeader(t.code(), t.max()));
    if (!style.classFirst()) header.add(style.classHeader());
    header.add(style.journalHeader());
    if (style.withTextbook()) header.add("Учебник");
  }

  private static List<Object> cells(FormStyle style, WorkSpec spec, Row row, boolean withLogin) {
    PupilWork w = row.work();
    List<Object> cells = new ArrayList<>();
    if (withLogin) cells.add(row.login());
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
   * The zip container stamps entries with the current time; overwrite the DOS time and date of every
   * entry (central directory and local headers) with a fixed one so equal content gives equal bytes.
   */
  static byte[] withFixedTimes(byte[] zip) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = -1;
    for (int i = zip.length - 22; i >= 0; i--) {
      if (b.getInt(i) == 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) throw new IllegalStateException("xlsx without a zip directory");
    int entries = Short.toUnsignedInt(b.getShort(eocd + 10));
    int at = b.getInt(eocd + 16);
    for (int e = 0; e < entries; e++) {
      if (b.getInt(at) != 0x02014b50) throw new IllegalStateException("bad zip directory entry");
      b.putShort(at + 12, DOS_TIME);
      b.putShort(at + 14, DOS_DATE);
      int local = b.getInt(at + 42);
      b.putShort(local + 10, DOS_TIME);
      b.putShort(local + 12, DOS_DATE);
      at += 46 + Short.toUnsignedInt(b.getShort(at + 28)) + Short.toUnsignedInt(b.getShort(at + 30))
          + Short.toUnsignedInt(b.getShort(at + 32));
    }
    return zip;
  }
}
