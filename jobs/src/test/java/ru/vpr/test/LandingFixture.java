package ru.vpr.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ru.vpr.config.PipelineConfig;

/**
 * A tiny region on disk for job tests: three schools, one maths grade-5 work of four tasks
 * (scale 2/3/5 of 6), and forms written as text so each test states exactly what a school sent.
 */
public final class LandingFixture {
  public static final String SPEC_HEADER = "Код;Вариант;1 (1б);2 (2б);3.1 (1б);3.2 (2б);Класс;Отметка за предыдущий период";

  private final Path root;

  public LandingFixture(Path root) {
    this.root = root;
    write("schools.csv", String.join("\n",
        "login;name;municipality_code;municipality_name;locality;kind",
        "edu100001;Школа 1;m01;Город;город;СОШ",
        "edu100002;Школа 2;m01;Город;город;гимназия",
        "edu100003;Школа 3;m02;Район;село;ООШ"), StandardCharsets.UTF_8);
    write("specs/tasks.csv", String.join("\n",
        "year;subject;grade;task;max;level;scoring",
        "2025;ma;5;1;1;Б;key",
        "2025;ma;5;2;2;Б;key",
        "2025;ma;5;3.1;1;П;key",
        "2025;ma;5;3.2;2;В;rubric"), StandardCharsets.UTF_8);
    write("specs/scales.csv", String.join("\n",
        "year;subject;grade;min3;min4;min5;max",
        "2025;ma;5;2;3;5;6"), StandardCharsets.UTF_8);
    write("specs/subjects.csv", "subject;name\nma;Математика", StandardCharsets.UTF_8);
  }

  /** Writes a form of maths grade 5, 2025, under the landing layout; returns its path. */
  public Path form(String fileName, String... lines) {
    return form(fileName, StandardCharsets.UTF_8, lines);
  }

  public Path form(String fileName, Charset charset, String... lines) {
    return write("landing/year=2025/subject=ma/grade=5/" + fileName, String.join("\n", lines) + "\n", charset);
  }

  public Path write(String relative, String content, Charset charset) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public PipelineConfig configure(PipelineConfig config) {
    return config.withLanding(root.resolve("landing").toString())
        .withRegistry(root.resolve("schools.csv").toString())
        .withSpecs(root.resolve("specs").toString())
        .withControl(root.resolve("control.csv").toString())
        .withRecheck(root.resolve("recheck").toString());
  }
}
