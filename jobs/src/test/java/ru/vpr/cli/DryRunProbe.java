package ru.vpr.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Runs command lines through {@link VprMain} one after another in a fresh JVM (started by
 * {@link AirflowDagTest}), then says whether a SparkSession came into being: in a fresh JVM only
 * these commands could have made one. Input: a file with one command line a line, arguments
 * separated by tabs. Output: each command's own output after a {@link #TASK} line and before an
 * {@link #EXIT} line, then a {@link #SESSION} line.
 */
public final class DryRunProbe {
  static final String TASK = "### task ";
  static final String EXIT = "### exit ";
  static final String SESSION = "### spark session: ";

  private DryRunProbe() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      System.out.println(TASK + i);
      int code = VprMain.commandLine().execute(lines.get(i).split("\t", -1));
      System.err.flush();
      System.out.println(EXIT + code);
    }
    boolean session = SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
    System.out.println(SESSION + session);
    System.exit(0);
  }
}
