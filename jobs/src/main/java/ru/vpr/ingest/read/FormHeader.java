package ru.vpr.ingest.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of a form's header means: where the known columns are, the task columns, the first
 * personal-data column if any, and which of the layouts of contract §1.1 and §1.4 the header is.
 */
public record FormHeader(Map<Column, Integer> columns, List<TaskColumn> tasks, String personalDataColumn) {

  public static final int NONE = -1;

  /** The columns a form may have besides its tasks; each has its synonyms in {@link HeaderMapper}. */
  public enum Column {
    CODE, SEX, VARIANT, CLASS, JOURNAL_MARK, TEXTBOOK,
    /** The school login on every row: {@code Логин ОО}, {@code логин школы}, {@code Пользователь}, {@code user}. */
    LOGIN,
    /** {@code Школа}: {@code edu223379 | МКОУ "..."}, login and name in one cell. */
    SCHOOL,
    /** {@code Муниципалитет}: {@code reg22_m019 | Красногорский муниципальный район}. */
    MUNICIPALITY,
    /** {@code регион}: the region in the 2022 export, the school's municipality in the 2021 one. */
    REGION,
    /** {@code groups} of the 2020 raw export: tags, one of them the municipality ({@code reg22_vpr_m004}). */
    MUNICIPALITY_TAGS,
    /** FIS OKO's own total ({@code всего баллов}, {@code Итого баллов}, {@code sum}): compared, never trusted. */
    REPORTED_TOTAL,
    /** A mark the form computed itself ({@code Отметка}): compared, never trusted. */
    REPORTED_MARK
  }

  /** The layouts of contract §1.1 and §1.4, told apart by their header alone. */
  public enum Layout {
    /** A school's form (§1.1, or the collection form of §1.4 d): one school, the login from the file. */
    SCHOOL_FORM("school_form"),
    /** §1.1's regional export: a school form's columns plus {@code Логин ОО}. */
    REGIONAL_EXPORT("regional_export"),
    /** §1.4 (a): {@code логин школы | ... | балл за 1 | ...}. */
    EXPORT_2021("export_2021"),
    /** §1.4 (b): sheet {@code Протокол} with {@code Пользователь}, {@code Муниципалитет}, {@code Школа}. */
    FIS_OKO_EXPORT("fis_oko_export"),
    /** §1.4 (c): {@code groups | user | ... | a-1-grade | ... | a-40-grade}. */
    RAW_EXPORT("raw_export");

    private final String code;

    Layout(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public FormHeader {
    columns = Map.copyOf(columns);
    tasks = List.copyOf(tasks);
  }

  /** A task column: where it is, what the header said, and what that means. */
  public record TaskColumn(int index, String headerText, TaskHeader task) {}

  /** The column's index, or {@link #NONE}. */
  public int index(Column column) {
    return columns.getOrDefault(column, NONE);
  }

  public boolean has(Column column) {
    return columns.containsKey(column);
  }

  public int code() {
    return index(Column.CODE);
  }

  public int sex() {
    return index(Column.SEX);
  }

  public int variant() {
    return index(Column.VARIANT);
  }

  public int className() {
    return index(Column.CLASS);
  }

  public int journalMark() {
    return index(Column.JOURNAL_MARK);
  }

  public int textbook() {
    return index(Column.TEXTBOOK);
  }

  public int login() {
    return index(Column.LOGIN);
  }

  public boolean hasPersonalData() {
    return personalDataColumn != null;
  }

  /** Many schools in one table: every row names its school (contract §1, §1.4). */
  public boolean isRegionalExport() {
    return has(Column.LOGIN) || has(Column.SCHOOL);
  }

  public boolean hasNumberedTasks() {
    return tasks.stream().anyMatch(t -> t.task().isNumbered());
  }

  public Layout layout() {
    if (tasks.stream().anyMatch(t -> t.task().fixedWidth())) return Layout.RAW_EXPORT;
    if (hasNumberedTasks()) return Layout.EXPORT_2021;
    if (has(Column.SCHOOL) || has(Column.MUNICIPALITY)) return Layout.FIS_OKO_EXPORT;
    if (isRegionalExport()) return Layout.REGIONAL_EXPORT;
    return Layout.SCHOOL_FORM;
  }

  /** The required columns that are missing, named as the FIS OKO form names them. */
  public List<String> missingRequired() {
    List<String> missing = new ArrayList<>();
    if (!has(Column.CODE)) missing.add("«Код участника»");
    if (!has(Column.VARIANT)) missing.add("«Вариант»");
    if (!has(Column.CLASS)) missing.add("«Наименование класса»");
    if (tasks.isEmpty()) missing.add("столбцы заданий вида «1 (2б)»");
    return missing;
  }

  /** A header under construction: the first column of each role counts. */
  static final class Builder {
    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final List<TaskColumn> tasks = new ArrayList<>();
    private String personalData;

    void column(Column column, int index) {
      columns.putIfAbsent(column, index);
    }

    void task(TaskColumn column) {
      tasks.add(column);
    }

    void personalData(String header) {
      if (personalData == null) personalData = header;
    }

    FormHeader build() {
      return new FormHeader(columns, tasks, personalData);
    }
  }
}
