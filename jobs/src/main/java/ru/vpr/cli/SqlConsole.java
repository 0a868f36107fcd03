package ru.vpr.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive {@code bin/vpr sql}: JLine's line editing and history (kept in
 * {@code ~/.vpr_sql_history}), statements over several lines until their {@code ;}, Ctrl-C to drop
 * the statement being typed, Ctrl-D or {@code \q} to leave. Every statement runs in the same session,
 * so only the first pays for Spark's start.
 */
final class SqlConsole {
  private final SqlShell shell;

  SqlConsole(SqlShell shell) {
    this.shell = shell;
  }

  int run() {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      DefaultParser parser = new DefaultParser();
      parser.setEscapeChars(new char[0]);  // a backslash is the shell's commands' and SQL's, not JLine's
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).parser(parser)
          .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".vpr_sql_history"))
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)  // "!=" is SQL, not a history event
          .build();
      terminal.writer().println("vpr sql: statements end with ';'; \\? for the commands, \\q to quit");
      SqlScript script = new SqlScript();
      while (true) {
        String line;
        try {
          line = reader.readLine(script.unfinished() ? "   ...> " : "vpr> ");
        } catch (UserInterruptException e) {
          script.rest();
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (!script.unfinished() && SqlShell.isCommand(line)) {
          if (!shell.command(line)) return 0;
          continue;
        }
        for (String statement : script.add(line + "\n")) shell.run(statement);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
    }
  }
}
