import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the xlsx sample of data-samples/bad: a good school form as FIS OKO hands it out, with an
 * instruction sheet first, preamble rows above the header on the {@code Протокол} sheet, the table starting
 * in column B, and scores stored as numbers. Run with fastexcel and opczip on the class path:
 * {@code java -cp fastexcel-0.19.0.jar:opczip-1.2.0.jar MakeXlsxSamples.java}.
 */
public class MakeXlsxSamples {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../landing/year=2025/subject=ma/grade=5");
    Files.createDirectories(dir);
    try (OutputStream out = new FileOutputStream(dir.resolve("edu100002.xlsx").toFile())) {
      Workbook wb = new Workbook(out, "MakeXlsxSamples", "1.0");
      Worksheet help = wb.newWorksheet("Инструкция");
      help.value(0, 0, "Заполните лист «Протокол». Код участника — из протокола соответствия.");
      Worksheet ws = wb.newWorksheet("Протокол");
      ws.value(0, 1, "Форма сбора результатов ВПР. Математика, 5 класс");
      ws.value(1, 1, "Логин ОО: edu100002");
      String[] header = {"Код участника", "Пол", "Вариант", "1 (1б)", "2 (1б)", "3 (2б)", "4 (2б)", "5.1 (1б)",
          "5.2 (1б)", "6 (2б)", "7 (2б)", "8 (2б)", "9 (2б)", "10 (4б)", "Наименование класса",
          "Отметка за предыдущее полугодие", "Учебник"};
      for (int c = 0; c < header.length; c++) ws.value(3, c + 1, header[c]);
      Object[][] rows = {
          {30001, "М", 1, 1, 1, 2, 2, 1, 1, 2, 2, 1, 2, 3, "5А", 5, "Дорофеев Г.В."},
          {30002, "Ж", 2, 1, 0, 1, 1, 1, "X", 1, 1, 0, 0, 0, "5А", 4, "Дорофеев Г.В."},
          {30003, "Ж", 1, 0, 1, 1, 0, 0, 0, "X", 0, "X", "X", "X", "5 Б", 3, null},
          {30004, null, "отсутствовал", null, null, null, null, null, null, null, null, null, null, null, "5Б", null, null},
      };
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          // Row 6 stays blank on purpose: blank rows are skipped, the numbering stays true.
          int sheetRow = 4 + r + (r >= 2 ? 1 : 0);
          if (v instanceof Number n) ws.value(sheetRow, c + 1, n);
          else if (v != null) ws.value(sheetRow, c + 1, v.toString());
        }
      }
      wb.finish();
    }
  }
}
