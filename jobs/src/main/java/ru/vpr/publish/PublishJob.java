package ru.vpr.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import ru.vpr.audit.RunLog;
import ru.vpr.config.PipelineConfig;
import ru.vpr.config.PublishConfig;
import ru.vpr.io.Storage;
import ru.vpr.publish.files.PublishDir;
import ru.vpr.publish.files.RiskZoneWorkbook;
import ru.vpr.publish.files.SubjectNames;
import ru.vpr.publish.model.AnalyticReport;
import ru.vpr.publish.model.Municipality;
import ru.vpr.publish.model.RiskZoneList;
import ru.vpr.publish.report.AnalyticReportPage;
import ru.vpr.spark.Columns;
import ru.vpr.table.DeltaWrites;
import ru.vpr.table.TableCatalog;
import ru.vpr.table.TableDef;
import ru.vpr.table.Tables;

/**
 * Publishes the risk zone of a year (or of every detected year): the files of contract §3 in
 * {@code <publish-dir>/<year>/} with the extra CSVs, the Russian list and the reports, and the same
 * content in the publish tables. A year's files are staged and moved into place only when every file
 * and table is written; the publication id is derived from the CSV files, so publishing the same
 * inputs again gives identical files and adds no new version to the tables.
 */
public final class PublishJob {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishJob.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final PublishConfig settings;
  private final TableCatalog catalog;
  private final Storage storage;

  public PublishJob(SparkSession spark, PipelineConfig config, PublishConfig settings) {
    this.spark = spark;
    this.config = config;
    this.settings = settings;
    this.catalog = new TableCatalog(spark, config.database(), config.warehouse());
    this.storage = new Storage(spark.sparkContext().hadoopConfiguration());
  }

  public PublishSummary run() {
    Map<String, String> parameters = new LinkedHashMap<>(settings.describe());
    parameters.put("year", String.valueOf(config.year()));
    parameters.put("publish_dir", config.publishDir());
    RunLog run = new RunLog("publish", parameters);
    return run.execute(spark, catalog, "VPR publish", () -> {
      catalog.ensure(Tables.INGEST_TABLES);
      catalog.ensure(Tables.INDICATOR_TABLES);
      catalog.ensure(Tables.DETECT_TABLES);
      catalog.ensure(Tables.PUBLISH_TABLES);
      return publish(run);
    }, PublishSummary::counts);
  }

  private PublishSummary publish(RunLog run) {
    PublishInputs in = PublishInputs.read(catalog, run);
    List<Integer> detected = years(in.riskTotals());
    Integer asked = run.year(config.year());
    List<Integer> years = asked == null ? detected : detected.contains(asked) ? List.of(asked) : List.of();
    if (years.isEmpty()) {
      if (config.year() != null) {
        throw new IllegalStateException("nothing to publish for " + config.year() + ": run detect for that year first");
      }
      return new PublishSummary(run.runId(), List.of(), List.of(), Map.of());
    }
    Publication publication = PublicationBuilder.build(in, years, settings);
    Map<String, String> schoolNames = schoolNames(in.schools());
    List<Municipality> municipalities = municipalities(in.schools());
    RiskZoneCollector lists = new RiskZoneCollector(publication, schoolNames, municipalities);
    Map<String, String> subjectNames = subjectNames(in.subjects());
    ReportCollector reports = new ReportCollector(in.unitIndicators(), in.taskIndicators(), in.scoreHistograms(),
        subjectNames, new PushedPupilsCollector(in.bunching(), in.bunchingCurves(), subjectNames));
    RiskZoneWorkbook workbook = new RiskZoneWorkbook(SubjectNames.contract().with(subjectNames));

    List<PublishDir> dirs = new ArrayList<>();
    List<PublishSummary.Year> published = new ArrayList<>();
    try {
      for (int year : years) {
        PublishDir dir = PublishDir.open(storage, Storage.join(config.publishDir(), String.valueOf(year)), run.runId());
        dirs.add(dir);
        published.add(stage(dir, year, publication, lists, reports, workbook));
      }
      List<PublishSummary.Year> fresh = writeTables(published, publication, years, detected, run);
      for (PublishDir dir : dirs) dir.commit();
      recordPublications(fresh, run);
      return new PublishSummary(run.runId(), years, published, counts(publication));
    } catch (RuntimeException e) {
      for (PublishDir dir : dirs) {
        try {
          dir.abort();
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  /** Stages a year's files; the CSVs alone make the publication id. */
  private PublishSummary.Year stage(PublishDir dir, int year, Publication publication, RiskZoneCollector lists,
      ReportCollector reports, RiskZoneWorkbook workbook) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (CsvExport export : PublishedFiles.ALL) {
      try (OutputStream out = dir.create(export.fileName())) {
        rows.put(export.fileName(), export.write(export.rows(publication, year), out));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + export.fileName() + " into " + dir.stagingDir(), e);
      }
    }
    String id = dir.contentId().substring(0, 16);
    RiskZoneList list = lists.collect(year);
    try (OutputStream out = dir.create(PublishedFiles.RISK_ZONE_XLSX)) {
      workbook.write(list, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + PublishedFiles.RISK_ZONE_XLSX + " into " + dir.stagingDir(), e);
    }
    for (AnalyticReport report : reports.collect(list)) {
      dir.write(PublishedFiles.REPORTS + "/" + reportName(report), AnalyticReportPage.render(report, list.municipalities())
          .getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> files = new TreeMap<>();
    dir.staged().forEach(f -> files.put(f.name(), f.sha256()));
    LOG.info("{}: publication {} staged in {}", year, id, dir.stagingDir());
    return new PublishSummary.Year(year, id, dir.dir(), rows, files, list.flaggedSchools().size(),
        list.flaggedClasses().size(), list.recheck().size());
  }

  static String reportName(AnalyticReport report) {
    if (report.municipality() == null) return "region.html";
    return "municipality_" + report.municipality().code().replaceAll("[^A-Za-z0-9_-]", "_") + ".html";
  }

  /**
   * Writes the publish tables. A publication already recorded is not written again (its rows are the
   * same); a new one replaces whatever a crashed run may have left under its id. Outcomes and dynamics
   * are recomputed for every year up to the last published.
   */
  private List<PublishSummary.Year> writeTables(List<PublishSummary.Year> years, Publication publication,
      List<Integer> published, List<Integer> detected, RunLog run) {
    List<PublishSummary.Year> fresh = new ArrayList<>();
    for (PublishSummary.Year y : years) if (!recorded(y)) fresh.add(y);
    DeltaWrites writes = new DeltaWrites(catalog);
    if (!fresh.isEmpty()) {
      Column ids = publicationIds(fresh);
      Column condition = lit(false);
      for (PublishSummary.Year y : fresh) {
        condition = condition.or(col("year").equalTo(y.year()).and(col("publication_id").equalTo(y.publicationId())));
      }
      List<Object> freshYears = fresh.stream().map(y -> (Object) y.year()).toList();
      Map<TableDef, Dataset<Row>> tables = new LinkedHashMap<>();
      tables.put(Tables.PUBLISHED_RISK_CLASSES, publication.riskClasses());
      tables.put(Tables.PUBLISHED_RISK_SCHOOLS, publication.riskSchools());
      tables.put(Tables.RECHECK_SAMPLE, publication.sample());
      tables.put(Tables.PARTNER_SCHOOLS, publication.partners());
      for (Map.Entry<TableDef, Dataset<Row>> t : tables.entrySet()) {
        Dataset<Row> rows = t.getValue().where(col("year").isin(freshYears.toArray()))
            .withColumn("publication_id", ids).withColumn("run_id", lit(run.runId()));
        writes.replaceWhere(t.getKey(), condition, rows);
      }
    }
    int last = published.get(published.size() - 1);
    List<Object> upTo = new ArrayList<>(new TreeSet<>(detected).headSet(last, true));
    Map<TableDef, Dataset<Row>> recomputed = new LinkedHashMap<>();
    recomputed.put(Tables.RECHECK_OUTCOMES, publication.outcomes());
    recomputed.put(Tables.RECHECK_PRECISION, publication.precision());
    recomputed.put(Tables.RISK_DYNAMICS, publication.dynamics());
    // Re-checks of a year nobody detected (no results) have nothing to be judged against: left out.
    recomputed.forEach((table, rows) -> writes.replaceWhereIn(table, "year", upTo,
        rows.where(col("year").isin(upTo.toArray())).withColumn("run_id", lit(run.runId()))));
    return fresh;
  }

  private boolean recorded(PublishSummary.Year y) {
    return !catalog.read(Tables.PUBLICATIONS)
        .where(col("year").equalTo(y.year()).and(col("publication_id").equalTo(y.publicationId()))).isEmpty();
  }

  private void recordPublications(List<PublishSummary.Year> fresh, RunLog run) {
    if (fresh.isEmpty()) return;
    List<Row> rows = new ArrayList<>();
    for (PublishSummary.Year y : fresh) {
      Map<String, Long> counts = new TreeMap<>(y.rows());
      counts.put("flagged_schools", (long) y.flaggedSchools());
      counts.put("flagged_classes", (long) y.flaggedClasses());
      counts.put("recheck_works", (long) y.recheckWorks());
      rows.add(RowFactory.create(y.year(), y.publicationId(), run.runId(), null, y.dir(), Columns.map(y.files()),
          Columns.map(counts)));
    }
    Dataset<Row> publications = spark.createDataFrame(rows, Tables.PUBLICATIONS.schema())
        .withColumn("published_at", current_timestamp());
    new DeltaWrites(catalog).insertNew(Tables.PUBLICATIONS, publications);
  }

  private static Column publicationIds(List<PublishSummary.Year> years) {
    List<Column> pairs = new ArrayList<>();
    for (PublishSummary.Year y : years) {
      pairs.add(lit(y.year()));
      pairs.add(lit(y.publicationId()));
    }
    return element_at(map(pairs.toArray(Column[]::new)), col("year"));
  }

  private static Map<String, Long> counts(Publication p) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("classes_flagged", p.riskClasses().where(col("flagged")).count());
    counts.put("school_works_flagged", p.riskSchools().where(col("flagged")).count());
    counts.put("recheck_works", p.sample().count());
    counts.put("partner_suggestions", p.partners().count());
    counts.put("recheck_outcomes", p.outcomes().count());
    return counts;
  }

  private static List<Integer> years(Dataset<Row> riskTotals) {
    // A handful of numbers.
    List<Integer> years = new ArrayList<>(riskTotals.select("year").distinct().as(Encoders.INT()).collectAsList());
    years.sort(null);
    return years;
  }

  private static Map<String, String> schoolNames(Dataset<Row> schools) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Row r : schools.select("login", "name").collectAsList()) names.put(r.getString(0), r.getString(1));
    return names;
  }

  private static List<Municipality> municipalities(Dataset<Row> schools) {
    List<Municipality> out = new ArrayList<>();
    for (Row r : schools.groupBy("municipality_code").agg(org.apache.spark.sql.functions.min("municipality_name"))
        .orderBy("municipality_code").collectAsList()) {
      out.add(new Municipality(r.getString(0), r.getString(1)));
    }
    return out;
  }

  private static Map<String, String> subjectNames(Dataset<Row> subjects) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Row r : subjects.select("subject", "name").collectAsList()) names.put(r.getString(0), r.getString(1));
    return names;
  }
}
