package ru.vpr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line without Spark: help texts, usage errors, result printing. */
class CliTest {

  @ParameterizedTest
  @ValueSource(strings = {"generate", "registry", "ingest", "sql", "publish", "pipeline"})
  void everyCommandHasHelpWithAnExample(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = VprMain.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute(command, "--help"));
    String help = out.toString();
    assertTrue(help.contains("Example"), help);
    assertTrue(help.contains("bin/vpr " + command), help);
    if (!command.equals("generate")) {
      for (String option : List.of("--landing", "--registry", "--specs", "--warehouse", "--publish-dir", "--year", "--conf", "--dry-run")) {
        assertTrue(help.contains(option), command + " lacks " + option);
      }
    }
  }

  @Test
  void theCommandListShowsEverySummaryWhole() {
    StringWriter out = new StringWriter();
    CommandLine cli = VprMain.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    String list = out.toString().replaceAll("\\s+", " ");
    cli.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) return;
      String[] header = sub.getCommandSpec().usageMessage().header();
      assertEquals(1, header.length, name + " has a one-sentence header");
      assertTrue(header[0].endsWith("."), name + ": " + header[0]);
      assertTrue(list.contains(name + " " + header[0]), name + " summary cut in:\n" + out);
    });
  }

  @Test
  void helpPrintsNoFormatWarning() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String command : VprMain.commandLine().getSubcommands().keySet()) {
        CommandLine cli = VprMain.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute(command, "--help"), command);
      }
    } finally {
      System.setErr(stderr);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandLine cli = VprMain.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, cli.execute("ingest", "--no-such-option"));
  }

  @Test
  void buildingTheRegistryNeedsTheFileItWrites() {
    for (String command : List.of("ingest", "pipeline")) {
      CommandLine cli = VprMain.commandLine();
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));
      assertEquals(2, cli.execute(command, "--build-registry", "--dry-run"), command);
      assertTrue(err.toString().contains("give --registry <file>"), err.toString());
    }
    CommandLine cli = VprMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("ingest", "--schools-list", "logins.xlsx", "--registry", "r.csv", "--dry-run"));
    assertTrue(err.toString().contains("--schools-list is read by --build-registry"), err.toString());
    String out = capture(() -> assertEquals(0, VprMain.commandLine().execute(
        "ingest", "--build-registry", "--registry", "r.csv", "--schools-list", "../data-samples/fis-oko/logins.xlsx",
        "--dry-run", "--landing", "../data-samples/sample/landing", "--specs", "builtin")));
    assertTrue(out.contains("dry run: ingest would run"), out);
  }

  @Test
  void anotherLandingDoesNotReadTheSamplesControlAndRechecks() {
    CommonOptions options = new CommonOptions();
    new CommandLine(options).parseArgs("--landing", "/data/downloads");
    assertEquals("", options.config().control());
    assertEquals("", options.config().recheck());
    CommonOptions named = new CommonOptions();
    new CommandLine(named).parseArgs("--landing", "/data/downloads", "--control", "/data/control.csv");
    assertEquals("/data/control.csv", named.config().control());
    CommonOptions sample = new CommonOptions();
    new CommandLine(sample).parseArgs();
    assertTrue(sample.config().control().endsWith("control.csv"), "the sample's own landing keeps them");
  }

  @Test
  void registryNeedsTheFileItWrites() {
    CommandLine cli = VprMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("registry", "--landing", "x", "--dry-run"));
    assertTrue(err.toString().contains("--registry"), err.toString());
  }

  @Test
  void generateNeedsAnOutputRoot() {
    CommandLine cli = VprMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("generate"));
    assertTrue(err.toString().contains("--out"), err.toString());
  }

  @Test
  void dryRunSaysWhatWouldRunAndStops() {
    String out = capture(() -> assertEquals(0, VprMain.commandLine().execute(
        "detect", "--dry-run", "--year", "2025", "--database", "vpr_dry", "--landing", "/data/landing")));
    assertTrue(out.contains("dry run: detect would run; no Spark session started"), out);
    assertTrue(out.contains("vpr_dry") && out.contains("/data/landing") && out.contains("year       2025"), out);
    String all = capture(() -> assertEquals(0, VprMain.commandLine().execute("pipeline", "--dry-run", "--year", "all",
        "--landing", "../data-samples/sample/landing", "--registry", "../data-samples/sample/schools.csv",
        "--specs", "../data-samples/sample/specs")));
    assertTrue(all.contains("dry run: pipeline") && all.contains("year       all"), all);
    assertTrue(all.contains("checked    landing, registry, specs, publish dir, metastore embedded"), all);
    String publish = capture(() -> assertEquals(0, VprMain.commandLine().execute("publish", "--dry-run", "--year", "2025")));
    assertTrue(publish.contains("dry run: publish would run"), publish);
  }

  @Test
  void dryRunNamesTheSharedMetastoreButNeverItsPassword(@TempDir Path dir) throws IOException {
    Path postgres = Path.of("../conf/postgres.conf").toAbsolutePath().normalize();
    try (ServerSocket database = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "jdbc:postgresql://127.0.0.1:" + database.getLocalPort() + "/vpr_metastore";
      Path conf = Files.writeString(dir.resolve("site.conf"), "include file(\"" + postgres + "\")\n"
          + "vpr.metastore { url = \"" + url + "\", user = analyst, password = \"s3cret\" }\n");
      String out = capture(() -> assertEquals(0, VprMain.commandLine().execute("sql", "--dry-run", "--conf", conf.toString(),
          "SELECT 1")));
      assertTrue(out.contains("metastore  jdbc " + url + " as analyst (password set)"), out);
      assertTrue(!out.contains("s3cret"), out);
    }
    Path noUrl = Files.writeString(dir.resolve("no-url.conf"), "vpr.metastore { kind = jdbc, url = \"\" }\n");
    assertFails("vpr.metastore.url", "sql", "--dry-run", "--conf", noUrl.toString(), "SELECT 1");
  }

  @Test
  void missingInputsAreNamedBeforeSparkStarts(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    String[] missing = {"--landing", dir.resolve("no-landing").toString(), "--registry", dir.resolve("no.csv").toString(),
        "--specs", dir.resolve("no-specs").toString(), "--publish-dir", file.resolve("publish").toString()};
    for (String[] command : List.of(new String[] {"pipeline", "--dry-run"}, new String[] {"ingest"})) {
      List<String> args = new java.util.ArrayList<>(List.of(command));
      args.addAll(List.of(missing));
      CommandLine cli = VprMain.commandLine();
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));
      String out = capture(() -> assertEquals(1, cli.execute(args.toArray(String[]::new)), String.join(" ", args)));
      String e = err.toString();
      assertTrue(e.contains("the landing (--landing) " + dir.resolve("no-landing") + " does not exist"), e);
      assertTrue(e.contains("the school registry (--registry) " + dir.resolve("no.csv") + " does not exist"), e);
      assertTrue(e.contains("the specs folder"), e);
      if (command[0].equals("pipeline")) assertTrue(e.contains("the publish folder (--publish-dir)") && e.contains("is a file"), e);
      assertTrue(!out.contains("dry run") && !out.contains("Ingest run"), out);
    }
    // --build-registry writes the registry: it need not exist yet; 'builtin' specs are no folder.
    String built = capture(() -> assertEquals(0, VprMain.commandLine().execute("ingest", "--dry-run", "--build-registry",
        "--registry", dir.resolve("new.csv").toString(), "--specs", "builtin", "--landing", dir.toString())));
    assertTrue(built.contains("dry run: ingest would run"), built);
    assertFails("the school list (--schools-list) " + dir.resolve("no-logins.xlsx") + " does not exist", "ingest",
        "--dry-run", "--build-registry", "--registry", dir.resolve("new.csv").toString(), "--specs", "builtin",
        "--landing", dir.toString(), "--schools-list", dir.resolve("no-logins.xlsx").toString());
  }

  @Test
  void aSharedMetastoreMustAnswerAndHaveItsPassword(@TempDir Path dir) throws IOException {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    Path down = Files.writeString(dir.resolve("down.conf"), "vpr.metastore { kind = jdbc, "
        + "url = \"jdbc:postgresql://127.0.0.1:" + closed + "/m\", user = analyst, password = \"\" }\n");
    assertFails("cannot reach the metastore database at 127.0.0.1:" + closed, "detect", "--dry-run", "--conf", down.toString());
    assertFails("has no password: set VPR_METASTORE_PASSWORD", "detect", "--dry-run", "--conf", down.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"25", "notanumber", ""})
  void aYearIsFourDigitsOrAll(String year) {
    CommandLine cli = VprMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("ingest", "--dry-run", "--year", year));
    assertTrue(err.toString().contains("--year"), err.toString());
  }

  @Test
  void dryRunStillChecksTheConfigurationAndTheJobSettings(@TempDir Path dir) throws IOException {
    Path detect = Files.writeString(dir.resolve("detect.conf"), "vpr.detect.false-alarm-rate = 2\n");
    Path indicators = Files.writeString(dir.resolve("indicators.conf"), "vpr.indicators.min-group = 0\n");
    assertFails("false-alarm-rate", "detect", "--dry-run", "--conf", detect.toString());
    assertFails("min-group", "indicators", "--dry-run", "--conf", indicators.toString());
    assertFails("min-group", "pipeline", "--dry-run", "--conf", indicators.toString());
    Path publish = Files.writeString(dir.resolve("publish.conf"), "vpr.publish.recheck.min-per-class = 9\n");
    assertFails("min-per-class", "publish", "--dry-run", "--conf", publish.toString());
    assertFails("min-per-class", "pipeline", "--dry-run", "--conf", publish.toString());
    assertFails("no-such.conf", "ingest", "--dry-run", "--conf", dir.resolve("no-such.conf").toString());
    assertFails("embedded metastore", "ingest", "--dry-run", "--warehouse", "s3a://bucket/warehouse");
  }

  private static void assertFails(String message, String... args) {
    CommandLine cli = VprMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    String out = capture(() -> assertEquals(1, cli.execute(args), String.join(" ", args)));
    assertTrue(err.toString().contains(message), err.toString());
    assertTrue(!out.contains("dry run"), out);
  }

  @Test
  void printsAlignedTableAndCsv() {
    var rows = List.of(
        org.apache.spark.sql.RowFactory.create("ma", 5, 0.25),
        org.apache.spark.sql.RowFactory.create("ru, \"x\"", 10, null));
    ResultPrinter printer = new ResultPrinter(new String[] {"subject", "grade", "share"}, rows);
    assertEquals(String.join("\n",
        "+---------+-------+-------+",
        "| subject | grade | share |",
        "+---------+-------+-------+",
        "| ma      |     5 |  0.25 |",
        "| ru, \"x\" |    10 | NULL  |",
        "+---------+-------+-------+",
        "2 rows", ""), printer.table());
    assertEquals("subject,grade,share\nma,5,0.25\n\"ru, \"\"x\"\"\",10,\n", printer.csv());
  }

  @Test
  void csvIsRawUnlessSafeIsAsked() {
    var rows = List.of(org.apache.spark.sql.RowFactory.create("=HYPERLINK(\"http://x\")", -3, "@sum"));
    ResultPrinter printer = new ResultPrinter(new String[] {"class", "delta", "note"}, rows);
    assertEquals("class,delta,note\n\"=HYPERLINK(\"\"http://x\"\")\",-3,@sum\n", printer.csv());
    assertEquals("class,delta,note\n\"'=HYPERLINK(\"\"http://x\"\")\",-3,'@sum\n", printer.csv(true),
        "text neutralised, a negative number left a number");
  }

  /** A statement that would change a possibly shared catalog is refused before Spark starts. */
  @Test
  void sqlRefusesWritesWithoutWrite() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(1, VprMain.commandLine().execute("sql", "DROP TABLE vpr.runs"));
    } finally {
      System.setErr(old);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("only reads unless given --write"), err.toString());
  }

  static String capture(Runnable action) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
