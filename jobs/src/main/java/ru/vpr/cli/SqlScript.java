package ru.vpr.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at the semicolons that end them: not those inside quotes
 * ({@code '...'}, {@code "..."}, {@code `...`}) or comments ({@code --} to the end of the line,
 * {@code /* ... *}{@code /}). Text after the last semicolon is an unfinished statement: the shell waits
 * for more lines, a script runs it as the last.
 */
final class SqlScript {
  private final StringBuilder pending = new StringBuilder();

  /** Adds text (a line, with its line end, or a whole script); returns the statements it completed. */
  List<String> add(String text) {
    pending.append(text);
    List<String> done = new ArrayList<>();
    int start = 0;
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    String s = pending.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (lineComment) {
        if (c == '\n') lineComment = false;
      } else if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
        }
      } else if (quote != 0) {
        if (c == '\\' && quote != '`') i++;  // Spark's string literals take backslash escapes
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '-' && next == '-') {
        lineComment = true;
        i++;
      } else if (c == '/' && next == '*') {
        blockComment = true;
        i++;
      } else if (c == ';') {
        String statement = s.substring(start, i).trim();
        if (!statement.isEmpty() && !onlyComments(statement)) done.add(statement);
        start = i + 1;
      }
    }
    pending.setLength(0);
    pending.append(s.substring(start));
    return done;
  }

  /** Whether part of a statement is waiting for its semicolon. */
  boolean unfinished() {
    String rest = pending.toString().trim();
    return !rest.isEmpty() && !onlyComments(rest);
  }

  /** The unfinished statement, taken out (a script's last statement may lack its semicolon). */
  String rest() {
    String rest = pending.toString().trim();
    pending.setLength(0);
    return rest.isEmpty() || onlyComments(rest) ? null : rest;
  }

  /** All statements of a whole script, the last one with or without its semicolon. */
  static List<String> statements(String script) {
    SqlScript s = new SqlScript();
    List<String> all = new ArrayList<>(s.add(script));
    String last = s.rest();
    if (last != null) all.add(last);
    return all;
  }

  private static boolean onlyComments(String text) {
    String stripped = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)--.*$", "").trim();
    return stripped.isEmpty();
  }
}
