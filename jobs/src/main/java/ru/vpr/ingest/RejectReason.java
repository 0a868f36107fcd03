package ru.vpr.ingest;

/**
 * Why a file or a row was refused (or, for warnings, accepted with a field cleared). The code goes
 * into {@code rejects.reason} for machines; the message is for the school coordinator, in Russian.
 */
public enum RejectReason {
  // Whole-file reasons: the file itself is broken, none of its rows enter the tables.
  UNREADABLE_FILE("unreadable_file", Scope.FILE, "Файл не удалось прочитать: %s. Сохраните форму заново в формате xlsx или csv и загрузите повторно."),
  UNSUPPORTED_FORMAT("unsupported_format", Scope.FILE, "Формат файла не поддерживается (%s). Загрузите форму в формате xlsx или csv."),
  EMPTY_FILE("empty_file", Scope.FILE, "Файл пуст: в нём нет ни одной строки с результатами участников."),
  FILE_TOO_LARGE("file_too_large", Scope.FILE, "Файл слишком велик: %s. Разделите выгрузку на части (например, по муниципалитетам) или сохраните её заново из ФИС ОКО."),
  LINK_NOT_FOLLOWED("symlink", Scope.FILE, "Это не файл, а символическая ссылка (%s); по ссылкам файлы не читаются: положите в папку приёма сам файл."),
  UNPLACED_FILE("unknown_work", Scope.FILE, "По папкам и имени файла не удалось определить работу (год, предмет, класс): %s. Положите файл в папку year=<год>/subject=<предмет>/grade=<класс> или оставьте ему имя, которое дала ФИС ОКО, например «Проведение работы по математике, 4 класс. ВПР 2021.xlsx»."),
  MISSING_COLUMN("missing_column", Scope.FILE, "В таблице нет обязательного столбца: %s. Проверьте строку заголовков формы сбора результатов."),
  TASK_MISMATCH("task_mismatch", Scope.FILE, "Столбцы заданий не совпадают с описанием работы: %s. Используйте форму сбора результатов этого года."),
  UNKNOWN_SCHOOL("unknown_school", Scope.FILE, "Логин ОО не найден в реестре школ: %s. Проверьте имя файла или столбец «Логин ОО»."),
  UNKNOWN_WORK("unknown_work", Scope.FILE, "Нет описания работы для %s. Проверьте год, предмет и класс в пути к файлу."),
  PERSONAL_DATA("personal_data", Scope.FILE, "Файл содержит персональные данные (столбец «%s»). Передавать можно только коды участников: удалите столбец и загрузите файл заново. Строки файла не загружены."),
  DUPLICATE_WORK("duplicate_work", Scope.FILE, "Результаты школы %s по этой работе уже загружены из другого файла (%s); этот файл не загружен."),

  // Row reasons: only the row is refused.
  INVALID_CODE("invalid_code", Scope.ROW, "Код участника «%s» должен состоять из 4–6 цифр."),
  DUPLICATE_CODE("duplicate_code", Scope.ROW, "Код участника %s встречается в работе несколько раз (строки %s). Каждому участнику нужен свой код."),
  INVALID_VARIANT("invalid_variant", Scope.ROW, "Вариант «%s» должен быть целым положительным числом или «отсутствовал»."),
  SCORE_NOT_NUMBER("score_not_number", Scope.ROW, "Балл за задание %s («%s») не число. Допустимы целые баллы или X (не приступал)."),
  SCORE_NEGATIVE("score_negative", Scope.ROW, "Балл за задание %s (%s) отрицательный."),
  SCORE_ABOVE_MAX("score_above_max", Scope.ROW, "Балл за задание %s (%s) больше максимального (%s)."),
  MISSING_SCORE("missing_score", Scope.ROW, "Не заполнен балл за задание %s. Поставьте балл или X, если участник не приступал к заданию."),
  ROW_UNKNOWN_SCHOOL("unknown_school", Scope.ROW, "Логин ОО «%s» в строке не найден в реестре школ."),

  // Warnings: the row is kept (a field cleared or read as best it can be), and the coordinator is told.
  INVALID_JOURNAL_MARK("invalid_journal_mark", Scope.WARNING, "Отметка за предыдущий период «%s» не распознана (допустимы 2–5 или пусто); строка загружена без отметки."),
  ABSENT_WITH_SCORES("absent_with_scores", Scope.WARNING, "Участник отмечен как отсутствовавший, но у него заполнены баллы; баллы не учтены."),
  INVALID_CLASS("invalid_class", Scope.WARNING, "Класс «%s» не распознан; строка загружена, класс записан как «%s». Укажите класс в виде «5А», буквой класса или «нет», если класс в параллели один."),
  CLASS_GRADE_MISMATCH("class_grade_mismatch", Scope.WARNING, "Класс «%s» не относится к %s классу, для которого проводится работа; строка загружена с классом «%s»."),
  TOTAL_MISMATCH("total_mismatch", Scope.WARNING, "В файле сумма баллов «%s», а сумма баллов за задания %s; учтена сумма по заданиям."),
  MARK_MISMATCH("mark_mismatch", Scope.WARNING, "В файле отметка «%s», а по сумме баллов %s и шкале работы выходит %s; учтена отметка по шкале.");

  public static final String ERROR = "error";
  public static final String WARNING = "warning";

  /** What a reason stops: the whole file, the row, or nothing (a warning on a kept row). */
  public enum Scope { FILE, ROW, WARNING }

  private final String code;
  private final Scope scope;
  private final String messageTemplate;

  RejectReason(String code, Scope scope, String messageTemplate) {
    this.code = code;
    this.scope = scope;
    this.messageTemplate = messageTemplate;
  }

  public String code() {
    return code;
  }

  public boolean wholeFile() {
    return scope == Scope.FILE;
  }

  public boolean isWarning() {
    return scope == Scope.WARNING;
  }

  public String severity() {
    return isWarning() ? WARNING : ERROR;
  }

  public String message(Object... args) {
    return String.format(messageTemplate, args);
  }
}
