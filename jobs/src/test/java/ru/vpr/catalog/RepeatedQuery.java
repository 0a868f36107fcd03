package ru.vpr.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import ru.vpr.cli.VprMain;

/**
 * An analyst querying the shared catalog again and again, in a JVM of its own (started by
 * {@link SharedMetastoreTest}): runs {@code vpr <args>} through {@link VprMain}, round after round
 * in one Spark session, until a stop file appears, then one final round.
 *
 * <p>It starts Spark first with {@code sql "SELECT 1"}, which does not open the catalog, then waits
 * for a start file before its first round: so its queries begin soon after the test says, instead
 * of 20 seconds of Spark start-up later.
 *
 * <p>Arguments: start file, stop file, then the vpr command line. Output: each round's own output
 * between a {@link #ROUND} line and an {@link #EXIT} line, with the wall-clock times.
 */
public final class RepeatedQuery {
  static final String ROUND = "### round ";
  static final String EXIT = "### exit ";
  static final String FINAL = "final";
  // Leaves the two cores to the writer between rounds.
  private static final long PAUSE_MS = 2000;

  private RepeatedQuery() {}

  public static void main(String[] args) throws Exception {
    Path start = Path.of(args[0]);
    Path stop = Path.of(args[1]);
    String[] vpr = Arrays.copyOfRange(args, 2, args.length);
    String[] warmUp = vpr.clone();
    warmUp[warmUp.length - 1] = "SELECT 1";
    if (VprMain.commandLine().execute(warmUp) != 0) System.exit(3);
    while (!Files.exists(start)) Thread.sleep(100);
    for (int round = 0; ; round++) {
      // Checked before the round: a round that began after the stop file saw the writer's end.
      boolean last = Files.exists(stop);
      System.out.println(ROUND + round + " " + System.currentTimeMillis() + (last ? " " + FINAL : ""));
      int code = VprMain.commandLine().execute(vpr);
      System.err.flush();
      System.out.flush();
      System.out.println(EXIT + code + " " + System.currentTimeMillis());
      if (last) break;
      Thread.sleep(PAUSE_MS);
    }
    System.exit(0);
  }
}
