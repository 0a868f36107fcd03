package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ru.vpr.cli.VprMain;

/** {@code bin/vpr indicators} is registered and its help shows an example; pipeline mentions it. */
class IndicatorsCliTest {

  private static String help(String command) {
    CommandLine cli = VprMain.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.execute(command, "--help");
    return out.toString();
  }

  @Test
  void indicatorsHelpHasAnExample() {
    String help = help("indicators");
    assertTrue(help.contains("bin/vpr indicators --year 2025"), help);
    assertTrue(help.contains("municipality_indicators"), help);
  }

  @Test
  void pipelineRunsIndicatorsAfterIngest() {
    assertTrue(help("pipeline").contains("ingest, indicators, detect, publish"));
  }
}
