package ru.vpr.bench.duckdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A region of three schools and one work (maths, grade 5, 2025) whose indicators are worked out by
 * hand in the tests. Its forms differ as real ones do: BOM, tab and comma delimiters, header
 * spellings ({@code 2(1)}, {@code 3 К1}), class names ({@code 5 а}, {@code 5-б}), Cyrillic {@code Х},
 * {@code нет отметки}, an absent pupil, and a municipality's export with {@code Логин ОО}.
 */
final class TinyRegion {
  private TinyRegion() {}

  static Path write(Path root) throws IOException {
    write(root.resolve("schools.csv"), """
        login;name;municipality_code;municipality_name;locality;kind
        edu000001;Школа 1;mo01;Первый район;город;СОШ
        edu000002;Школа 2;mo01;Первый район;село;ООШ
        edu000003;Школа 3;mo02;Второй район;село;СОШ
        """);
    write(root.resolve("specs/tasks.csv"), """
        year;subject;grade;task;max;level;scoring
        2025;ma;5;1;2;Б;key
        2025;ma;5;2.1;1;П;key
        2025;ma;5;3К1;2;Б;rubric
        """);
    write(root.resolve("specs/scales.csv"), """
        year;subject;grade;min3;min4;min5;max
        2025;ma;5;2;3;4;5
        """);
    Path work = root.resolve("landing/year=2025/subject=ma/grade=5");
    write(work.resolve("edu000001.csv"), "\uFEFF" + """
        Код участника;Вариант;1 (2б);2(1) (1б);3 К1 (2б);Класс;Отметка за предыдущий период
        1001;1;2;1;2;5А;5
        1002;2;0;X;1;5 а;4
        1003;отсутствовал;;;;5А;3
        """);
    write(work.resolve("edu000002.csv"), """
        Код\tВариант\tНаименование класса\t1 (2б)\t2.1 (1б)\t3К1 (2б)\tОтметка за предыдущий учебный период
        2001\t1\t5-б\t1\tХ\t0\tнет отметки
        2002\t1\t5-б\t2\t1\t0\t2
        """);
    write(work.resolve("export_mo02.csv"), """
        Код участника,Вариант,1 (2б),2.1 (1б),3К1 (2б),Класс,Отметка за предыдущий период,Логин ОО
        3001,1,2,0,2,5А,4,edu000003
        """);
    return root;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
