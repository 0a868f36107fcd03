package ru.vpr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/** bin/vpr sql's scripts and shell: statements split at their semicolons, backslash commands, one-line errors. */
class SqlShellTest extends SparkTestBase {
  private static final String DB = databaseFor(SqlShellTest.class);

  @BeforeAll
  static void table() {
    sql("CREATE DATABASE IF NOT EXISTS " + DB);
    sql("CREATE TABLE " + DB + ".marks (login STRING, mark INT) USING delta");
    sql("INSERT INTO " + DB + ".marks VALUES ('edu1', 3), ('edu2', 5), ('edu;3', 4)");
  }

  @AfterAll
  static void drop() {
    dropDatabase(DB);
  }

  private record Ran(int exit, String out, String err) {}

  private static Ran script(boolean write, String... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SqlShell shell = new SqlShell(spark(), DB, write, false, false, 1000,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit = SqlCommand.runScript(shell, List.of(lines));
    return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void statementsEndAtTheirSemicolonsNotThoseInQuotesOrComments() {
    assertEquals(List.of("SELECT ';' AS a", "SELECT 2 -- one; two\nFROM t", "SELECT /* ; */ 3", "SELECT `x;y` FROM u"),
        SqlScript.statements("SELECT ';' AS a; SELECT 2 -- one; two\nFROM t;\nSELECT /* ; */ 3;SELECT `x;y` FROM u"));
    assertEquals(List.of("SELECT 'it\\'s; fine'"), SqlScript.statements("SELECT 'it\\'s; fine';  -- trailing comment"));
    SqlScript typing = new SqlScript();
    assertEquals(List.of(), typing.add("SELECT login\n"));
    assertTrue(typing.unfinished());
    assertEquals(List.of("SELECT login\nFROM m"), typing.add("FROM m;\n"));
    assertFalse(typing.unfinished());
  }

  @Test
  void aScriptRunsStatementsOverLinesAndTheCommandsInOneSession() {
    Ran ran = script(false,
        "\\tables",
        "-- Pupils per mark",
        "SELECT mark, count(*) AS pupils",
        "FROM " + DB + ".marks WHERE login <> 'edu;3'   -- a semicolon in a literal does not end it",
        "GROUP BY mark ORDER BY mark;",
        "\\csv",
        "SELECT login FROM " + DB + ".marks ORDER BY login;",
        "\\d marks",
        "\\timing",
        "SELECT 1 AS one");
    assertEquals(0, ran.exit(), ran.err());
    assertTrue(ran.out().contains("marks"), "\\tables lists the table:\n" + ran.out());
    assertTrue(ran.out().contains("| mark | pupils |") && ran.out().contains("|    5 |      1 |"), ran.out());
    assertTrue(ran.out().contains("-- Pupils per mark\n+"), "the comment above a statement heads its table:\n" + ran.out());
    assertTrue(ran.out().contains("login\nedu1\nedu2\n\"edu;3\"\n") || ran.out().contains("login\nedu1\nedu2\nedu;3\n"),
        "\\csv switches the output to CSV:\n" + ran.out());
    assertTrue(ran.out().contains("col_name") && ran.out().contains("mark,int"), "\\d describes the table:\n" + ran.out());
    assertTrue(ran.out().endsWith("one\n1\n"), "the last statement needs no semicolon:\n" + ran.out());
    assertTrue(ran.err().contains("Time: "), "\\timing times what follows: " + ran.err());
  }

  /** The notebooks' SQL files set their parameters as session variables: allowed without --write. */
  @Test
  void sessionVariablesParameteriseAReadOnlyScript() {
    Ran ran = script(false, "DECLARE OR REPLACE VARIABLE p_login STRING DEFAULT 'edu2';",
        "SELECT login, mark FROM " + DB + ".marks WHERE login = p_login;");
    assertEquals(0, ran.exit(), ran.err());
    assertTrue(ran.out().contains("| edu2  |") && ran.out().contains("1 row"), ran.out());
  }

  @Test
  void aFailingStatementSaysWhatIsWrongInOneLineAndStopsTheScript() {
    Ran ran = script(false, "SELECT mrak FROM " + DB + ".marks;", "SELECT 'not reached' AS x;");
    assertEquals(1, ran.exit());
    List<String> lines = ran.err().lines().toList();
    assertEquals(1, lines.size(), ran.err());
    assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("mrak") && lines.get(0).contains("mark"),
        "names the column and the one meant: " + ran.err());
    assertFalse(ran.err().contains("Project") || ran.err().contains("Relation"), "no plan: " + ran.err());
    assertFalse(ran.out().contains("not reached"), ran.out());
    Ran table = script(false, "SELECT * FROM " + DB + ".mraks;");
    assertTrue(table.err().contains("mraks") && table.err().lines().count() == 1, table.err());
  }

  @Test
  void aScriptOnlyReadsUnlessWriteIsGiven() {
    Ran refused = script(false, "DROP TABLE " + DB + ".marks;");
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("--write"), refused.err());
    assertEquals(3L, table(DB + ".marks").count());
    Ran written = script(true, "INSERT INTO " + DB + ".marks VALUES ('edu4', 2);");
    assertEquals(0, written.exit(), written.err());
    assertEquals(4L, table(DB + ".marks").count());
    sql("DELETE FROM " + DB + ".marks WHERE login = 'edu4'");
  }
}
