package ru.vpr.ingest.validate;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.FormOutcome.ResultRecord;

/**
 * The verdict on one data row: either a result (perhaps with warnings) or the errors that refuse it.
 *
 * @param login the school the row belongs to (for a regional export, as the row says; null if blank)
 * @param code the participant code when it is valid, else null
 * @param result the accepted row; null when {@code errors} is not empty
 */
public record RowCheck(
    int rowNumber, String login, String code, List<RejectRecord> errors, List<RejectRecord> warnings,
    ResultRecord result) {

  public RowCheck {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean refused() {
    return !errors.isEmpty();
  }

  /** This row refused for one more error; a refused row's warnings no longer matter. */
  public RowCheck refusedAlsoFor(RejectRecord error) {
    List<RejectRecord> all = new ArrayList<>(errors);
    all.add(error);
    return new RowCheck(rowNumber, login, code, all, List.of(), null);
  }

  /** Errors then warnings, as they go into the rejects table. */
  public List<RejectRecord> rejects() {
    List<RejectRecord> all = new ArrayList<>(errors);
    all.addAll(warnings);
    return all;
  }
}
