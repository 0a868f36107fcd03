package ru.vpr.ingest.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.vpr.ingest.read.FormHeader.Column;

/**
 * Maps a header row to column roles (contract §1.1 and the real layouts of §1.4). Names match
 * case-insensitively, trimmed, with any run of spaces as one; when a role's column appears twice the
 * first one counts. Unknown columns are ignored, except personal data.
 */
public final class HeaderMapper {
  /**
   * Every name a column is known by. The real exports name the same column differently each year
   * ({@code код обучающегося}, {@code Код}, {@code code}); a name is only listed when it is unambiguous:
   * {@code номер обучающегося} (a row number) and {@code id} are not the pupil's code.
   */
  private static final Map<String, Role> NAMES = Map.ofEntries(
      Map.entry("код", Role.CODE), Map.entry("код участника", Role.CODE), Map.entry("код обучающегося", Role.CODE),
      Map.entry("code", Role.CODE),
      Map.entry("пол", Role.SEX), Map.entry("gender", Role.SEX),
      Map.entry("вариант", Role.VARIANT), Map.entry("var-1", Role.VARIANT),
      Map.entry("наименование класса", Role.CLASS), Map.entry("класс", Role.CLASS), Map.entry("klass", Role.CLASS),
      Map.entry("otc", Role.JOURNAL_MARK),
      Map.entry("логин оо", Role.LOGIN), Map.entry("логин школы", Role.LOGIN), Map.entry("логин", Role.LOGIN),
      Map.entry("пользователь", Role.LOGIN), Map.entry("user", Role.LOGIN),
      Map.entry("школа", Role.SCHOOL), Map.entry("оо", Role.SCHOOL),
      Map.entry("муниципалитет", Role.MUNICIPALITY), Map.entry("муниципальное образование", Role.MUNICIPALITY),
      Map.entry("регион", Role.REGION),
      Map.entry("groups", Role.MUNICIPALITY_TAGS),
      Map.entry("всего баллов", Role.REPORTED_TOTAL), Map.entry("итого баллов", Role.REPORTED_TOTAL),
      Map.entry("итого", Role.REPORTED_TOTAL), Map.entry("sum", Role.REPORTED_TOTAL),
      Map.entry("первичный балл", Role.REPORTED_TOTAL), Map.entry("сумма баллов", Role.REPORTED_TOTAL),
      Map.entry("отметка", Role.REPORTED_MARK), Map.entry("отметка за работу", Role.REPORTED_MARK));

  private HeaderMapper() {}

  public static FormHeader map(List<String> header) {
    FormHeader.Builder built = new FormHeader.Builder();
    for (int i = 0; i < header.size(); i++) {
      String name = HeaderText.normalise(header.get(i));
      if (name.isEmpty()) continue;
      Role role = role(name);
      switch (role) {
        case PERSONAL_DATA -> built.personalData(header.get(i).trim());
        case OTHER -> {
          Optional<TaskHeader> task = TaskHeader.parse(name);
          if (task.isPresent()) built.task(new FormHeader.TaskColumn(i, header.get(i).trim(), task.get()));
        }
        default -> built.column(role.column, i);
      }
    }
    return built.build();
  }

  /** A column's role: one of the form's columns, personal data, or anything else (perhaps a task). */
  enum Role {
    CODE(Column.CODE), SEX(Column.SEX), VARIANT(Column.VARIANT), CLASS(Column.CLASS),
    JOURNAL_MARK(Column.JOURNAL_MARK), TEXTBOOK(Column.TEXTBOOK), LOGIN(Column.LOGIN), SCHOOL(Column.SCHOOL),
    MUNICIPALITY(Column.MUNICIPALITY), REGION(Column.REGION), MUNICIPALITY_TAGS(Column.MUNICIPALITY_TAGS),
    REPORTED_TOTAL(Column.REPORTED_TOTAL), REPORTED_MARK(Column.REPORTED_MARK), PERSONAL_DATA(null), OTHER(null);

    final Column column;

    Role(Column column) {
      this.column = column;
    }
  }

  /** The role of a normalised header name. */
  static Role role(String name) {
    Role known = NAMES.get(name);
    if (known != null) return known;
    if (name.startsWith("отметка за предыдущ")) return Role.JOURNAL_MARK;
    if (name.startsWith("учебник")) return Role.TEXTBOOK;
    if (PersonalDataColumns.isPersonalData(name)) return Role.PERSONAL_DATA;
    return Role.OTHER;
  }

  /** Whether a header cell names the participant code: how the header row is found under preamble rows. */
  static boolean isCodeColumn(String cell) {
    return NAMES.get(HeaderText.normalise(cell)) == Role.CODE;
  }
}
