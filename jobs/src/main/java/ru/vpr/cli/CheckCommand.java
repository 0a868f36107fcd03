package ru.vpr.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.vpr.audit.ConsistencyCheck;
import ru.vpr.config.PipelineConfig;
import ru.vpr.table.TableCatalog;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    header = "Checks that the catalog's tables are in step, as a killed run could leave them; exits 1 if not.",
    description = {
        "Checks that the catalog's tables are in step, as a run killed between two table commits could leave",
        "them: every results row of a pupil who wrote has its task scores and every task score its results row,",
        "every landing file with results its ingest_files row, no run is left unfinished, every detection and",
        "publication table's run succeeded. Changes nothing; exits 1 when something is out of step (re-run the",
        "job the line names: each job replaces what it writes).",
        "",
        "Example:",
        "  bin/vpr check"})
public final class CheckCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  private boolean inStep = true;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.config();
    int launched = JobLauncher.launch(options, "check", config, spark -> {
      List<ConsistencyCheck.Finding> findings =
          new ConsistencyCheck(new TableCatalog(spark, config.database(), config.warehouse())).run();
      for (ConsistencyCheck.Finding f : findings) System.out.println(f.line());
      inStep = findings.stream().allMatch(f -> f.broken() == 0);
      System.out.println(inStep ? "in step" : "OUT OF STEP: re-run the jobs of the lines marked FAIL");
    });
    return launched != 0 ? launched : inStep ? 0 : 1;
  }
}
