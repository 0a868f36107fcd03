package ru.vpr.cli;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import ru.vpr.config.PipelineConfig;
import ru.vpr.registry.RegistryJob;

/** The options of a command that can build the school registry from the landing's exports before it ingests. */
final class RegistryOptions {
  @Option(names = "--build-registry",
      description = "Build or extend the --registry file from the landing's exports (and --schools-list) before ingesting: "
          + "for a region with FIS OKO downloads and no schools.csv of its own.")
  boolean build;

  @Option(names = "--schools-list", paramLabel = "FILE",
      description = "A list of the region's schools (xlsx or csv: логин | имя | регион) that names the schools and "
          + "municipalities the exports do not.")
  String schoolsList;

  /** Under --build-registry the file must be named: the registry is written there, never into the bundled sample. */
  void check(CommandSpec spec, CommonOptions options) {
    if (build && options.registry == null) {
      throw new ParameterException(spec.commandLine(),
          "--build-registry writes the registry to the file --registry names: give --registry <file>");
    }
    if (schoolsList != null && !build) {
      throw new ParameterException(spec.commandLine(), "--schools-list is read by --build-registry; give both");
    }
    if (schoolsList != null) Preflight.requireFile("the school list (--schools-list)", schoolsList);
  }

  /** What a job needs when it may build the registry first: the file need not exist yet. */
  Set<Preflight.Need> needs(Set<Preflight.Need> job) {
    Set<Preflight.Need> needs = EnumSet.noneOf(Preflight.Need.class);
    needs.addAll(job);
    if (build) needs.remove(Preflight.Need.REGISTRY);
    return needs;
  }

  /** Builds the registry when asked; prints what it did. */
  void buildIfAsked(SparkSession spark, PipelineConfig config) {
    if (!build) return;
    System.out.print(new RegistryJob(spark).landing(config.landing()).schoolList(schoolsList)
        .registry(config.registry()).run().format());
  }
}
