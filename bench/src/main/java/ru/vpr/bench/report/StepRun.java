package ru.vpr.bench.report;

import java.util.Map;

/**
 * One run of one step: its process figures and what its own output said (rows accepted, phase times).
 */
public record StepRun(int run, ProcessTime time, Map<String, Double> metrics) {
  public StepRun {
    metrics = Map.copyOf(metrics);
  }
}
