package ru.vpr.ingest;

/**
 * Why a file or a row was refused (or, for warnings, accepted with a field cleared). The code goes
 * into {@code rejects.reason} for machines; the message is for the school coordinator, in Russian.
 */
public enum RejectReason {
  // Whole-file reasons: the file itself is broken, none of its rows enter the tables.
  UNREADABLE_FILE("unreadable_file", true, "Файл не удалось прочитать: %s. Сохраните форму заново в формате xlsx или csv и загрузите повторно."),
  UNSUPPORTED_FORMAT("unsupported_format", true, "Формат файла не поддерживается (%s). Загрузите форму в формате xlsx или csv."),
  EMPTY_FILE("empty_file", true, "Файл пуст: в нём нет ни одной строки с результатами участников."),
  BAD_LOCATION("bad_location", true, "Файл лежит вне папок year=<год>/subject=<предмет>/grade=<класс>: %s. Неизвестно, к какой работе он относится."),
  MISSING_COLUMN("missing_column", true, "В таблице нет обязательного столбца: %s. Проверьте строку заголовков формы сбора результатов."),
  TASK_MISMATCH("task_mismatch", true, "Столбцы заданий не совпадают с описанием работы: %s. Используйте форму сбора результатов этого года."),
  UNKNOWN_SCHOOL("unknown_school", true, "Логин ОО не найден в реестре школ: %s. Проверьте имя файла или столбец «Логин ОО»."),
  UNKNOWN_WORK("unknown_work", true, "Нет описания работы для %s. Проверьте год, предмет и класс в пути к файлу."),
  PERSONAL_DATA("personal_data", true, "Файл содержит персональные данные (столбец «%s»). Передавать можно только коды участников: удалите столбец и загрузите файл заново. Строки файла не загружены."),
  DUPLICATE_WORK("duplicate_work", true, "Результаты школы %s по этой работе уже загружены из другого файла (%s); этот файл не загружен."),

  // Row reasons: only the row is refused.
  INVALID_CODE("invalid_code", false, "Код участника «%s» должен состоять из 4–6 цифр."),
  DUPLICATE_CODE("duplicate_code", false, "Код участника %s встречается в работе несколько раз (строки %s). Каждому участнику нужен свой код."),
  INVALID_VARIANT("invalid_variant", false, "Вариант «%s» должен быть целым положительным числом или «отсутствовал»."),
  SCORE_NOT_NUMBER("score_not_number", false, "Балл за задание %s («%s») не число. Допустимы целые баллы или X (не приступал)."),
  SCORE_NEGATIVE("score_negative", false, "Балл за задание %s (%s) отрицательный."),
  SCORE_ABOVE_MAX("score_above_max", false, "Балл за задание %s (%s) больше максимального (%s)."),
  MISSING_SCORE("missing_score", false, "Не заполнен балл за задание %s. Поставьте балл или X, если участник не приступал к заданию."),
  INVALID_CLASS("invalid_class", false, "Класс «%s» не распознан. Укажите класс в виде «5А»."),
  CLASS_GRADE_MISMATCH("class_grade_mismatch", false, "Класс «%s» не относится к %s классу, для которого проводится работа."),
  ROW_UNKNOWN_SCHOOL("unknown_school", false, "Логин ОО «%s» в строке не найден в реестре школ."),

  // Warnings: the row is kept, the field is cleared, and the coordinator is told.
  INVALID_JOURNAL_MARK("invalid_journal_mark", false, "Отметка за предыдущий период «%s» не распознана (допустимы 2–5 или пусто); строка загружена без отметки."),
  ABSENT_WITH_SCORES("absent_with_scores", false, "Участник отмечен как отсутствовавший, но у него заполнены баллы; баллы не учтены.");

  public static final String ERROR = "error";
  public static final String WARNING = "warning";

  private final String code;
  private final boolean wholeFile;
  private final String messageTemplate;

  RejectReason(String code, boolean wholeFile, String messageTemplate) {
    this.code = code;
    this.wholeFile = wholeFile;
    this.messageTemplate = messageTemplate;
  }

  public String code() {
    return code;
  }

  public boolean wholeFile() {
    return wholeFile;
  }

  public boolean isWarning() {
    return this == INVALID_JOURNAL_MARK || this == ABSENT_WITH_SCORES;
  }

  public String severity() {
    return isWarning() ? WARNING : ERROR;
  }

  public String message(Object... args) {
    return String.format(messageTemplate, args);
  }
}
