package ru.vpr.fault;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The boundaries at which the fault suite kills a run: after each table commit and after each year's
 * published files are moved into place. Off unless the system property {@code vpr.fault.halt-at} (or
 * the environment variable {@code VPR_FAULT_HALT_AT}) names one: a number N, the N-th boundary this JVM
 * passes, or a boundary's name ({@code commit results}, {@code publish 2025}), its first passing.
 * There the JVM halts at once with status 137, as {@code kill -9} would leave it: no finally block,
 * no shutdown hook, no {@code runs} row finished. Delta commits are atomic, so the tables are then
 * exactly as a kill right after that commit leaves them, which is what a rerun must heal.
 */
public final class CrashPoint {
  public static final String PROPERTY = "vpr.fault.halt-at";
  public static final String VARIABLE = "VPR_FAULT_HALT_AT";
  /** The exit status of a JVM killed by SIGKILL. */
  public static final int HALT_STATUS = 137;

  private static final String TARGET = target();
  private static final AtomicInteger PASSED = new AtomicInteger();

  private CrashPoint() {}

  /** A table's commit is done: {@code commit <table>}. */
  public static void committed(String table) {
    passed("commit " + table);
  }

  /** Marks a boundary passed; halts here when it is the one asked for. */
  public static void passed(String boundary) {
    if (TARGET == null) return;
    int number = PASSED.incrementAndGet();
    if (TARGET.equals(boundary) || TARGET.equals(String.valueOf(number))) {
      System.err.println("vpr fault injection: halting after boundary " + number + " (" + boundary + ")");
      System.err.flush();
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }

  private static String target() {
    String value = System.getProperty(PROPERTY, System.getenv(VARIABLE));
    return value == null || value.isBlank() ? null : value.trim();
  }
}
