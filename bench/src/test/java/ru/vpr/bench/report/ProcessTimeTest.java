package ru.vpr.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTimeTest {
  static List<String> report(String elapsed, double user, double system, long rssKb, int exit) {
    return List.of(
        "\tCommand being timed: \"bin/vpr ingest --landing a:b\"",
        "\tUser time (seconds): " + user,
        "\tSystem time (seconds): " + system,
        "\tPercent of CPU this job got: 161%",
        "\tElapsed (wall clock) time (h:mm:ss or m:ss): " + elapsed,
        "\tMaximum resident set size (kbytes): " + rssKb,
        "\tExit status: " + exit);
  }

  @Test
  void readsWallCpuPeakMemoryAndExitStatus() {
    ProcessTime t = ProcessTime.parse(report("1:56.55", 115.83, 7.07, 1954732, 0));
    assertEquals(116.55, t.wallSeconds(), 1e-9);
    assertEquals(122.90, t.cpuSeconds(), 1e-9);
    assertEquals(1954732, t.maxRssKb());
    assertEquals(0, t.exitStatus());
  }

  @Test
  void hoursAreReadToo() {
    assertEquals(3723.4, ProcessTime.clock("1:02:03.40"), 1e-9);
    assertEquals(3.79, ProcessTime.clock("0:03.79"), 1e-9);
  }

  @Test
  void somethingElseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ProcessTime.parse(List.of("real 1.0")));
  }
}
