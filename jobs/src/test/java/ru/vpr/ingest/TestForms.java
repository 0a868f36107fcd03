package ru.vpr.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import ru.vpr.reference.Scale;
import ru.vpr.reference.School;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/** A small reference and form builders shared by the ingest tests. */
public final class TestForms {
  public static final WorkKey MATH_5 = new WorkKey(2025, "ma", 5);
  public static final String SCHOOL = "edu100001";
  public static final String OTHER_SCHOOL = "edu100002";

  /** Maths grade 5: five tasks, max 10; marks 3/4/5 from 3/5/8 points. */
  public static final WorkSpec MATH_5_SPEC = new WorkSpec(MATH_5, List.of(
      new TaskSpec("1", 2, TaskSpec.BASIC, TaskSpec.KEY),
      new TaskSpec("2", 1, TaskSpec.BASIC, TaskSpec.KEY),
      new TaskSpec("3.1", 1, TaskSpec.BASIC, TaskSpec.KEY),
      new TaskSpec("3.2", 2, TaskSpec.ADVANCED, TaskSpec.KEY),
      new TaskSpec("4К1", 4, TaskSpec.HIGH, TaskSpec.RUBRIC)), new Scale(3, 5, 8, 10));

  public static final Reference REFERENCE = new Reference(
      new SpecCatalog(List.of(MATH_5_SPEC), Map.of("ma", "Математика")),
      new SchoolRegistry(List.of(
          new School(SCHOOL, "Школа 1", "m01", "Район 1", School.CITY, "СОШ"),
          new School(OTHER_SCHOOL, "Школа 2", "m02", "Район 2", School.VILLAGE, "ООШ"))));

  /** The header of a valid maths-5 form. */
  public static final String HEADER =
      "Код участника;Пол;Вариант;1 (2б);2 (1б);3.1 (1б);3.2 (2б);4К1 (4б);Наименование класса;"
          + "Отметка за предыдущее полугодие;Учебник";

  private TestForms() {}

  public static byte[] utf8(String... lines) {
    return String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
  }

  public static FormFile schoolForm(String fileName, byte[] content) {
    return new FormFile("s3a://landing/year=2025/subject=ma/grade=5/" + fileName, MATH_5, content);
  }

  public static FormOutcome processCsv(String... lines) {
    return FormProcessor.process(schoolForm(SCHOOL + ".csv", utf8(lines)), REFERENCE);
  }

  /** An xlsx with the given sheets; each sheet is rows of cells (String, Number or null). */
  public static byte[] xlsx(Map<String, List<List<Object>>> sheets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "vpr-test", "1.0");
      for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
        Worksheet ws = workbook.newWorksheet(sheet.getKey());
        List<List<Object>> rows = sheet.getValue();
        for (int r = 0; r < rows.size(); r++) {
          List<Object> row = rows.get(r);
          for (int c = 0; c < row.size(); c++) {
            Object v = row.get(c);
            if (v instanceof Number n) ws.value(r, c, n);
            else if (v != null) ws.value(r, c, v.toString());
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
