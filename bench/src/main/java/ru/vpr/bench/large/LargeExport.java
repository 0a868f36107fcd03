package ru.vpr.bench.large;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import ru.vpr.reference.BuiltinSpecs;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * A large region's whole-region export of one work, in FIS OKO's 2021 layout ({@code логин школы | регион
 * | ... | балл за k}), with a registry for its schools: the file the ingest must read within its default
 * memory (biology grade 5 of 2021, a built-in spec of 20 tasks). Seeded: the same options give the same
 * file. Written row by row, flushed as it goes.
 */
public final class LargeExport {
  static final WorkKey WORK = new WorkKey(2021, "bi", 5);
  public static final String FILE = "Проведение работы по биологии, 5 класс. ВПР 2021.xlsx";

  /** What was written. */
  public record Written(Path export, Path registry, long rows, int schools, long bytes) {}

  public Written write(Path folder, long rows, int pupilsPerSchool, long seed) throws IOException {
    WorkSpec spec = BuiltinSpecs.catalog().work(WORK).orElseThrow();
    Files.createDirectories(folder.resolve("landing"));
    Path export = folder.resolve("landing").resolve(FILE);
    int schools = (int) ((rows + pupilsPerSchool - 1) / pupilsPerSchool);
    SplittableRandom random = new SplittableRandom(seed);
    try (OutputStream out = Files.newOutputStream(export)) {
      Workbook workbook = new Workbook(out, "FIS OKO", "1.0");
      Worksheet sheet = workbook.newWorksheet("Sheet");
      List<TaskSpec> tasks = spec.tasks();
      String[] header = new String[9 + tasks.size() + 1];
      String[] fixed = {"логин школы", "регион", "номер обучающегося", "код обучающегося",
          "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов"};
      System.arraycopy(fixed, 0, header, 0, fixed.length);
      for (int k = 1; k <= tasks.size(); k++) header[8 + k] = "балл за " + k;
      header[header.length - 1] = "Учебник";
      for (int c = 0; c < header.length; c++) sheet.value(0, c, header[c]);
      for (long r = 1; r <= rows; r++) {
        int school = (int) ((r - 1) / pupilsPerSchool);
        int pupil = (int) ((r - 1) % pupilsPerSchool) + 1;
        int row = (int) r;
        sheet.value(row, 0, login(school));
        sheet.value(row, 1, "Муниципалитет " + (school % 70 + 1));
        sheet.value(row, 2, String.valueOf(pupil));
        sheet.value(row, 3, String.valueOf(50000 + pupil));
        boolean absent = random.nextDouble() < 0.08;
        sheet.value(row, 4, String.valueOf(2 + random.nextInt(4)));
        sheet.value(row, 5, absent ? "" : random.nextBoolean() ? "м" : "ж");
        sheet.value(row, 6, absent ? "" : String.valueOf("абвг".charAt(pupil % 4)));
        sheet.value(row, 7, absent ? "отсутствовал" : String.valueOf(1 + random.nextInt(2)));
        int total = 0;
        double ability = random.nextDouble();
        for (int k = 0; k < tasks.size(); k++) {
          if (absent) continue;
          int max = tasks.get(k).max();
          if (random.nextDouble() < 0.04) {
            sheet.value(row, 9 + k, "X");
          } else {
            int score = (int) Math.min(max, Math.floor(ability * (max + 1) + random.nextDouble() * 0.5));
            total += score;
            sheet.value(row, 9 + k, String.valueOf(score));
          }
        }
        sheet.value(row, 8, absent ? "" : String.valueOf(total));
        sheet.value(row, 9 + tasks.size(), "Пасечник В.В. Биология 5 класс");
        if (r % 10_000 == 0) sheet.flush();
      }
      sheet.finish();
      workbook.finish();
    }
    Path registry = folder.resolve("schools.csv");
    try (Writer w = Files.newBufferedWriter(registry, StandardCharsets.UTF_8)) {
      w.write("login;name;municipality_code;municipality_name;locality;kind\n");
      for (int s = 0; s < schools; s++) {
        w.write(login(s) + ";Школа " + (s + 1) + ";mo" + (s % 70 + 1) + ";Муниципалитет " + (s % 70 + 1) + ";город;СОШ\n");
      }
    }
    return new Written(export, registry, rows, schools, Files.size(export));
  }

  private static String login(int school) {
    return String.format("sch%06d", school + 1);
  }
}
