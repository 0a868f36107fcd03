package ru.vpr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.config.PipelineConfig;
import ru.vpr.reference.SchoolRegistry;
import ru.vpr.registry.RegistryJob;
import ru.vpr.registry.RegistrySummary;
import ru.vpr.generate.GeneratorSettings;
import ru.vpr.generate.Preset;
import ru.vpr.generate.RegionGenerator;
import ru.vpr.test.SparkTestBase;

/**
 * The sample region written as FIS OKO downloads ({@code data-samples/fis-oko}) goes in as the region's
 * coordinator would run it: no registry file (it is built from the exports and the school list), every
 * file placed by its name. The same region generated in the contract's layout must give the same pupils'
 * results: the layout changes how the files look, never what they say.
 */
class FisOkoSampleTest extends SparkTestBase {
  private static final String DB = databaseFor(FisOkoSampleTest.class);
  private static final String CONTRACT_DB = DB + "_contract";
  private static final Path FIS_OKO = Path.of("..", "data-samples", "fis-oko");
  @TempDir static Path dir;
  private static RegistrySummary registry;
  private static IngestSummary ingest;

  @BeforeAll
  static void ingestBothLayouts() throws Exception {
    dropDatabase(DB);
    dropDatabase(CONTRACT_DB);
    PipelineConfig fisOko = config(DB).withLanding(FIS_OKO.resolve("landing").toString())
        .withRegistry(dir.resolve("schools.csv").toString()).withSpecs(FIS_OKO.resolve("specs").toString());
    registry = new RegistryJob(spark()).landing(fisOko.landing()).schoolList(FIS_OKO.resolve("logins.xlsx").toString())
        .registry(fisOko.registry()).run();
    ingest = new IngestJob(spark(), fisOko).run();
    Path contract = dir.resolve("contract");
    new RegionGenerator(RegionGenerator.localStorage()).generate(
        GeneratorSettings.of(contract.toString(), Preset.SAMPLE).withSchools(8));
    Path landing = dir.resolve("contract-ma5");
    for (int year : List.of(2023, 2024, 2025)) {
      Path from = contract.resolve("landing/year=" + year + "/subject=ma/grade=5");
      Path to = java.nio.file.Files.createDirectories(landing.resolve("year=" + year + "/subject=ma/grade=5"));
      try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(from)) {
        for (Path f : files.toList()) java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    new IngestJob(spark(), config(CONTRACT_DB).withLanding(landing.toString())
        .withRegistry(contract.resolve("schools.csv").toString()).withSpecs(contract.resolve("specs").toString())).run();
  }

  @AfterAll
  static void tearDown() {
    dropDatabase(DB);
    dropDatabase(CONTRACT_DB);
  }

  @Test
  void everyFileIsPlacedAndReadWhole() {
    assertEquals(ingest.filesSeen(), ingest.filesAccepted(), ingest.format());
    assertEquals(0, ingest.rowsRefused());
    Map<String, Long> layouts = new java.util.TreeMap<>();
    for (Row r : sql("SELECT kind, count(*) FROM " + DB + ".ingest_files GROUP BY kind")) layouts.put(r.getString(0), r.getLong(1));
    assertEquals(Set.of("raw_export", "export_2021", "fis_oko_export", "school_form"), layouts.keySet());
  }

  @Test
  void theRegistryIsBuiltFromTheExportsAndTheList() {
    assertEquals(8, registry.added());
    SchoolRegistry built = SchoolRegistry.read(new ru.vpr.io.Storage(spark().sparkContext().hadoopConfiguration()),
        dir.resolve("schools.csv").toString());
    assertTrue(built.schools().stream().allMatch(s -> s.municipalityCode().startsWith("reg99_m")), built.schools()::toString);
    assertTrue(built.schools().stream().allMatch(s -> s.inferred().contains("kind")));
    assertEquals(0L, sql("SELECT count(*) FROM " + DB + ".results WHERE municipality_code IS NULL").get(0).getLong(0));
  }

  @Test
  void thePupilsResultsAreThoseOfTheContractLayout() {
    // Sex is left out: some of the sample's schools leave the column out of their own forms.
    String columns = "year, subject, grade, login, code, absent, variant, primary_score, mark, journal_mark";
    String schools = "SELECT login FROM " + DB + ".schools";
    Set<String> fromFisOko = rows("SELECT " + columns + " FROM " + DB + ".results WHERE subject = 'ma' AND grade = 5");
    Set<String> fromContract = rows("SELECT " + columns + " FROM " + CONTRACT_DB + ".results WHERE login IN (" + schools + ")");
    assertTrue(fromContract.size() > 300, "the 8 schools' maths 5 over three years: " + fromContract.size());
    assertSame(fromContract, fromFisOko);
    Set<String> tasksFisOko = rows("SELECT year, login, code, task, score FROM " + DB + ".task_scores WHERE subject = 'ma' AND grade = 5");
    Set<String> tasksContract = rows("SELECT year, login, code, task, score FROM " + CONTRACT_DB + ".task_scores WHERE login IN (" + schools + ")");
    assertSame(tasksContract, tasksFisOko);
  }

  /** Equal sets, or a message with a few rows of each side's difference (not the whole sets). */
  private static void assertSame(Set<String> expected, Set<String> actual) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    assertTrue(missing.isEmpty() && extra.isEmpty(), () -> missing.size() + " rows missing, e.g. "
        + missing.stream().limit(5).toList() + "; " + extra.size() + " extra, e.g. " + extra.stream().limit(5).toList());
  }

  private static Set<String> rows(String query) {
    Set<String> out = new TreeSet<>();
    for (Row r : sql(query)) out.add(r.toString());
    return out;
  }
}
