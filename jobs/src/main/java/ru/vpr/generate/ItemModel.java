package ru.vpr.generate;

import java.util.List;
import java.util.SplittableRandom;
import ru.vpr.reference.TaskSpec;
import ru.vpr.reference.WorkSpec;

/**
 * Item parameters of a work under a partial credit model: each task has a difficulty set by its level
 * and one step difficulty per point, so a task of max m yields scores 0..m and harder tasks yield
 * fewer points. Parameters depend on the work alone, so every school faces the same work.
 */
final class ItemModel {
  private final WorkSpec spec;
  private final double[] difficulty;
  private final double[][] steps;

  ItemModel(long seed, WorkSpec spec) {
    this.spec = spec;
    List<TaskSpec> tasks = spec.tasks();
    difficulty = new double[tasks.size()];
    steps = new double[tasks.size()][];
    for (int i = 0; i < tasks.size(); i++) {
      TaskSpec t = tasks.get(i);
      SplittableRandom r = Seeds.random(seed, "item", spec.key().toString(), t.code());
      double b = levelDifficulty(t.level()) + 0.4 * Seeds.gaussian(r);
      difficulty[i] = b;
      steps[i] = new double[t.max()];
      for (int k = 0; k < t.max(); k++) {
        // Steps spread around b: the last points of a multi-point task are the hardest to earn.
        double offset = t.max() == 1 ? 0 : (k - (t.max() - 1) / 2.0) * 0.7;
        steps[i][k] = b + offset + 0.15 * Seeds.gaussian(r);
      }
    }
  }

  static double levelDifficulty(String level) {
    return switch (level) {
      case TaskSpec.BASIC -> -1.1;
      case TaskSpec.ADVANCED -> 0.4;
      case TaskSpec.HIGH -> 1.4;
      default -> 0.0;
    };
  }

  WorkSpec spec() {
    return spec;
  }

  double difficulty(int task) {
    return difficulty[task];
  }

  /** Draws one score 0..max by the partial credit model. */
  int drawScore(int task, double theta, SplittableRandom r) {
    double[] s = steps[task];
    double[] weights = new double[s.length + 1];
    double log = 0;
    double maxLog = 0;
    double[] logs = new double[s.length + 1];
    for (int k = 1; k <= s.length; k++) {
      log += theta - s[k - 1];
      logs[k] = log;
      maxLog = Math.max(maxLog, log);
    }
    double total = 0;
    for (int k = 0; k <= s.length; k++) {
      weights[k] = Math.exp(logs[k] - maxLog);
      total += weights[k];
    }
    double u = r.nextDouble() * total;
    for (int k = 0; k <= s.length; k++) {
      u -= weights[k];
      if (u < 0) return k;
    }
    return s.length;
  }

  /**
   * Chance that a pupil does not attempt a task ({@code X}): rises as the task gets harder than the
   * pupil is able; nearly everyone writes the dictation (criteria tasks).
   */
  double notAttemptedChance(int task, double theta) {
    double p = 1.0 / (1.0 + Math.exp(-(-3.6 + 1.1 * (difficulty[task] - theta))));
    return spec.tasks().get(task).code().contains("К") ? p * 0.2 : p;
  }

  /** Expected primary score at ability theta (X counted as 0), computed exactly from the model. */
  double expectedScore(double theta) {
    double sum = 0;
    for (int t = 0; t < steps.length; t++) {
      double[] s = steps[t];
      double log = 0;
      double total = 1;
      double weighted = 0;
      for (int k = 1; k <= s.length; k++) {
        log += theta - s[k - 1];
        double w = Math.exp(log);
        total += w;
        weighted += k * w;
      }
      sum += (1 - notAttemptedChance(t, theta)) * weighted / total;
    }
    return sum;
  }
}
