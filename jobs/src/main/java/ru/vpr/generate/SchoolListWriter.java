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
 * The region's list of its schools as coordinators keep it ({@code логин | имя | регион}, the municipality
 * under {@code регион}): what a region without a {@code schools.csv} has, and what
 * {@code bin/vpr registry --schools-list} reads.
 */
final class SchoolListWriter {
  static final String FILE = "logins.xlsx";

  private SchoolListWriter() {}

  static void write(Storage storage, String path, List<SchoolProfile> schools) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(buffer, "FIS OKO", "1.0")) {
      Worksheet ws = wb.newWorksheet("Лист1");
      ws.value(0, 0, "логин");
      ws.value(0, 1, "имя");
      ws.value(0, 2, "регион");
      int r = 1;
      for (SchoolProfile s : schools) {
        ws.value(r, 0, s.login());
        ws.value(r, 1, s.school().name());
        ws.value(r, 2, s.municipality().name());
        r++;
      }
      ws.finish();
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
