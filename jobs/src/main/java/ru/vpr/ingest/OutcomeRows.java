package ru.vpr.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import ru.vpr.reference.School;
import ru.vpr.spark.Columns;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * One landing file's outcome as Spark rows with nested arrays, so that a file is parsed once and every
 * table (results, task scores, raw rows, rejects, file audit) is an explode of them. A file is one row per
 * chunk of its rows ({@link FormProcessor#CHUNK_ROWS}): a region's export of a million rows as one row
 * would pass Spark's two-gigabyte limit on a row, and the memory of the task that builds it. Chunk 0
 * always exists and speaks for the file (its kind, size, checksum).
 */
final class OutcomeRows {
  private OutcomeRows() {}

  static final StructType SCORE = createStructType(List.of(
      createStructField("task", StringType, false),
      createStructField("task_order", IntegerType, false),
      createStructField("score", IntegerType, true),
      createStructField("max", IntegerType, false)));

  static final StructType RESULT = createStructType(List.of(
      createStructField("row_number", IntegerType, false),
      createStructField("login", StringType, true),
      createStructField("municipality_code", StringType, true),
      createStructField("class", StringType, true),
      createStructField("code", StringType, true),
      createStructField("sex", StringType, true),
      createStructField("variant", IntegerType, true),
      createStructField("absent", BooleanType, false),
      createStructField("primary_score", IntegerType, true),
      createStructField("max_score", IntegerType, true),
      createStructField("mark", IntegerType, true),
      createStructField("journal_mark", IntegerType, true),
      createStructField("tasks_not_attempted", IntegerType, true),
      createStructField("textbook", StringType, true),
      createStructField("scores", createArrayType(SCORE, false), false)));

  static final StructType REJECT = createStructType(List.of(
      createStructField("row_number", IntegerType, false),
      createStructField("login", StringType, true),
      createStructField("code", StringType, true),
      createStructField("reason", StringType, false),
      createStructField("message", StringType, true),
      createStructField("severity", StringType, false),
      createStructField("raw", StringType, true)));

  static final StructType RAW = createStructType(List.of(
      createStructField("row_number", IntegerType, false),
      createStructField("login", StringType, true),
      createStructField("cells", createMapType(StringType, StringType), true)));

  static final StructType FILE = createStructType(List.of(
      createStructField("path", StringType, false),
      createStructField("year", IntegerType, true),
      createStructField("subject", StringType, true),
      createStructField("grade", IntegerType, true),
      createStructField("size", LongType, true),
      createStructField("modified_at", TimestampType, true),
      createStructField("checksum", StringType, true),
      createStructField("kind", StringType, true),
      createStructField("status", StringType, false),
      createStructField("chunk", IntegerType, false),
      createStructField("results", createArrayType(RESULT, false), false),
      createStructField("rejects", createArrayType(REJECT, false), false),
      createStructField("raw", createArrayType(RAW, false), false)));

  static Row toRow(FormFile file, long size, Timestamp modifiedAt, String checksum, FormOutcome outcome,
      Reference reference, int chunk) {
    WorkKey work = file.work();
    WorkSpec spec = work == null ? null : reference.specs().work(work).orElse(null);
    List<Row> results = new ArrayList<>(outcome.results().size());
    for (FormOutcome.ResultRecord r : outcome.results()) results.add(result(r, spec, reference));
    List<Row> rejects = new ArrayList<>(outcome.rejects().size());
    for (FormOutcome.RejectRecord r : outcome.rejects()) {
      rejects.add(RowFactory.create(r.rowNumber(), r.login(), r.code(), r.reason(), r.message(), r.severity(), r.raw()));
    }
    List<Row> raw = new ArrayList<>(outcome.raw().size());
    for (FormOutcome.RawRecord r : outcome.raw()) {
      raw.add(RowFactory.create(r.rowNumber(), r.login(), Columns.map(r.cells())));
    }
    return RowFactory.create(file.path(),
        work == null ? null : work.year(), work == null ? null : work.subject(), work == null ? null : work.grade(),
        size, modifiedAt, checksum, outcome.kind(), outcome.status(), chunk,
        Columns.seq(results), Columns.seq(rejects), Columns.seq(raw));
  }

  private static Row result(FormOutcome.ResultRecord r, WorkSpec spec, Reference reference) {
    String municipality = reference.schools().school(r.login()).map(School::municipalityCode).orElse(null);
    List<Row> scores = new ArrayList<>(r.scores().size());
    int notAttempted = 0;
    List<TaskSpec> tasks = spec == null ? List.of() : spec.tasks();
    for (int i = 0; i < r.scores().size(); i++) {
      FormOutcome.TaskScore s = r.scores().get(i);
      int max = i < tasks.size() && tasks.get(i).code().equals(s.task()) ? tasks.get(i).max()
          : spec == null ? 0 : spec.task(s.task()).map(TaskSpec::max).orElse(0);
      if (s.score() == null) notAttempted++;
      scores.add(RowFactory.create(s.task(), i + 1, s.score(), max));
    }
    Integer maxScore = spec == null ? null : spec.scale().max();
    return RowFactory.create(r.rowNumber(), r.login(), municipality, r.className(), r.code(), r.sex(),
        r.variant(), r.absent(), r.primaryScore(), maxScore, r.mark(), r.journalMark(),
        r.absent() ? null : notAttempted, r.textbook(), Columns.seq(scores));
  }
}
