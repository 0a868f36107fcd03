package ru.vpr.evaluate;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.detect.Detection;
import ru.vpr.detect.Signal;
import ru.vpr.generate.GeneratorSettings;
import ru.vpr.generate.RegionGenerator;
import ru.vpr.ingest.IngestJob;
import ru.vpr.io.Storage;
import ru.vpr.reference.ReferenceCsv;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.Tables;

/**
 * One evaluated scenario: generate a region with a seed, ingest it through the real ingest job into
 * its own database, run detection, and return every class with its p-values and the planted label.
 * Only class-level rows reach the driver.
 */
final class ScenarioRun {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScenarioRun.class);

  private static final String ENDEMIC = "endemic_push";

  static final List<String> EXTRA_COLUMNS = List.of("mahalanobis_p", "mahalanobis_year_p", "forest_p", "s1w_p");

  private final SparkSession spark;
  private final PipelineConfig base;

  ScenarioRun(SparkSession spark, PipelineConfig base) {
    this.spark = spark;
    this.base = base;
  }

  /**
   * @param reuse keep a region already generated under the settings' root (and its ingested tables):
   *     for re-running the evaluation after a change to detection only
   */
  /** What one region gives the report: its classes, and its bunching estimates at the first cut against the plant. */
  record Result(List<LabelledClass> classes, List<BunchingCheck> bunching) {}

  Result run(GeneratorSettings settings, DetectConfig detect, List<Integer> evaluatedYears, boolean reuse) {
    String root = settings.outputRoot();
    boolean generated = reuse && RegionGenerator.localStorage().exists(Storage.join(root, "labels.csv"));
    long start = System.nanoTime();
    if (!generated) new RegionGenerator(RegionGenerator.localStorage()).generate(settings);
    LOG.info("seed {}: region {} in {} s", settings.seed(), generated ? "reused" : "generated", seconds(start));
    PipelineConfig config = base
        .withLanding(Storage.join(root, RegionGenerator.LANDING))
        .withRegistry(Storage.join(root, RegionGenerator.SCHOOLS_FILE))
        .withSpecs(Storage.join(root, RegionGenerator.SPECS))
        .withControl(Storage.join(root, "control.csv"))
        .withRecheck(Storage.join(root, "recheck"))
        // The region's folder names the scenario and seed: one database per region.
        .withDatabase("eval_" + java.nio.file.Path.of(root).getFileName().toString().replaceAll("[^A-Za-z0-9]", "_"))
        .withYear(null);
    start = System.nanoTime();
    if (!generated) new IngestJob(spark, config).run();
    LOG.info("seed {}: ingested in {} s", settings.seed(), seconds(start));
    start = System.nanoTime();
    TableCatalog catalog = new TableCatalog(spark, config.database(), config.warehouse());
    Detection.Inputs inputs = new Detection.Inputs(catalog.read(Tables.RESULTS), catalog.read(Tables.TASK_SCORES),
        catalog.read(Tables.TASKS), catalog.read(Tables.SCALES), catalog.read(Tables.CONTROL), catalog.read(Tables.SCHOOLS));
    Detection.Outcome outcome = Detection.run(inputs, settings.years(), detect);
    LOG.info("seed {}: detection in {} s", settings.seed(), seconds(start));
    try {
      Map<String, String[]> labels = labels(Storage.join(root, "labels.csv"));
      List<String> pColumns = new ArrayList<>();
      for (Signal s : Signal.all()) pColumns.add(s.column());
      pColumns.addAll(EXTRA_COLUMNS);
      List<String> select = new ArrayList<>(List.of("year", "subject", "grade", "login", "class", "written", "scored",
          "rule_score", "rule_flagged", "municipality_code", "flagged"));
      select.addAll(pColumns);
      // Class-level rows (a few thousand per year): fine on the driver.
      List<Row> rows = outcome.classSignals().where(col("year").isin(evaluatedYears.toArray()))
          .selectExpr(select.toArray(String[]::new)).collectAsList();
      List<LabelledClass> out = new ArrayList<>(rows.size());
      Map<String, Long> plantedPushes = new HashMap<>();
      for (Row r : rows) {
        Map<String, Double> p = new HashMap<>();
        for (int i = 0; i < pColumns.size(); i++) p.put(pColumns.get(i), r.isNullAt(11 + i) ? null : r.getDouble(11 + i));
        String[] label = labels.get(key(r.getInt(0), r.getString(1), r.getInt(2), r.getString(3), r.getString(4)));
        if (label != null && ENDEMIC.equals(label[0])) {
          long pupils = Long.parseLong(label[2]);
          plantedPushes.merge(BunchingCheck.key(r.getInt(0), r.getString(1), r.getInt(2), null), pupils, Long::sum);
          plantedPushes.merge(BunchingCheck.key(r.getInt(0), r.getString(1), r.getInt(2), r.getString(9)), pupils, Long::sum);
        }
        out.add(new LabelledClass((int) settings.seed(), r.getInt(0), r.getString(1), r.getInt(2), r.getString(3),
            r.getString(4), r.getLong(5), r.getBoolean(6), p, r.isNullAt(7) ? Double.NaN : r.getDouble(7),
            !r.isNullAt(8) && r.getBoolean(8), label == null ? null : label[0],
            label == null ? 0 : Double.parseDouble(label[1]), !r.isNullAt(10) && r.getBoolean(10)));
      }
      return new Result(out, BunchingCheck.of((int) settings.seed(), outcome.bunching(), evaluatedYears, plantedPushes));
    } finally {
      outcome.release();
    }
  }

  private static long seconds(long start) {
    return (System.nanoTime() - start) / 1_000_000_000L;
  }

  private static Map<String, String[]> labels(String path) {
    Map<String, String[]> labels = new HashMap<>();
    ReferenceCsv.read(RegionGenerator.localStorage(), path, r -> labels.put(
        key(Integer.parseInt(r.get("year")), r.get("subject"), Integer.parseInt(r.get("grade")), r.get("login"), r.get("class")),
        new String[] {r.get("manipulation"), r.get("intensity"), r.get("pupils_affected")}));
    return labels;
  }

  private static String key(int year, String subject, int grade, String login, String className) {
    return year + "/" + subject + "/" + grade + "/" + login + "/" + className;
  }
}
