package ru.vpr.bench.duckdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each column of the forms read together means. DuckDB reads all forms into one table whose
 * columns are the union of every header spelling ({@code Код} and {@code Код участника}, {@code 5.1 (1б)}
 * and {@code 5(1) (1б)} ...); an analyst looks at that list once and says which column is which. This
 * is that look, written down after the contract (§1.1), independently of the ingest's own header code,
 * so that the check against the pipeline compares two readings of the forms.
 *
 * @param tasks header as read to canonical task code ({@code 1 К1 (4б)} to {@code 1К1})
 */
public record FormColumns(
    List<String> code, List<String> variant, List<String> className, List<String> journal, List<String> login,
    Map<String, String> tasks) {

  private static final Pattern TASK = Pattern.compile(
      "(?<num>\\d{1,3})(?:\\s*[.,]\\s*(?<sub>\\d{1,3})|\\s*[кk]\\s*(?<crit>\\d{1,2})|\\s*\\(\\s*(?<paren>\\d{1,3})\\s*\\))?"
          + "(?:\\s*\\(\\s*\\d{1,3}\\s*б\\s*\\))?");

  public FormColumns {
    code = List.copyOf(code);
    variant = List.copyOf(variant);
    className = List.copyOf(className);
    journal = List.copyOf(journal);
    login = List.copyOf(login);
    tasks = Map.copyOf(tasks);
  }

  /** Sorts the union's columns into roles; anything else (sex, textbook, file name, folders) is not needed. */
  public static FormColumns of(List<String> columns) {
    List<String> code = new ArrayList<>();
    List<String> variant = new ArrayList<>();
    List<String> className = new ArrayList<>();
    List<String> journal = new ArrayList<>();
    List<String> login = new ArrayList<>();
    Map<String, String> tasks = new LinkedHashMap<>();
    for (String column : columns) {
      String name = normalise(column);
      switch (name) {
        case "код", "код участника" -> code.add(column);
        case "вариант" -> variant.add(column);
        case "класс", "наименование класса" -> className.add(column);
        case "логин оо" -> login.add(column);
        default -> {
          if (name.startsWith("отметка за предыдущ")) {
            journal.add(column);
          } else {
            String task = canonicalTask(name);
            if (task != null) tasks.put(column, task);
          }
        }
      }
    }
    if (code.isEmpty() || variant.isEmpty() || className.isEmpty() || tasks.isEmpty()) {
      throw new IllegalArgumentException("the forms lack code, variant, class or task columns: " + columns);
    }
    return new FormColumns(code, variant, className, journal, login, tasks);
  }

  /** The canonical code of a task header ({@code 5(1) (1б)} to {@code 5.1}), or null for another column. */
  static String canonicalTask(String normalisedHeader) {
    Matcher m = TASK.matcher(normalisedHeader);
    if (!m.matches()) return null;
    String num = String.valueOf(Integer.parseInt(m.group("num")));
    String sub = m.group("sub") != null ? m.group("sub") : m.group("paren");
    if (sub != null) return num + "." + Integer.parseInt(sub);
    if (m.group("crit") != null) return num + "К" + Integer.parseInt(m.group("crit"));
    return num;
  }

  private static String normalise(String header) {
    return header.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
