package ru.vpr.cli;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which statements {@code bin/vpr sql} runs without {@code --write}: queries and what only reads the
 * catalog. The catalog may be shared (a PostgreSQL metastore), and {@code DROP TABLE vpr.runs} must not
 * be one typo away. Session variables ({@code DECLARE}, {@code SET VAR}) are allowed: they live in the
 * session only. Judged on the text, before Spark starts: the first keyword after comments and
 * parentheses, and for a {@code WITH} query no writing keyword outside quotes and comments.
 */
final class ReadOnlySql {
  private static final Set<String> READING = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "VALUES",
      "TABLE", "FROM");
  private static final Pattern WRITING = Pattern.compile("\\b(INSERT|MERGE|DELETE|UPDATE|DROP|CREATE|ALTER|TRUNCATE)\\b");

  private ReadOnlySql() {}

  /** Null when the statement only reads; otherwise why it is refused. */
  static String refusal(String statement) {
    String text = withoutCommentsAndQuotes(statement).trim();
    while (text.startsWith("(")) text = text.substring(1).trim();
    String first = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    // Session variables live only in this session and change nothing in the catalog: the analysts'
    // SQL files (notebooks/sql) set their parameters with them.
    if (first.equals("DECLARE") || first.equals("SET") && text.toUpperCase(Locale.ROOT).matches("SET\\s+VAR(IABLE)?\\s.*")) {
      return null;
    }
    if (!READING.contains(first)) {
      return "refused: '" + first + "' changes the catalog, and bin/vpr sql only reads unless given --write "
          + "(queries: SELECT, WITH, SHOW, DESCRIBE, EXPLAIN)";
    }
    if (first.equals("WITH") && WRITING.matcher(text.toUpperCase(Locale.ROOT)).find()) {
      return "refused: this WITH statement writes, and bin/vpr sql only reads unless given --write";
    }
    return null;
  }

  /** The statement with comments removed and quoted text ('...', "...", `...`) emptied. */
  private static String withoutCommentsAndQuotes(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
        out.append(' ');
      } else if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) j += s.charAt(j) == '\\' ? 2 : 1;
        out.append(c).append(c);
        i = j + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
