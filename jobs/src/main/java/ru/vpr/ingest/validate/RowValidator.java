package ru.vpr.ingest.validate;

import java.util.ArrayList;
import java.util.List;
import ru.vpr.ingest.FormOutcome.RejectRecord;
import ru.vpr.ingest.FormOutcome.ResultRecord;
import ru.vpr.ingest.FormOutcome.TaskScore;
import ru.vpr.ingest.RejectReason;
import ru.vpr.ingest.read.FormHeader;
import ru.vpr.ingest.read.FormHeader.Column;
import ru.vpr.ingest.read.RawRow;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkSpec;

/**
 * Checks one participant row against the work's spec (contract §1.1, §1.4) and turns it into a result.
 * Every problem of the row is reported, so the coordinator can fix the row in one go. A row is refused only
 * when it cannot be used: no valid code, a variant that is not a positive integer, a score that is not a
 * score or above the task's max. Whatever else is odd (the class, the journal mark, FIS OKO's own total)
 * keeps the row with a warning. Uniqueness of codes spans rows and is checked by {@link DuplicateCodes}.
 */
public final class RowValidator {
  private final WorkSpec spec;
  private final FormHeader header;
  private final List<TaskSpec> tasks;
  private final int[] taskColumns;

  /** @param binding the form's task columns bound to the spec, as {@link TaskColumnsCheck} matched them */
  public RowValidator(WorkSpec spec, FormHeader header, TaskColumnsCheck.Binding binding) {
    this.spec = spec;
    this.header = header;
    this.tasks = binding.tasks();
    this.taskColumns = binding.columns().clone();
  }

  public RowCheck check(RawRow row, String login) {
    List<RejectRecord> errors = new ArrayList<>();
    List<RejectRecord> warnings = new ArrayList<>();

    String codeText = row.cell(header.code());
    String code = CellValues.isParticipantCode(codeText) ? codeText : null;
    if (code == null) errors.add(Rejects.of(RejectReason.INVALID_CODE, row, login, null, codeText));

    String variantText = row.cell(header.variant());
    boolean absent = CellValues.isAbsent(variantText);
    Integer variant = null;
    if (!absent) {
      variant = CellValues.wholeNumber(variantText);
      if (variant == null || variant <= 0) {
        variant = null;
        errors.add(Rejects.of(RejectReason.INVALID_VARIANT, row, login, code, variantText));
      }
    }
    String className = className(row, login, code, warnings);

    List<TaskScore> scores = absent ? List.of() : checkScores(row, login, code, errors);
    if (absent && hasAnyScore(row)) warnings.add(Rejects.of(RejectReason.ABSENT_WITH_SCORES, row, login, code));
    Integer journalMark = checkJournalMark(row, login, code, warnings);

    if (!errors.isEmpty()) return new RowCheck(row.rowNumber(), login, code, errors, List.of(), null);
    Integer primary = absent ? null : scores.stream().filter(s -> s.score() != null).mapToInt(TaskScore::score).sum();
    Integer mark = absent ? null : spec.scale().markFor(primary);
    if (!absent) compareReported(row, login, code, primary, mark, warnings);
    ResultRecord result = new ResultRecord(row.rowNumber(), login, className, code,
        header.sex() == FormHeader.NONE ? null : CellValues.sex(row.cell(header.sex())),
        variant, absent, journalMark,
        header.textbook() == FormHeader.NONE ? null : CellValues.textOrNull(row.cell(header.textbook())),
        scores, primary, mark);
    return new RowCheck(row.rowNumber(), login, code, List.of(), warnings, result);
  }

  /** The class label; an odd cell is read as well as it can be and told as a warning, never refused. */
  private String className(RawRow row, String login, String code, List<RejectRecord> warnings) {
    String text = row.cell(header.className());
    ClassNames.SchoolClass parsed = ClassNames.parse(text, spec.key().grade());
    switch (parsed.issue()) {
      case OTHER_GRADE -> warnings.add(Rejects.of(RejectReason.CLASS_GRADE_MISMATCH, row, login, code, text,
          spec.key().grade(), parsed.name()));
      case UNRECOGNISED -> warnings.add(Rejects.of(RejectReason.INVALID_CLASS, row, login, code, text, parsed.name()));
      case NONE -> { }
    }
    return parsed.name();
  }

  /** One score per spec task in spec order; null is X. Bad cells become errors, one per cell. */
  private List<TaskScore> checkScores(RawRow row, String login, String code, List<RejectRecord> errors) {
    List<TaskScore> scores = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      TaskSpec task = tasks.get(i);
      String text = row.cell(taskColumns[i]);
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
      String text = row.cell(column);
      if (!text.isEmpty() && !CellValues.isNotAttempted(text)) return true;
    }
    return false;
  }

  private Integer checkJournalMark(RawRow row, String login, String code, List<RejectRecord> warnings) {
    if (header.journalMark() == FormHeader.NONE) return null;
    String text = row.cell(header.journalMark());
    if (CellValues.isNoMark(text)) return null;
    Integer mark = CellValues.wholeNumber(text);
    if (mark != null && mark >= 2 && mark <= 5) return mark;
    warnings.add(Rejects.of(RejectReason.INVALID_JOURNAL_MARK, row, login, code, text));
    return null;
  }

  /**
   * FIS OKO's exports and the collection form carry their own total (and sometimes a mark). The task cells
   * are the truth; a disagreement (a total that counts columns past the work's tasks, a form's formula
   * left over from another year) is a warning, so that it is counted and can be looked at.
   */
  private void compareReported(RawRow row, String login, String code, int primary, int mark, List<RejectRecord> warnings) {
    String total = row.cell(header.index(Column.REPORTED_TOTAL));
    if (!total.isEmpty()) {
      Integer reported = CellValues.wholeNumber(total);
      if (reported == null || reported != primary) {
        warnings.add(Rejects.of(RejectReason.TOTAL_MISMATCH, row, login, code, total, primary));
      }
    }
    String markText = row.cell(header.index(Column.REPORTED_MARK));
    if (!markText.isEmpty()) {
      Integer reported = CellValues.wholeNumber(markText);
      if (reported == null || reported != mark) {
        warnings.add(Rejects.of(RejectReason.MARK_MISMATCH, row, login, code, markText, primary, mark));
      }
    }
  }
}
