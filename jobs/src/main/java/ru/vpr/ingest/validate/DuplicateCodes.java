package ru.vpr.ingest.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.vpr.ingest.RejectReason;
import ru.vpr.ingest.FormOutcome.RejectRecord;

/**
 * A participant code must be unique within school × work. When it is not, no one can tell which row is
 * the pupil's, so EVERY occurrence is refused and the message lists all their rows.
 */
public final class DuplicateCodes {
  private DuplicateCodes() {}

  /**
   * @param checks the rows of one work (one file), any schools
   * @param rawByRow each row's cells joined, for the rejects' {@code raw}
   */
  public static List<RowCheck> refuseDuplicates(List<RowCheck> checks, Map<Integer, String> rawByRow) {
    Map<String, List<RowCheck>> byKey = new LinkedHashMap<>();
    for (RowCheck check : checks) {
      if (check.code() == null || check.login() == null) continue;
      byKey.computeIfAbsent(check.login() + "\u0000" + check.code(), k -> new ArrayList<>()).add(check);
    }
    Map<Integer, RejectRecord> duplicates = new LinkedHashMap<>();
    for (List<RowCheck> group : byKey.values()) {
      if (group.size() < 2) continue;
      String rows = group.stream().map(c -> String.valueOf(c.rowNumber())).collect(Collectors.joining(", "));
      for (RowCheck c : group) {
        RejectReason reason = RejectReason.DUPLICATE_CODE;
        duplicates.put(c.rowNumber(), new RejectRecord(c.rowNumber(), c.login(), c.code(), reason.code(),
            reason.message(c.code(), rows), reason.severity(), rawByRow.get(c.rowNumber())));
      }
    }
    if (duplicates.isEmpty()) return checks;
    List<RowCheck> out = new ArrayList<>(checks.size());
    for (RowCheck c : checks) {
      RejectRecord duplicate = duplicates.get(c.rowNumber());
      out.add(duplicate == null ? c : c.refusedAlsoFor(duplicate));
    }
    return out;
  }
}
