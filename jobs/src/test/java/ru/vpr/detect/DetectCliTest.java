package ru.vpr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ru.vpr.cli.VprMain;

/** {@code bin/vpr detect} and {@code bin/vpr evaluate} explain themselves with an example; no Spark. */
class DetectCliTest {

  private static String help(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = VprMain.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute(command, "--help"), command + " --help");
    return out.toString();
  }

  @Test
  void detectHelpShowsItsExamples() {
    String help = help("detect");
    assertTrue(help.contains("Examples:"), help);
    assertTrue(help.contains("bin/vpr detect --year 2025"), help);
    assertTrue(help.contains("FROM vpr.risk_classes"), help);
    for (String option : List.of("--warehouse", "--database", "--year", "--conf")) {
      assertTrue(help.contains(option), "detect lacks " + option);
    }
  }

  @Test
  void evaluateHelpShowsItsExampleAndOptions() {
    String help = help("evaluate");
    assertTrue(help.contains("Example:"), help);
    assertTrue(help.contains("bin/vpr evaluate --preset region-m --seeds 101,102,103 --out bench/detection.md"), help);
    for (String option : List.of("--preset", "--seeds", "--years", "--manipulated-share", "--strong-share", "--work-dir", "--out")) {
      assertTrue(help.contains(option), "evaluate lacks " + option);
    }
  }

  @Test
  void evaluateRefusesAnUnknownOption() {
    CommandLine cli = VprMain.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, cli.execute("evaluate", "--no-such-option"));
  }
}
