package ru.vpr.ingest.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.RejectReason;

/**
 * A participant code must be unique within school × work. When it is not, no one can tell which row is
 * the pupil's, so EVERY occurrence is refused and the message lists all their rows. The codes are
 * gathered in a first pass over the form ({@link #add}), so that the rows can then be checked as they
 * stream by; only the repeated codes keep their row numbers.
 */
public final class DuplicateCodes {
  /** The first row of every (login, code); then the rows of those seen more than once. */
  private final Map<String, Integer> firstRow = new HashMap<>();
  private final Map<String, List<Integer>> repeated = new HashMap<>();

  /** Notes a row whose school and code are known (rows without either are refused for that already). */
  public void add(String login, String code, int rowNumber) {
    if (login == null || code == null) return;
    String key = key(login, code);
    Integer first = firstRow.putIfAbsent(key, rowNumber);
    if (first != null) repeated.computeIfAbsent(key, k -> new ArrayList<>(List.of(first))).add(rowNumber);
  }

  public boolean any() {
    return !repeated.isEmpty();
  }

  /** The row checked again: refused also as a duplicate when its code appears more than once. */
  public RowCheck check(RowCheck check, String raw) {
    if (repeated.isEmpty() || check.code() == null || check.login() == null) return check;
    List<Integer> rows = repeated.get(key(check.login(), check.code()));
    if (rows == null) return check;
    RejectReason reason = RejectReason.DUPLICATE_CODE;
    String all = rows.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return check.refusedAlsoFor(new RejectRecord(check.rowNumber(), check.login(), check.code(), reason.code(),
        reason.message(check.code(), all), reason.severity(), raw));
  }

  private static String key(String login, String code) {
    return login + "\u0000" + code;
  }
}
