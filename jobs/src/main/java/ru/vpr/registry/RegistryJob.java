package ru.vpr.registry;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import ru.vpr.ingest.LandingLayout;
import ru.vpr.io.Storage;
import ru.vpr.reference.SchoolRegistry;

/**
 * Builds or extends {@code schools.csv} from a landing's exports and, optionally, a school list
 * ({@code bin/vpr registry}, and {@code bin/vpr ingest --build-registry} before it ingests). The files
 * are read on the executors with ingest's readers; only the distinct schools they name reach the driver.
 * Running it again on the same files writes the same registry.
 */
public final class RegistryJob {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegistryJob.class);
  private static final StructType SIGHTING = createStructType(List.of(
      createStructField("login", StringType, false), createStructField("name", StringType, false),
      createStructField("municipality_code", StringType, false), createStructField("municipality_name", StringType, false),
      createStructField("source", StringType, false)));

  private final SparkSession spark;
  private final Storage storage;
  private String landing;
  private String schoolList;
  private String registry;

  public RegistryJob(SparkSession spark) {
    this.spark = spark;
    this.storage = new Storage(spark.sparkContext().hadoopConfiguration());
  }

  /** The landing whose exports name the schools. */
  public RegistryJob landing(String landing) {
    this.landing = landing;
    return this;
  }

  /** A list of the region's schools ({@code логин | имя | регион}); null for none. */
  public RegistryJob schoolList(String schoolList) {
    this.schoolList = schoolList;
    return this;
  }

  /** The registry file: extended when it exists, created when it does not. */
  public RegistryJob registry(String registry) {
    this.registry = registry;
    return this;
  }

  public RegistrySummary run() {
    if (registry == null || registry.isBlank()) throw new IllegalArgumentException("no registry file to write (--registry)");
    if (landing == null || !storage.exists(landing)) throw new IllegalArgumentException("landing folder does not exist: " + landing);
    if (schoolList != null && !storage.exists(schoolList)) throw new IllegalArgumentException("school list does not exist: " + schoolList);
    spark.sparkContext().setJobGroup("vpr-registry", "VPR registry from " + landing, false);
    try {
      List<SchoolSighting> sightings = new ArrayList<>(fromLanding(storage.qualify(landing)));
      int fromExports = sightings.size();
      if (schoolList != null) sightings.addAll(SchoolList.read(schoolList, bytes(schoolList)));
      SchoolRegistry existing = storage.exists(registry) ? SchoolRegistry.read(storage, registry) : new SchoolRegistry(List.of());
      RegistryBuilder.Built built = RegistryBuilder.build(existing, sightings);
      if (built.added() > 0 || !storage.exists(registry)) built.registry().write(storage, registry);
      LOG.info("registry {}: {} kept, {} added from {} sightings in the landing and {} in the list",
          registry, built.kept(), built.added(), fromExports, sightings.size() - fromExports);
      return new RegistrySummary(registry, built.kept(), built.added(), built.withInferredCode(),
          built.withUnknownMunicipality(), built.addedBySource());
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private List<SchoolSighting> fromLanding(String root) {
    List<Row> rows = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(root)
        .select("path", "content")
        .flatMap(new Sightings(root), Encoders.row(SIGHTING))
        .distinct()
        .collectAsList();
    List<SchoolSighting> out = new ArrayList<>(rows.size());
    for (Row r : rows) out.add(new SchoolSighting(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
    out.sort(java.util.Comparator.comparing(SchoolSighting::login).thenComparing(SchoolSighting::source)
        .thenComparing(SchoolSighting::name).thenComparing(SchoolSighting::municipalityName));
    return out;
  }

  private byte[] bytes(String location) {
    try (InputStream in = storage.open(location)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  /** On the executors: one file's bytes in, the schools it names out. */
  private static final class Sightings implements FlatMapFunction<Row, Row> {
    private final String root;

    Sightings(String root) {
      this.root = root;
    }

    @Override
    public Iterator<Row> call(Row file) {
      String path = file.getString(0);
      String name = path.substring(path.lastIndexOf('/') + 1);
      List<Row> out = new ArrayList<>();
      for (SchoolSighting s : ExportSightings.of(name, LandingLayout.place(root, path).login(), file.getAs(1))) {
        out.add(RowFactory.create(s.login(), s.name(), s.municipalityCode(), s.municipalityName(), s.source()));
      }
      return out.iterator();
    }
  }
}
