package ru.vpr.table;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Every table of the pipeline: the one place names, schemas and partitioning are declared. */
public final class Tables {
  private Tables() {}

  // ---- reference data (ref) -------------------------------------------------------------------

  public static final TableDef SCHOOLS = new TableDef("schools", schema(
      col("login", StringType, "FIS OKO login, edu + 6 digits: the school key everywhere"),
      col("name", StringType, "school name"),
      col("municipality_code", StringType, "municipality (district or city okrug) code"),
      col("municipality_name", StringType, "municipality name"),
      col("locality", StringType, "город or село"),
      col("kind", StringType, "school kind: СОШ, гимназия, лицей, ...")),
      List.of(), List.of("login"), "School registry (schools.csv)");

  public static final TableDef SUBJECTS = new TableDef("subjects", schema(
      col("subject", StringType, "subject code"),
      col("name", StringType, "subject name in Russian")),
      List.of(), List.of("subject"), "Subject codes and names (specs/subjects.csv)");

  public static final TableDef TASKS = new TableDef("tasks", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("task", StringType, "canonical task code (1, 5.1, 1К1)"),
      col("task_order", IntegerType, "position of the task in the form, from 1"),
      col("max", IntegerType, "max points of the task"),
      col("level", StringType, "Б basic, П advanced, В high"),
      col("scoring", StringType, "key (short answer) or rubric (judged by the teacher)")),
      List.of(), List.of("year", "subject", "grade", "task"), "Tasks of every work (specs/tasks.csv)");

  public static final TableDef SCALES = new TableDef("scales", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("min3", IntegerType, "first primary score of mark 3"),
      col("min4", IntegerType, "first primary score of mark 4"),
      col("min5", IntegerType, "first primary score of mark 5"),
      col("max", IntegerType, "max primary score")),
      List.of(), List.of("year", "subject", "grade"), "Mark scales of every work (specs/scales.csv)");

  public static final TableDef CONTROL = new TableDef("control", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("login", StringType, "school login")),
      List.of(), List.of("year", "subject", "grade", "login"),
      "Works written under objectivity control (control.csv): the clean reference");

  public static final TableDef RECHECK = new TableDef("recheck", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("login", StringType, "school login"),
      col("code", StringType, "participant code"),
      col("task", StringType, "canonical task code"),
      col("original", IntegerType, "score the school gave"),
      col("rechecked", IntegerType, "score the commission gave")),
      List.of(), List.of("year", "subject", "grade", "login", "code", "task"),
      "Re-check outcomes (recheck/*.csv)");

  // ---- ingested results -----------------------------------------------------------------------

  public static final TableDef FORMS_RAW = new TableDef("forms_raw", schema(
      col("year", IntegerType, "year from the landing folder"),
      col("subject", StringType, "subject from the landing folder"),
      col("grade", IntegerType, "grade from the landing folder"),
      col("login", StringType, "school login of the row (file name or Логин ОО column)"),
      col("source_path", StringType, "landing file the row was read from"),
      col("row_number", IntegerType, "row number in the file as a person sees it"),
      col("cells", DataTypes.createMapType(StringType, StringType), "header text to cell text, as read"),
      col("run_id", StringType, "ingest run that read the row")),
      List.of("year"), List.of("source_path", "row_number"),
      "Bronze: every data row of every readable form, as read");

  public static final TableDef RESULTS = new TableDef("results", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("login", StringType, "school login"),
      col("municipality_code", StringType, "municipality of the school"),
      col("class", StringType, "class, normalised: grade + upper-case letter (5А)"),
      col("code", StringType, "participant code; one pupil keeps one code across a year's works in a school"),
      col("sex", StringType, "М or Ж, when given"),
      col("variant", IntegerType, "variant written; null when absent"),
      col("absent", BooleanType, "pupil did not write the work"),
      col("primary_score", IntegerType, "sum of task scores (X counts 0); null when absent"),
      col("max_score", IntegerType, "max primary score of the work"),
      col("score_pct", DoubleType, "primary score as % of max; null when absent"),
      col("mark", IntegerType, "VPR mark 2..5 from the year's scale; null when absent"),
      col("journal_mark", IntegerType, "teacher's journal mark for the previous term, when given"),
      col("tasks_not_attempted", IntegerType, "number of tasks marked X"),
      col("textbook", StringType, "textbook, free text, when given"),
      col("source_path", StringType, "landing file the row came from"),
      col("row_number", IntegerType, "row number in that file"),
      col("run_id", StringType, "ingest run that wrote the row")),
      List.of("year", "subject"), List.of("year", "subject", "grade", "login", "code"),
      "Silver: one row per pupil × work");

  public static final TableDef TASK_SCORES = new TableDef("task_scores", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("login", StringType, "school login"),
      col("class", StringType, "class, normalised"),
      col("code", StringType, "participant code"),
      col("variant", IntegerType, "variant written"),
      col("task", StringType, "canonical task code"),
      col("task_order", IntegerType, "position of the task in the form, from 1"),
      col("score", IntegerType, "points scored; null when the task was not attempted (X)"),
      col("not_attempted", BooleanType, "the cell was X: not attempted, which is not the same as 0"),
      col("max", IntegerType, "max points of the task"),
      col("run_id", StringType, "ingest run that wrote the row")),
      List.of("year", "subject"), List.of("year", "subject", "grade", "login", "code", "task"),
      "Silver: one row per pupil × task of the works written (absent pupils have none)");

  // ---- audit ----------------------------------------------------------------------------------

  public static final TableDef INGEST_FILES = new TableDef("ingest_files", schema(
      col("path", StringType, "landing file"),
      col("year", IntegerType, "year from the folder, when the file stands in one"),
      col("subject", StringType, "subject from the folder"),
      col("grade", IntegerType, "grade from the folder"),
      col("kind", StringType, "school_form or regional_export; null when unreadable"),
      col("size", LongType, "bytes"),
      col("modified_at", TimestampType, "file modification time"),
      col("checksum", StringType, "SHA-256 of the content: an unchanged file is skipped"),
      col("status", StringType, "accepted, partial (some rows refused) or refused (whole file)"),
      col("reason", StringType, "reason code when the whole file was refused"),
      col("message", StringType, "message for the school coordinator when refused"),
      col("rows_read", LongType, "data rows read"),
      col("rows_accepted", LongType, "rows that reached results"),
      col("rows_refused", LongType, "rows refused (see rejects)"),
      col("warnings", LongType, "rows kept with a warning"),
      col("run_id", StringType, "run that last ingested the file"),
      col("ingested_at", TimestampType, "when")),
      List.of(), List.of("path"), "Audit: one row per landing file ever seen");

  public static final TableDef REJECTS = new TableDef("rejects", schema(
      col("path", StringType, "landing file"),
      col("year", IntegerType, "year from the folder"),
      col("subject", StringType, "subject from the folder"),
      col("grade", IntegerType, "grade from the folder"),
      col("login", StringType, "school login, when known"),
      col("row_number", IntegerType, "row in the file; 0 when the whole file is refused"),
      col("code", StringType, "participant code, when known"),
      col("reason", StringType, "reason code"),
      col("severity", StringType, "error (row or file refused) or warning (row kept, field cleared)"),
      col("message", StringType, "what to fix, in Russian, for the school coordinator"),
      col("raw", StringType, "the row's cells joined with ';' (never kept for files with personal data)"),
      col("run_id", StringType, "run that refused it")),
      List.of(), List.of("path", "row_number", "reason"), "Audit: every refused file and row, with the reason");

  public static final TableDef RUNS = new TableDef("runs", schema(
      col("run_id", StringType, "run id"),
      col("job", StringType, "ingest, indicators, detect, publish, ..."),
      col("started_at", TimestampType, "start"),
      col("finished_at", TimestampType, "end"),
      col("duration_ms", LongType, "duration"),
      col("outcome", StringType, "succeeded or failed"),
      col("parameters", DataTypes.createMapType(StringType, StringType), "options the job ran with"),
      col("input_versions", DataTypes.createMapType(StringType, LongType), "Delta versions of the tables read"),
      col("counts", DataTypes.createMapType(StringType, LongType), "what the job counted"),
      col("error", StringType, "error message when failed")),
      List.of(), List.of("run_id"), "Audit: one row per job run");

  public static final List<TableDef> INGEST_TABLES = List.of(
      SCHOOLS, SUBJECTS, TASKS, SCALES, CONTROL, RECHECK, FORMS_RAW, RESULTS, TASK_SCORES, INGEST_FILES, REJECTS, RUNS);

  static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  static StructField col(String name, DataType type, String comment) {
    Metadata metadata = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, true, metadata);
  }
}
