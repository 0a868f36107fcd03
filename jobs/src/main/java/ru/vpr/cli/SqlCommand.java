package ru.vpr.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    header = "Runs SQL against the catalog and prints the result; read-only unless --write.",
    description = {
        "Runs SQL against the catalog and prints each result as a table (or CSV): one statement given as the",
        "argument, a script (-f FILE, or standard input), or, with neither on a terminal, an interactive shell in",
        "one Spark session (history, statements over several lines ended by ';', \\tables, \\d <table>, \\csv,",
        "\\timing, \\q). Only statements that read (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run unless --write is",
        "given: the catalog may be shared. A script stops at its first failing statement (exit 1).",
        "",
        "Examples:",
        "  bin/vpr sql",
        "  bin/vpr sql -f questions.sql",
        "  echo 'SHOW TABLES IN vpr;' | bin/vpr sql",
        "  bin/vpr sql \"SELECT subject, grade, count(*) FROM vpr.results GROUP BY 1, 2 ORDER BY 1, 2\"",
        "  bin/vpr sql --csv \"SELECT * FROM vpr.rejects\" > rejects.csv",
        "  bin/vpr sql --csv --safe \"SELECT * FROM vpr.rejects\" > rejects-for-excel.csv"})
public final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Parameters(index = "0", arity = "0..1", paramLabel = "STATEMENT",
      description = "The SQL statement; without it (and without -f) statements are read from standard input.")
  String statement;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of this SQL file, in order.")
  Path file;

  @Option(names = "--csv", description = "Print RFC 4180 CSV with a header row instead of a table. Values are printed "
      + "as they are (raw): text from the forms may start like a spreadsheet formula; give --safe for a file people open in Excel.")
  boolean csv;

  @Option(names = "--safe", description = "With --csv: text that starts like a formula (=, +, -, @) gets a leading ', "
      + "as in the published files, so a spreadsheet shows it instead of running it.")
  boolean safe;

  @Option(names = "--write", description = "Also run statements that change the catalog (INSERT, DELETE, DROP, CREATE, ...).")
  boolean write;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
      description = "Print at most N rows (default ${DEFAULT-VALUE}); 0 for all.")
  int limit;

  @Override
  public Integer call() throws Exception {
    if (statement != null && file != null) {
      System.err.println("error: give a statement or -f FILE, not both");
      return 2;
    }
    boolean interactive = statement == null && file == null && System.console() != null;
    List<String> script = interactive ? null : scriptLines();
    if (script != null && !write) {
      // Refused before Spark starts: nothing of a script runs when one of its statements would write.
      for (String s : SqlScript.statements(String.join("\n", withoutCommands(script)))) {
        String refused = ReadOnlySql.refusal(s);
        if (refused != null) {
          System.err.println("error: " + refused);
          return 1;
        }
      }
    }
    int[] exit = {0};
    int launched = JobLauncher.launch(options, "sql", options.config(), spark -> {
      SqlShell shell = new SqlShell(spark, options.config().database(), write, csv, safe, limit, System.out, System.err);
      exit[0] = interactive ? new SqlConsole(shell).run() : runScript(shell, script);
    });
    return launched != 0 ? launched : exit[0];
  }

  /** The lines to run: the statement, the file's, or standard input's. */
  private List<String> scriptLines() throws IOException {
    if (statement != null) return List.of(statement);
    if (file != null) return Files.readAllLines(file, StandardCharsets.UTF_8);
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
  }

  /** Runs lines of SQL and backslash commands; stops at the first failure (exit 1). */
  public static int runScript(SqlShell shell, List<String> lines) {
    SqlScript script = new SqlScript();
    for (String line : lines) {
      if (!script.unfinished() && SqlShell.isCommand(line)) {
        if (!shell.command(line)) return 0;
        continue;
      }
      for (String s : script.add(line + "\n")) if (!shell.run(s)) return 1;
    }
    String last = script.rest();
    return last == null || shell.run(last) ? 0 : 1;
  }

  private static List<String> withoutCommands(List<String> lines) {
    return lines.stream().filter(l -> !SqlShell.isCommand(l)).toList();
  }
}
