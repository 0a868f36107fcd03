package ru.vpr.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A step's runs reduced to medians. Peak memory is given as the median and the largest of the runs:
 * the memory target is about the worst run.
 */
public record StepSummary(String step, int runs, double wallSeconds, double cpuSeconds, double medianRssKb,
    long maxRssKb, boolean allSucceeded, Map<String, Double> metrics) {

  public static StepSummary of(String step, List<StepRun> runs) {
    List<Double> wall = new ArrayList<>(), cpu = new ArrayList<>(), rss = new ArrayList<>();
    long maxRss = 0;
    boolean ok = true;
    TreeSet<String> keys = new TreeSet<>();
    for (StepRun r : runs) {
      wall.add(r.time().wallSeconds());
      cpu.add(r.time().cpuSeconds());
      rss.add((double) r.time().maxRssKb());
      maxRss = Math.max(maxRss, r.time().maxRssKb());
      ok &= r.time().exitStatus() == 0;
      keys.addAll(r.metrics().keySet());
    }
    Map<String, Double> metrics = new TreeMap<>();
    for (String k : keys) {
      List<Double> values = runs.stream().filter(r -> r.metrics().containsKey(k)).map(r -> r.metrics().get(k)).toList();
      metrics.put(k, Stats.median(values));
    }
    return new StepSummary(step, runs.size(), Stats.median(wall), Stats.median(cpu), Stats.median(rss), maxRss, ok, metrics);
  }

  public double metric(String key) {
    Double v = metrics.get(key);
    if (v == null) throw new IllegalStateException(step + " has no " + key);
    return v;
  }

  public boolean has(String key) {
    return metrics.containsKey(key);
  }
}
