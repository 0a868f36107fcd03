package ru.vpr.generate;

import java.nio.charset.Charset;
import java.util.SplittableRandom;

/**
 * How one school fills in its forms. Real forms differ by school in format, encoding, delimiter and
 * spelling of headers and values; each school keeps its habits, so the style is drawn once per school.
 */
record FormStyle(
    boolean xlsx, Charset charset, boolean bom, char delimiter,
    String codeHeader, String classHeader, String journalHeader,
    boolean parenthesisedSubItems, boolean spacedCriteria,
    ClassNaming classNaming, String notAttempted, String noMark, String absent,
    boolean withGender, boolean withTextbook, boolean classFirst, int preambleRows) {

  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  static final String LATIN_X = "X";
  static final String CYRILLIC_X = "Х";

  enum ClassNaming { PLAIN, SPACED, DASHED_LOWER }

  static FormStyle draw(SplittableRandom r, double xlsxShare) {
    boolean xlsx = r.nextDouble() < xlsxShare;
    double enc = r.nextDouble();
    Charset charset = enc < 0.35 ? WINDOWS_1251 : java.nio.charset.StandardCharsets.UTF_8;
    boolean bom = charset != WINDOWS_1251 && enc < 0.65;
    double d = r.nextDouble();
    char delimiter = d < 0.7 ? ';' : d < 0.85 ? ',' : '\t';
    double cn = r.nextDouble();
    ClassNaming naming = cn < 0.6 ? ClassNaming.PLAIN : cn < 0.8 ? ClassNaming.SPACED : ClassNaming.DASHED_LOWER;
    double ab = r.nextDouble();
    String absent = ab < 0.7 ? "отсутствовал" : ab < 0.85 ? "Отсутствовал" : "не присутствовал";
    return new FormStyle(
        xlsx, charset, bom, delimiter,
        r.nextDouble() < 0.6 ? "Код участника" : "Код",
        r.nextDouble() < 0.6 ? "Наименование класса" : "Класс",
        r.nextDouble() < 0.7 ? "Отметка за предыдущий период" : "Отметка за предыдущий учебный период",
        r.nextDouble() < 0.2, r.nextDouble() < 0.25,
        naming,
        r.nextDouble() < 0.6 ? LATIN_X : CYRILLIC_X,
        r.nextDouble() < 0.6 ? "" : "нет отметки",
        absent,
        r.nextDouble() < 0.7, r.nextDouble() < 0.3, r.nextDouble() < 0.3,
        2 + r.nextInt(3));
  }

  /** The regional exporter's own style: one system, so one uniform layout. */
  static FormStyle export(boolean xlsx) {
    return new FormStyle(xlsx, java.nio.charset.StandardCharsets.UTF_8, false, ';',
        "Код участника", "Класс", "Отметка за предыдущий период", false, false, ClassNaming.PLAIN,
        LATIN_X, "", "отсутствовал", true, false, false, 1);
  }

  /**
   * The same habits saved as UTF-8 csv: what a school's form becomes under
   * {@link GeneratorSettings#csvOnly()}. Drawn styles stay as they were, so the region is the same.
   */
  FormStyle asUtf8Csv() {
    return new FormStyle(false, java.nio.charset.StandardCharsets.UTF_8, bom, delimiter, codeHeader, classHeader,
        journalHeader, parenthesisedSubItems, spacedCriteria, classNaming, notAttempted, noMark, absent,
        withGender, withTextbook, classFirst, preambleRows);
  }

  /** Header of a task column: {@code 1 (2б)}, {@code 5.1 (1б)} or {@code 5(1) (1б)}, {@code 1К1} or {@code 1 К1}. */
  String taskHeader(String code, int max) {
    String shown = code;
    int dot = code.indexOf('.');
    if (dot > 0 && parenthesisedSubItems) shown = code.substring(0, dot) + "(" + code.substring(dot + 1) + ")";
    int k = code.indexOf('К');
    if (k > 0 && spacedCriteria) shown = code.substring(0, k) + " " + code.substring(k);
    return shown + " (" + max + "б)";
  }

  /** {@code 5А}, {@code 5 А} or {@code 5-а}. */
  String className(int grade, char letter) {
    return switch (classNaming) {
      case PLAIN -> grade + String.valueOf(letter);
      case SPACED -> grade + " " + letter;
      case DASHED_LOWER -> grade + "-" + Character.toLowerCase(letter);
    };
  }
}
