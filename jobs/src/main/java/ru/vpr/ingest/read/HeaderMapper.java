package ru.vpr.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a header row to column roles (contract §1.1). Names match case-insensitively, trimmed, with any
 * run of spaces as one; when a role's column appears twice the first one counts. Unknown columns are
 * ignored, except personal data.
 */
public final class HeaderMapper {
  private HeaderMapper() {}

  public static FormHeader map(List<String> header) {
    int code = FormHeader.NONE;
    int sex = FormHeader.NONE;
    int variant = FormHeader.NONE;
    int className = FormHeader.NONE;
    int journal = FormHeader.NONE;
    int textbook = FormHeader.NONE;
    int login = FormHeader.NONE;
    String personal = null;
    List<FormHeader.TaskColumn> tasks = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = HeaderText.normalise(header.get(i));
      if (name.isEmpty()) continue;
      switch (role(name)) {
        case CODE -> code = firstOf(code, i);
        case SEX -> sex = firstOf(sex, i);
        case VARIANT -> variant = firstOf(variant, i);
        case CLASS -> className = firstOf(className, i);
        case JOURNAL_MARK -> journal = firstOf(journal, i);
        case TEXTBOOK -> textbook = firstOf(textbook, i);
        case LOGIN -> login = firstOf(login, i);
        case PERSONAL_DATA -> personal = personal != null ? personal : header.get(i).trim();
        case OTHER -> {
          Optional<TaskHeader> task = TaskHeader.parse(name);
          if (task.isPresent()) tasks.add(new FormHeader.TaskColumn(i, header.get(i).trim(), task.get()));
        }
      }
    }
    return new FormHeader(code, sex, variant, className, journal, textbook, login, tasks, personal);
  }

  enum Role { CODE, SEX, VARIANT, CLASS, JOURNAL_MARK, TEXTBOOK, LOGIN, PERSONAL_DATA, OTHER }

  /** The role of a normalised header name. */
  static Role role(String name) {
    return switch (name) {
      case "код", "код участника" -> Role.CODE;
      case "пол" -> Role.SEX;
      case "вариант" -> Role.VARIANT;
      case "наименование класса", "класс" -> Role.CLASS;
      case "учебник" -> Role.TEXTBOOK;
      case "логин оо" -> Role.LOGIN;
      default -> {
        if (name.startsWith("отметка за предыдущ")) yield Role.JOURNAL_MARK;
        if (name.startsWith("учебник")) yield Role.TEXTBOOK;
        if (PersonalDataColumns.isPersonalData(name)) yield Role.PERSONAL_DATA;
        yield Role.OTHER;
      }
    };
  }

  private static int firstOf(int current, int index) {
    return current == FormHeader.NONE ? index : current;
  }
}
