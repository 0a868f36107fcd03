package ru.vpr.cli;

import picocli.CommandLine;
import ru.vpr.config.Metastore;
import picocli.CommandLine.Command;

/** {@code vpr}: the pipeline's command line; every subcommand is a job that also runs under spark-submit. */
@Command(
    name = "vpr",
    mixinStandardHelpOptions = true,
    version = "vpr 0.1.0",
    description = {
        "VPR analytics pipeline: ingest school results forms into Delta tables, compute indicators,",
        "detect biased grading and publish risk-zone lists.",
        "",
        "On one machine: bin/vpr <command>. On a cluster:",
        "  spark-submit --class ru.vpr.cli.VprMain vpr-jobs.jar <command> --conf cluster.conf"},
    subcommands = {
        GenerateCommand.class, RegistryCommand.class, IngestCommand.class, IndicatorsCommand.class, DetectCommand.class, PublishCommand.class, EvaluateCommand.class, SqlCommand.class, CheckCommand.class,
        PipelineCommand.class,
        CommandLine.HelpCommand.class})
public final class VprMain implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    // Spark leaves non-daemon threads behind; a finished job must still end the JVM.
    System.exit(code);
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new VprMain());
    cli.setUsageHelpWidth(110);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + withoutSecrets(rootMessage(e)));
      if (System.getenv("VPR_DEBUG") != null) e.printStackTrace(commandLine.getErr());
      return 1;
    });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * The message with any password masked: drivers and the metastore echo the JDBC URL they failed
   * on, and a URL may carry one; the metastore password itself may come back in a message too.
   */
  static String withoutSecrets(String message) {
    String masked = Metastore.redact(message);
    String password = System.getenv("VPR_METASTORE_PASSWORD");
    return password == null || password.isEmpty() ? masked : masked.replace(password, "***");
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }
}
