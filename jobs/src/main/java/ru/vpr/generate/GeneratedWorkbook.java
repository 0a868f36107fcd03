package ru.vpr.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import ru.vpr.io.Storage;

/**
 * An xlsx of a few sheets of plain cells (integers as numbers, anything else as text, null and "" left
 * empty), written reproducibly: the same rows give the same bytes ({@link FormWriter#withFixedTimes}).
 */
final class GeneratedWorkbook {
  /** A sheet: its name and its rows from the first. */
  record Sheet(String name, List<List<Object>> rows) {}

  private GeneratedWorkbook() {}

  static void write(Storage storage, String path, List<Sheet> sheets) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(buffer, "FIS OKO", "1.0")) {
      for (Sheet sheet : sheets) {
        Worksheet ws = wb.newWorksheet(sheet.name());
        for (int r = 0; r < sheet.rows().size(); r++) {
          List<Object> row = sheet.rows().get(r);
          for (int c = 0; c < row.size(); c++) {
            Object v = row.get(c);
            if (v instanceof Integer i) ws.value(r, c, i);
            else if (v != null && !v.toString().isEmpty()) ws.value(r, c, v.toString());
          }
        }
        ws.finish();
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    try (OutputStream out = storage.create(path)) {
      out.write(FormWriter.withFixedTimes(buffer.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
