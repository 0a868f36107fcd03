package ru.vpr.ingest.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.FormOutcome.ResultRecord;
import ru.vpr.ingest.FormOutcome.TaskScore;
import ru.vpr.ingest.RejectReason;
import ru.vpr.ingest.read.FormHeader;
import ru.vpr.ingest.read.HeaderText;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkSpec;

/**
 * Checks one participant row against the work's spec (contract §1.1) and turns it into a result. Every
 * problem of the row is reported, so the coordinator can fix the row in one go; any error refuses it.
 * Uniqueness of codes spans rows and is checked by {@link DuplicateCodes}.
 */
public final class RowValidator {
  private final WorkSpec spec;
  private final FormHeader header;
  /** Spec tasks in spec order, each with the form column that holds it. */
  private final List<TaskSpec> tasks;
  private final int[] taskColumns;

  /** @param header a header whose task columns match the spec (checked by {@link TaskColumnsCheck}) */
  public RowValidator(WorkSpec spec, FormHeader header) {
    this.spec = spec;
    this.header = header;
    Map<String, TaskSpec> byCode = TaskColumnsCheck.specByCanonicalCode(spec);
    this.tasks = List.copyOf(byCode.values());
    this.taskColumns = new int[tasks.size()];
    List<String> codes = List.copyOf(byCode.keySet());
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      taskColumns[i] = header.tasks().stream().filter(c -> c.task().code().equals(code))
          .mapToInt(FormHeader.TaskColumn::index).findFirst().orElse(FormHeader.NONE);
    }
  }

  public RowCheck check(RawRow row, String login) {
    List<RejectRecord> errors = new ArrayList<>();
    List<RejectRecord> warnings = new ArrayList<>();

    String codeText = row.cell(header.code()).trim();
    String code = CellValues.isParticipantCode(codeText) ? codeText : null;
    if (code == null) errors.add(Rejects.of(RejectReason.INVALID_CODE, row, login, null, codeText));

    String className = checkClass(row, login, code, errors);

    String variantText = row.cell(header.variant()).trim();
    boolean absent = CellValues.isAbsent(variantText);
    Integer variant = null;
    if (!absent) {
      variant = CellValues.wholeNumber(variantText);
      if (variant == null || variant <= 0) {
        variant = null;
        errors.add(Rejects.of(RejectReason.INVALID_VARIANT, row, login, code, variantText));
      }
    }

    List<TaskScore> scores = absent ? List.of() : checkScores(row, login, code, errors);
    if (absent && hasAnyScore(row)) warnings.add(Rejects.of(RejectReason.ABSENT_WITH_SCORES, row, login, code));
    Integer journalMark = checkJournalMark(row, login, code, warnings);

    if (!errors.isEmpty()) return new RowCheck(row.rowNumber(), login, code, errors, List.of(), null);
    Integer primary = absent ? null : scores.stream().filter(s -> s.score() != null).mapToInt(TaskScore::score).sum();
    Integer mark = absent ? null : spec.scale().markFor(primary);
    ResultRecord result = new ResultRecord(row.rowNumber(), login, className, code,
        header.sex() == FormHeader.NONE ? null : CellValues.sex(row.cell(header.sex())),
        variant, absent, journalMark,
        header.textbook() == FormHeader.NONE ? null : CellValues.textOrNull(row.cell(header.textbook())),
        scores, primary, mark);
    return new RowCheck(row.rowNumber(), login, code, List.of(), warnings, result);
  }

  private String checkClass(RawRow row, String login, String code, List<RejectRecord> errors) {
    String text = row.cell(header.className()).trim();
    Optional<ClassNames.SchoolClass> parsed = ClassNames.parse(text);
    if (parsed.isEmpty()) {
      errors.add(Rejects.of(RejectReason.INVALID_CLASS, row, login, code, text));
      return null;
    }
    if (parsed.get().grade() != spec.key().grade()) {
      errors.add(Rejects.of(RejectReason.CLASS_GRADE_MISMATCH, row, login, code, text, spec.key().grade()));
      return null;
    }
    return parsed.get().name();
  }

  /** One score per spec task in spec order; null is X. Bad cells become errors, one per cell. */
  private List<TaskScore> checkScores(RawRow row, String login, String code, List<RejectRecord> errors) {
    List<TaskScore> scores = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      TaskSpec task = tasks.get(i);
      String text = row.cell(taskColumns[i]).trim();
      Integer score = null;
      if (text.isEmpty()) {
        errors.add(Rejects.of(RejectReason.MISSING_SCORE, row, login, code, task.code()));
      } else if (!CellValues.isNotAttempted(text)) {
        score = CellValues.wholeNumber(text);
        if (score == null) {
          errors.add(Rejects.of(RejectReason.SCORE_NOT_NUMBER, row, login, code, task.code(), text));
        } else if (score < 0) {
          errors.add(Rejects.of(RejectReason.SCORE_NEGATIVE, row, login, code, task.code(), text));
        } else if (score > task.max()) {
          errors.add(Rejects.of(RejectReason.SCORE_ABOVE_MAX, row, login, code, task.code(), text, task.max()));
        }
      }
      scores.add(new TaskScore(task.code(), score));
    }
    return scores;
  }

  /** An X in an absent pupil's task cell is harmless; any other content is a score that will be dropped. */
  private boolean hasAnyScore(RawRow row) {
    for (int column : taskColumns) {
      String text = row.cell(column).trim();
      if (!text.isEmpty() && !CellValues.isNotAttempted(text)) return true;
    }
    return false;
  }

  private Integer checkJournalMark(RawRow row, String login, String code, List<RejectRecord> warnings) {
    if (header.journalMark() == FormHeader.NONE) return null;
    String text = row.cell(header.journalMark()).trim();
    if (text.isEmpty() || HeaderText.normalise(text).equals("нет отметки")) return null;
    Integer mark = CellValues.wholeNumber(text);
    if (mark != null && mark >= 2 && mark <= 5) return mark;
    warnings.add(Rejects.of(RejectReason.INVALID_JOURNAL_MARK, row, login, code, text));
    return null;
  }
}
