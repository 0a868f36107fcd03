package ru.vpr.cli;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.vpr.config.PipelineConfig;
import ru.vpr.registry.RegistryJob;

@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    header = "Builds or extends the school registry (schools.csv) from the schools the landing's FIS OKO exports name.",
    description = {
        "Builds or extends the school registry (schools.csv) from the schools the landing's FIS OKO exports name,",
        "and from a list of the region's schools when given. Schools already in the file are kept as they are; a",
        "new school's municipality comes from the exports, its kind and locality from its name (marked inferred).",
        "",
        "Example:",
        "  bin/vpr registry --landing ~/vpr/downloads --registry ~/vpr/schools.csv --schools-list ~/vpr/logins.xlsx"})
public final class RegistryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(names = "--schools-list", paramLabel = "FILE",
      description = "A list of the region's schools (xlsx or csv: логин | имя | регион).")
  String schoolsList;

  @Override
  public Integer call() throws Exception {
    if (options.registry == null) {
      throw new ParameterException(spec.commandLine(), "give --registry <file>: the registry to write or extend");
    }
    if (schoolsList != null) Preflight.requireFile("the school list (--schools-list)", schoolsList);
    PipelineConfig config = options.config();
    return JobLauncher.launch(options, "registry", config, EnumSet.of(Preflight.Need.LANDING), spark -> System.out.print(
        new RegistryJob(spark).landing(config.landing()).schoolList(schoolsList).registry(config.registry()).run().format()));
  }
}
