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
      col("login", StringType, "FIS OKO login, edu or sch + 6 digits: the school key everywhere"),
      col("name", StringType, "school name"),
      col("municipality_code", StringType, "municipality (district or city okrug) code"),
      col("municipality_name", StringType, "municipality name"),
      col("locality", StringType, "город or село"),
      col("kind", StringType, "school kind: СОШ, гимназия, лицей, ..."),
      col("inferred", StringType, "fields read from the exports and the school's name rather than given (kind|locality|...); empty when all were given")),
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
      col("class", StringType, "class, normalised: grade + upper-case letter(s) (5А, 5КБ); the grade alone (5) for a single class"),
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
      col("year", IntegerType, "year from the folders or the file name, when they tell it"),
      col("subject", StringType, "subject from the folders or the file name"),
      col("grade", IntegerType, "grade from the folders or the file name"),
      col("kind", StringType, "layout: school_form, regional_export, or a FIS OKO export (export_2021, fis_oko_export, raw_export); null when unreadable"),
      col("size", LongType, "bytes"),
      col("modified_at", TimestampType, "file modification time"),
      col("checksum", StringType, "SHA-256 of the content: an unchanged file is skipped"),
      col("status", StringType, "accepted, partial (some rows refused), refused (whole file); missing (no longer in the landing, rows kept) or retired (rows removed)"),
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
      col("error", StringType, "error message when failed"),
      col("code_version", StringType, "git commit of the jar that ran (-dirty: built with uncommitted changes)")),
      List.of(), List.of("run_id"), "Audit: one row per job run");

  // ---- indicators (gold) -----------------------------------------------------------------------
  // Every indicator table carries the unit: level (class, school, municipality, region) and the unit
  // keys that level has; the keys of coarser levels are null (a school row has no class).

  private static StructField[] unitColumns() {
    return new StructField[] {
        col("year", IntegerType, "year of the work"),
        col("subject", StringType, "subject code"),
        col("grade", IntegerType, "grade"),
        col("level", StringType, "class, school (one grade of a school), municipality or region"),
        col("municipality_code", StringType, "municipality; null at region level"),
        col("login", StringType, "school login; null at municipality and region level"),
        col("class", StringType, "class; null above class level")};
  }

  private static StructType unitSchema(StructField... fields) {
    StructField[] all = java.util.Arrays.copyOf(unitColumns(), unitColumns().length + fields.length);
    System.arraycopy(fields, 0, all, unitColumns().length, fields.length);
    return schema(all);
  }

  private static final List<String> UNIT_KEY = List.of("year", "subject", "grade", "level", "municipality_code", "login", "class");

  private static List<String> unitKey(String... more) {
    List<String> key = new java.util.ArrayList<>(UNIT_KEY);
    key.addAll(List.of(more));
    return key;
  }

  private static StructField[] smallFlags() {
    return new StructField[] {
        col("small_for_groups", BooleanType, "written < vpr.indicators.min-group (10): too few pupils for group analysis"),
        col("small_for_distribution", BooleanType, "written < vpr.indicators.min-distribution (20): too few pupils to read a distribution")};
  }

  private static StructField[] concat(StructField[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(StructField[]::new);
  }

  public static final TableDef UNIT_INDICATORS = new TableDef("unit_indicators", unitSchema(concat(new StructField[] {
      col("participants", LongType, "pupils on the list of the work (written + absent)"),
      col("absent", LongType, "pupils absent"),
      col("written", LongType, "pupils who wrote the work: the denominator of every share of marks"),
      col("max_score", IntegerType, "max primary score of the work"),
      col("mean_score", DoubleType, "mean primary score of the pupils who wrote"),
      col("mean_score_pct", DoubleType, "mean primary score as % of max (0..100)"),
      col("sd_score", DoubleType, "standard deviation of the primary score (sample, n - 1); null under 2 pupils"),
      col("marks_2", LongType, "pupils with mark 2"),
      col("marks_3", LongType, "pupils with mark 3"),
      col("marks_4", LongType, "pupils with mark 4"),
      col("marks_5", LongType, "pupils with mark 5"),
      col("share_2", DoubleType, "share of mark 2 among pupils who wrote (0..1)"),
      col("share_3", DoubleType, "share of mark 3 (0..1)"),
      col("share_4", DoubleType, "share of mark 4 (0..1)"),
      col("share_5", DoubleType, "share of mark 5 (0..1)"),
      col("success_share", DoubleType, "успеваемость: share of marks 3, 4, 5 (0..1)"),
      col("quality_share", DoubleType, "качество знаний: share of marks 4, 5 (0..1)"),
      col("with_journal", LongType, "pupils who wrote and have a journal mark: the denominator of the journal shares"),
      col("lowered", LongType, "понизили: VPR mark below the journal mark"),
      col("confirmed", LongType, "подтвердили: VPR mark equal to the journal mark"),
      col("raised", LongType, "повысили: VPR mark above the journal mark"),
      col("lowered_share", DoubleType, "lowered / with_journal"),
      col("confirmed_share", DoubleType, "confirmed / with_journal"),
      col("raised_share", DoubleType, "raised / with_journal"),
      col("journal_gap_2", LongType, "pupils whose VPR and journal marks differ by 2 or more (either way)")},
      smallFlags())),
      List.of("year"), UNIT_KEY,
      "Gold: indicators of every unit (class, school, municipality, region) of every work");

  private static StructField[] taskColumns() {
    return new StructField[] {
        col("task", StringType, "canonical task code"),
        col("task_order", IntegerType, "position of the task in the form"),
        col("task_level", StringType, "Б basic, П advanced, В high; null when the spec has no such task"),
        col("scoring", StringType, "key or rubric"),
        col("max", IntegerType, "max points of the task")};
  }

  private static StructField[] completionColumns() {
    return new StructField[] {
        col("written", LongType, "pupils who wrote the work (the denominator)"),
        col("score_sum", LongType, "points scored on the task, X counting 0"),
        col("not_attempted", LongType, "pupils with X on the task"),
        col("completion_pct", DoubleType, "mean of score / max over pupils who wrote, X counting 0, in % (0..100)"),
        col("not_attempted_share", DoubleType, "share of pupils with X (0..1)"),
        col("status", StringType, "achieved (Б >= 60%, П/В >= 30%), uncertain (57-60%, 28.5-30%) or not_achieved")};
  }

  public static final TableDef TASK_INDICATORS = new TableDef("task_indicators",
      unitSchema(concat(taskColumns(), completionColumns(), smallFlags())),
      List.of("year"), unitKey("task"),
      "Gold: completion of every task by every unit");

  public static final TableDef TASK_MARK_INDICATORS = new TableDef("task_mark_indicators",
      unitSchema(concat(taskColumns(), new StructField[] {col("mark", IntegerType, "the pupils' VPR mark: the group")},
          completionColumns(), smallFlags())),
      List.of("year"), unitKey("task", "mark"),
      "Gold: completion of every task by the groups of pupils with the same mark, for every unit");

  public static final TableDef SCORE_HISTOGRAMS = new TableDef("score_histograms", unitSchema(
      col("primary_score", IntegerType, "primary score, every value 0..max"),
      col("pupils", LongType, "pupils of the unit with this score"),
      col("share", DoubleType, "pupils / written of the unit"),
      col("region_pupils", LongType, "pupils of the region with this score: the comparison line"),
      col("region_share", DoubleType, "region_pupils / written of the region"),
      col("mark", IntegerType, "mark that this score earns on the year's scale"),
      col("min3", IntegerType, "first score of mark 3 this year"),
      col("min4", IntegerType, "first score of mark 4"),
      col("min5", IntegerType, "first score of mark 5"),
      col("max_score", IntegerType, "max primary score"),
      col("written", LongType, "pupils of the unit who wrote"),
      col("small_for_distribution", BooleanType, "written < vpr.indicators.min-distribution (20)")),
      List.of("year"), unitKey("primary_score"),
      "Gold: pupils per primary score of every unit, with the year's mark thresholds and the region line");

  public static final TableDef INDICATOR_DYNAMICS = new TableDef("indicator_dynamics", unitSchema(
      col("indicator", StringType, "column of unit_indicators"),
      col("value", DoubleType, "value this year"),
      col("previous_value", DoubleType, "value the year before, same unit (same login, class name or municipality)"),
      col("change", DoubleType, "value - previous_value (shares: in share points, 0.10 = 10 percentage points)"),
      col("negative", BooleanType, "share_2 up by 10 percentage points or more")),
      List.of("year"), unitKey("indicator"),
      "Gold: change of every unit indicator against the previous year, where the unit existed then");

  public static final TableDef CLASS_DEFICITS = new TableDef("class_deficits", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("municipality_code", StringType, "municipality"),
      col("login", StringType, "school login"),
      col("class", StringType, "class"),
      col("task", StringType, "task not achieved by the class"),
      col("task_order", IntegerType, "position of the task in the form"),
      col("task_level", StringType, "Б, П or В"),
      col("scoring", StringType, "key or rubric"),
      col("completion_pct", DoubleType, "the class's completion of the task, % (0..100)"),
      col("region_completion_pct", DoubleType, "the region's completion of the task, %"),
      col("status", StringType, "not_achieved, or uncertain (inside the band just below the bar)"),
      col("written", LongType, "pupils of the class who wrote"),
      col("small_for_groups", BooleanType, "written < vpr.indicators.min-group (10)")),
      List.of("year"), List.of("year", "subject", "grade", "login", "class", "task"),
      "Gold: for each class, the tasks not achieved (and uncertain), for adjusting programmes");

  public static final TableDef LOW_RESULT_SCHOOLS = new TableDef("low_result_schools", schema(
      col("year", IntegerType, "year the list is for"),
      col("municipality_code", StringType, "municipality"),
      col("login", StringType, "school login"),
      col("school_name", StringType, "school name from the registry"),
      col("subjects", StringType, "subjects that put the school on the list, joined with |"),
      col("works", LongType, "works of this year that meet a criterion in those subjects"),
      col("max_share_2", DoubleType, "highest share of mark 2 among those works"),
      col("reasons", StringType, "reason codes <subject><grade>:<criterion>, joined with |"),
      col("reasons_text", StringType, "the reasons in Russian"),
      col("criteria", StringType, "the criteria in force (from vpr.indicators.low-results)")),
      List.of("year"), List.of("year", "login"),
      "Gold: schools with low results two (configurable) years running, with the reasons");

  // ---- detection ----------------------------------------------------------------------------------

  private static StructField[] riskUnitColumns() {
    return new StructField[] {
        col("year", IntegerType, "year of the work"),
        col("subject", StringType, "subject code; null for a school's total"),
        col("grade", IntegerType, "grade; null for a school's total"),
        col("municipality_code", StringType, "municipality"),
        col("login", StringType, "school login"),
        col("class", StringType, "class; null above class level"),
        col("participants", LongType, "pupils on the list (written + absent)"),
        col("scored", BooleanType, "the unit was scored (false: too small or nothing to score; reasons says why)"),
        col("risk_score", DoubleType, "1 - combined_p, in [0, 1], higher is riskier; comparable across works of a year"),
        col("risk_rank", IntegerType, "1 = riskiest unit of the year in this table; null when not scored"),
        col("flagged", BooleanType, "in the risk zone: Benjamini-Hochberg at vpr.detect.false-alarm-rate, within capacity; "
            + "a school × work or school also when one of its classes or works is flagged"),
        col("reasons", StringType, "signal codes with p < vpr.detect.reason-p, strongest first, joined with |; "
            + "for an unscored unit why it was not scored"),
        col("written", LongType, "pupils who wrote"),
        col("combined_p", DoubleType, "Cauchy combination of the signals' (or the units') p-values: how likely "
            + "signals this strong are under honest grading"),
        col("q_value", DoubleType, "Benjamini-Hochberg adjusted p-value within the year")};
  }

  private static StructField[] signalColumns() {
    return new StructField[] {
        col("s1_p", DoubleType, "S1 level above the peer group's expectation (random-effects calibrated)"),
        col("s2_p", DoubleType, "S2 pupils on the mark cuts beyond the counterfactual of the class's own pupils "
            + "(beta-binomial mid-p, overdispersion from placebo windows)"),
        col("s3_p", DoubleType, "S3 person-fit: hard tasks solved while easy ones failed"),
        col("s4_spread_p", DoubleType, "S4 too little spread of scores (chi-square lower tail)"),
        col("s4_identical_p", DoubleType, "S4 identical works, against the region's frequency of the same score vector"),
        col("s5_p", DoubleType, "S5 rubric tasks above what key-scored tasks of the same pupils predict"),
        col("s6_p", DoubleType, "S6 VPR marks confirming journal marks beyond the region's rate"),
        col("s7_p", DoubleType, "S7 jump against the school's own previous years in the subject"),
        col("s8_p", DoubleType, "S8 too few tasks left blank (X), lower tail"),
        col("mahalanobis_p", DoubleType, "outlier: one-sided Mahalanobis distance of the signal vector in the peer group (robust fit), chi-bar-square tail"),
        col("mahalanobis_year_p", DoubleType, "outlier: one-sided Mahalanobis distance of the signal vector among all classes of the year (robust fit), chi-bar-square tail"),
        col("forest_p", DoubleType, "outlier: isolation forest score as an upper-tail share of the year's classes")};
  }

  public static final TableDef CLASS_SIGNALS = new TableDef("class_signals", schema(concat(new StructField[] {
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("municipality_code", StringType, "municipality"),
      col("login", StringType, "school login"),
      col("class", StringType, "class"),
      col("participants", LongType, "pupils on the list"),
      col("written", LongType, "pupils who wrote"),
      col("scored", BooleanType, "enough pupils to score"),
      col("unscored_reason", StringType, "too_few_pupils or no_scores when not scored"),
      col("peer_group", IntegerType, "peer group of the school this year (-1: none)"),
      col("controlled", BooleanType, "written under objectivity control"),
      col("reference", BooleanType, "used as reference when calibrating its work"),
      col("score_pct", DoubleType, "mean primary score / max (0..1)"),
      col("z_mean", DoubleType, "mean standardised score (stratum reference)"),
      col("expected_level", DoubleType, "peer group's mean standardised score in the work; null when the group is thin"),
      col("hist_mean", DoubleType, "school's mean standardised score in the subject over the two previous years"),
      col("basic_pct", DoubleType, "mean success on basic (Б) tasks (0..1)"),
      col("hard_pct", DoubleType, "mean success on advanced and high (П, В) tasks (0..1)"),
      col("at_threshold", LongType, "pupils exactly on a mark threshold"),
      col("in_window", LongType, "pupils 0..3 points below a threshold (the rule baseline's window)"),
      col("on_cut", LongType, "pupils on or just above a mark cut, in the cut windows of the work's bunching estimate"),
      col("expected_on_cut", DoubleType, "pupils the counterfactual expects there, from the class's own pupils' key-scored success"),
      col("below_cut", LongType, "pupils just below a mark cut, in the same windows"),
      col("expected_below_cut", DoubleType, "pupils the counterfactual expects just below the cuts"),
      col("pushed", DoubleType, "estimated pupils pushed over a cut: half of (excess on the cuts + missing below them), at least 0"),
      col("confirmed", LongType, "pupils whose VPR mark equals the journal mark"),
      col("with_journal", LongType, "pupils with a journal mark"),
      col("not_attempted", LongType, "task cells marked X"),
      col("task_cells", LongType, "task cells of the pupils who wrote"),
      col("identical_works", LongType, "pupils whose work is identical to another pupil's of the class"),
      col("s1_z", DoubleType, "S1 z"),
      col("s3_z", DoubleType, "S3 z"),
      col("s5_z", DoubleType, "S5 z"),
      col("s7_z", DoubleType, "S7 z")},
      signalColumns(), new StructField[] {
      col("rule_level", BooleanType, "rule marker: level one sd above the region, not a gymnasium or lyceum"),
      col("rule_inversion", BooleanType, "rule marker: basic tasks below the region, harder tasks above"),
      col("rule_peaks", BooleanType, "rule marker: share on thresholds at least twice the region's"),
      col("rule_journal", BooleanType, "rule marker: journal marks confirmed 20 points above the region"),
      col("rule_markers", IntegerType, "markers of the rule baseline (0..4)"),
      col("run_id", StringType, "detect run")})),
      List.of("year"), List.of("year", "subject", "grade", "login", "class"),
      "Detection: every class × work with its signals as calibrated p-values and the rule markers");

  public static final TableDef PEER_GROUPS = new TableDef("peer_groups", schema(
      col("year", IntegerType, "year"),
      col("login", StringType, "school login"),
      col("peer_group", IntegerType, "k-means cluster of the school's context"),
      col("kind", StringType, "school kind"),
      col("city", DoubleType, "1 in a town, 0 in a village"),
      col("log_pupils", DoubleType, "ln(1 + pupil works written this year)"),
      col("prior_level", DoubleType, "mean standardised score over the two previous years (0 when none)"),
      col("has_prior", DoubleType, "1 when the school has earlier years"),
      col("run_id", StringType, "detect run; its model is saved under <warehouse>/models/detect/<run_id>")),
      List.of("year"), List.of("year", "login"), "Detection: peer group of every school-year");

  public static final TableDef RISK_CLASSES = new TableDef("risk_classes", schema(concat(riskUnitColumns(), new StructField[] {
      col("peer_group", IntegerType, "peer group of the school"),
      col("rule_score", DoubleType, "rule baseline: markers / 4"),
      col("rule_flagged", BooleanType, "rule baseline flags the class (2+ markers)"),
      col("run_id", StringType, "detect run")})),
      List.of("year"), List.of("year", "subject", "grade", "login", "class"),
      "Risk: every class × work of the year, scored or not (contract §3 risk_classes)");

  public static final TableDef RISK_SCHOOLS = new TableDef("risk_schools", schema(concat(riskUnitColumns(), new StructField[] {
      col("units_scored", LongType, "classes scored"),
      col("units_flagged", LongType, "classes flagged"),
      col("evidence", StringType, "in Russian, the school's pushing at the cut where it pushed most, when clear of chance: "
          + "pupils exactly on the cut and none (or how many) just under it (from bunching)"),
      col("pushed", DoubleType, "estimated pupils pushed over the cuts: the sum of its classes' (class_signals.pushed); "
          + "the risk zone lists flagged school × works in this order"),
      col("run_id", StringType, "detect run")})),
      List.of("year"), List.of("year", "subject", "grade", "login"),
      "Risk: every school × work of the year (contract §3 risk_schools)");

  public static final TableDef RISK_SCHOOL_TOTALS = new TableDef("risk_school_totals", schema(concat(riskUnitColumns(), new StructField[] {
      col("units_scored", LongType, "works scored"),
      col("units_flagged", LongType, "works flagged"),
      col("run_id", StringType, "detect run")})),
      List.of("year"), List.of("year", "login"),
      "Risk: every school of the year over all its works");

  public static final TableDef PUPIL_EVIDENCE = new TableDef("pupil_evidence", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("municipality_code", StringType, "municipality"),
      col("login", StringType, "school login"),
      col("class", StringType, "class (a flagged one)"),
      col("code", StringType, "participant code"),
      col("primary_score", IntegerType, "primary score"),
      col("max_score", IntegerType, "max primary score"),
      col("mark", IntegerType, "VPR mark"),
      col("mark_min", IntegerType, "first primary score of the pupil's mark (null for mark 2)"),
      col("journal_mark", IntegerType, "journal mark, when given"),
      col("person_fit_z", DoubleType, "hard tasks solved while easy ones failed, standardised in the pupil's score band"),
      col("rubric_z", DoubleType, "rubric success beyond what key-scored tasks predict, standardised in the pupil's band"),
      col("identical_works", LongType, "pupils of the class with this same work (same variant and score on every task), the pupil included"),
      col("run_id", StringType, "detect run")),
      List.of("year"), List.of("year", "subject", "grade", "login", "code"),
      "Detection: every pupil of a flagged class with what the pupil's work contributes to the evidence (for re-check samples)");

  public static final TableDef BUNCHING = new TableDef("bunching", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("level", StringType, "region, municipality or school (a school × work)"),
      col("municipality_code", StringType, "municipality; null for the region"),
      col("login", StringType, "school login; null above school level"),
      col("cut_mark", IntegerType, "the mark whose first score the cut is: 3, 4 or 5"),
      col("cut_score", IntegerType, "first primary score of that mark"),
      col("window_below", IntegerType, "scores under the cut in its window (chosen from the region's histogram)"),
      col("window_above", IntegerType, "scores over the cut in its window, the cut's own not counted"),
      col("pupils", LongType, "pupils who wrote the work in the unit"),
      col("observed", LongType, "pupils exactly on the cut score"),
      col("expected", DoubleType, "pupils the counterfactual puts on the cut score"),
      col("observed_on", LongType, "pupils on the cut and over it within the window"),
      col("expected_on", DoubleType, "pupils the counterfactual puts there"),
      col("observed_below", LongType, "pupils under the cut within the window"),
      col("expected_below", DoubleType, "pupils the counterfactual puts there"),
      col("excess", DoubleType, "observed_on - expected_on, in pupils"),
      col("missing_below", DoubleType, "expected_below - observed_below, in pupils"),
      col("pushed", DoubleType, "estimated pupils pushed over the cut: (excess + missing_below) / 2, at least 0"),
      col("ci_low", DoubleType, "90% interval of pushed, low end, unclipped (region and municipality: bootstrap; "
          + "school: Poisson counts); above 0 = an excess clear of chance"),
      col("ci_high", DoubleType, "90% interval of pushed, high end"),
      col("run_id", StringType, "detect run")),
      List.of("year"), List.of("year", "subject", "grade", "level", "municipality_code", "login", "cut_mark"),
      "Detection: bunching at the mark cuts against a counterfactual curve fitted outside the cut windows, "
          + "for the region, each municipality and each school × work with enough pupils");

  public static final TableDef BUNCHING_CURVES = new TableDef("bunching_curves", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("level", StringType, "region or municipality"),
      col("municipality_code", StringType, "municipality; null for the region"),
      col("score", IntegerType, "primary score"),
      col("observed", LongType, "pupils with that score"),
      col("counterfactual", DoubleType, "pupils the counterfactual curve puts there"),
      col("in_window", BooleanType, "the score is inside a cut window (the curve was not fitted to it)"),
      col("run_id", StringType, "detect run")),
      List.of("year"), List.of("year", "subject", "grade", "level", "municipality_code", "score"),
      "Detection: the score histograms of the region and municipalities with their counterfactual curves, for the reports");

  public static final List<TableDef> DETECT_TABLES = List.of(CLASS_SIGNALS, PEER_GROUPS, RISK_CLASSES, RISK_SCHOOLS,
      RISK_SCHOOL_TOTALS, PUPIL_EVIDENCE, BUNCHING, BUNCHING_CURVES);

  // ---- publish ------------------------------------------------------------------------------------
  // A publication is the content of a year's files; its id is derived from that content, so publishing
  // the same inputs again finds the same id and changes nothing, while a changed list is kept beside
  // the earlier ones. Tables keyed by publication_id keep every version that was ever published.

  private static StructField[] publicationColumns() {
    return new StructField[] {
        col("publication_id", StringType, "publication: SHA-256 (first 16 hex digits) of the year's published files"),
        col("run_id", StringType, "publish run that first wrote this publication")};
  }

  private static List<String> publicationKey(String... more) {
    List<String> key = new java.util.ArrayList<>(List.of("year", "publication_id"));
    key.addAll(List.of(more));
    return key;
  }

  public static final TableDef PUBLISHED_RISK_CLASSES = new TableDef("published_risk_classes",
      schema(concat(riskUnitColumns(), new StructField[] {col("school_name", StringType, "school name from the registry")},
          publicationColumns())),
      List.of("year"), publicationKey("subject", "grade", "login", "class"),
      "Publish: risk_classes.csv of every publication (contract §3)");

  public static final TableDef PUBLISHED_RISK_SCHOOLS = new TableDef("published_risk_schools",
      schema(concat(riskUnitColumns(), new StructField[] {col("school_name", StringType, "school name from the registry")},
          publicationColumns())),
      List.of("year"), publicationKey("subject", "grade", "login"),
      "Publish: risk_schools.csv of every publication (contract §3)");

  public static final TableDef RECHECK_SAMPLE = new TableDef("recheck_sample", schema(concat(new StructField[] {
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("municipality_code", StringType, "municipality"),
      col("login", StringType, "school login"),
      col("class", StringType, "class"),
      col("code", StringType, "participant code of the work to re-check"),
      col("reason", StringType, "why: evidence codes (threshold, journal, inversion, identical, rubric) joined with |, "
          + "flagged_class (a flagged class's highest score) or control (random control sample)"),
      col("class_risk_rank", IntegerType, "risk rank of the work's class; null for the control sample"),
      col("pick", IntegerType, "order within the municipality's sample (evidence and control counted apart)")},
      publicationColumns())),
      List.of("year"), publicationKey("subject", "grade", "login", "code"),
      "Publish: the works chosen for re-checking (recheck_sample.csv) of every publication");

  public static final TableDef PARTNER_SCHOOLS = new TableDef("partner_schools", schema(concat(new StructField[] {
      col("year", IntegerType, "year published"),
      col("municipality_code", StringType, "municipality of the flagged school"),
      col("login", StringType, "flagged school"),
      col("rank", IntegerType, "1 = best suggestion"),
      col("partner_login", StringType, "suggested partner school"),
      col("partner_name", StringType, "its name"),
      col("partner_municipality_code", StringType, "its municipality"),
      col("basis", StringType, "municipality (same municipality) or peer_group (same peer group elsewhere)"),
      col("level", DoubleType, "partner's lowest yearly mean standardised result over the recent years")},
      publicationColumns())),
      List.of("year"), publicationKey("login", "rank"),
      "Publish: partner schools with stably high, objective results for every flagged school");

  public static final TableDef PUBLICATIONS = new TableDef("publications", schema(
      col("year", IntegerType, "year published"),
      col("publication_id", StringType, "content-derived id"),
      col("run_id", StringType, "publish run that first wrote it"),
      col("published_at", TimestampType, "when it was first published"),
      col("location", StringType, "folder the files went to"),
      col("files", DataTypes.createMapType(StringType, StringType), "file name to SHA-256"),
      col("counts", DataTypes.createMapType(StringType, LongType), "rows and flagged units")),
      List.of(), List.of("year", "publication_id"), "Publish: one row per distinct publication of a year");

  public static final TableDef RECHECK_OUTCOMES = new TableDef("recheck_outcomes", schema(
      col("year", IntegerType, "year of the work"),
      col("subject", StringType, "subject code"),
      col("grade", IntegerType, "grade"),
      col("municipality_code", StringType, "municipality"),
      col("login", StringType, "school login"),
      col("school_name", StringType, "school name"),
      col("selected_as", StringType, "flagged (school × work in the risk zone), control (in a published control sample) or other"),
      col("works", LongType, "works re-checked"),
      col("objective_works", LongType, "works judged objectively checked: mark kept, total moved by at most vpr.publish.outcomes.tolerance"),
      col("objective_share", DoubleType, "objective_works / works (regions aim for 0.9 or more)"),
      col("points_removed", LongType, "points the commission took away, summed over tasks"),
      col("points_added", LongType, "points the commission added"),
      col("verdict", StringType, "objective (objective_share at least vpr.publish.outcomes.target-share); else inflated "
          + "(more points removed than added), deflated (more added: marked too strictly) or both_ways"),
      col("inflated", BooleanType, "verdict = inflated: off target with more points removed than added"),
      col("run_id", StringType, "publish run")),
      List.of("year"), List.of("year", "subject", "grade", "login"),
      "Publish: what the commissions' re-checks found, per school × work");

  public static final TableDef RECHECK_PRECISION = new TableDef("recheck_precision", schema(
      col("year", IntegerType, "year"),
      col("municipality_code", StringType, "municipality; null for the region"),
      col("selected_as", StringType, "flagged, control or other (a school's strongest group over its works)"),
      col("schools", LongType, "schools of the group with re-checked works"),
      col("inflated", LongType, "of them, judged inflated in at least one work"),
      col("share", DoubleType, "inflated / schools: observed precision (flagged), base rate (control)"),
      col("run_id", StringType, "publish run")),
      List.of("year"), List.of("year", "municipality_code", "selected_as"),
      "Publish: how often re-checks confirmed the selection");

  public static final TableDef RISK_DYNAMICS = new TableDef("risk_dynamics", schema(
      col("year", IntegerType, "year"),
      col("municipality_code", StringType, "municipality; null for the region"),
      col("schools_scored", LongType, "schools with a scored work"),
      col("flagged", LongType, "schools in the risk zone"),
      col("flagged_again", LongType, "flagged this year and the year before"),
      col("left", LongType, "flagged the year before, scored and not flagged this year"),
      col("entered", LongType, "flagged this year, not the year before"),
      col("slope", DoubleType, "least-squares change of flagged schools per year over every year so far (negative: shrinking)"),
      col("run_id", StringType, "publish run")),
      List.of("year"), List.of("year", "municipality_code"),
      "Publish: the risk zone over the years, per municipality and region");

  public static final List<TableDef> PUBLISH_TABLES = List.of(PUBLISHED_RISK_CLASSES, PUBLISHED_RISK_SCHOOLS, RECHECK_SAMPLE,
      PARTNER_SCHOOLS, PUBLICATIONS, RECHECK_OUTCOMES, RECHECK_PRECISION, RISK_DYNAMICS);

  public static final List<TableDef> INDICATOR_TABLES = List.of(UNIT_INDICATORS, TASK_INDICATORS, TASK_MARK_INDICATORS,
      SCORE_HISTOGRAMS, INDICATOR_DYNAMICS, CLASS_DEFICITS, LOW_RESULT_SCHOOLS);

  /** One view per level over {@code unit_indicators}: the names analysts know from FIS OKO. */
  public static final List<ViewDef> INDICATOR_VIEWS = List.of(
      ViewDef.level("class_indicators", UNIT_INDICATORS, "class", List.of()),
      ViewDef.level("school_indicators", UNIT_INDICATORS, "school", List.of("class")),
      ViewDef.level("municipality_indicators", UNIT_INDICATORS, "municipality", List.of("login", "class")),
      ViewDef.level("region_indicators", UNIT_INDICATORS, "region", List.of("municipality_code", "login", "class")));

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
