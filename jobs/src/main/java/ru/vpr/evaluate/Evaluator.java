package ru.vpr.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import ru.vpr.config.DetectConfig;
import ru.vpr.config.PipelineConfig;
import ru.vpr.generate.GeneratorSettings;
import ru.vpr.generate.Preset;
import ru.vpr.io.Storage;

/**
 * {@code bin/vpr evaluate}: several generated regions (one per seed), each ingested and scored, and
 * one report over all of them. Seeds should differ from the one the detector was tuned on.
 */
public final class Evaluator {
  private final SparkSession spark;
  private final PipelineConfig config;
  private final DetectConfig detect;

  public Evaluator(SparkSession spark, PipelineConfig config, DetectConfig detect) {
    this.spark = spark;
    this.config = config;
    this.detect = detect;
  }

  /**
   * A kind of region: the targeted manipulations only, or with endemic pushing beside them (a share
   * of schools pushing pupils over the first cut of mark 3 in every class, as real regions show).
   */
  public record Scenario(String name, double endemicShare) {
    public static Scenario parse(String name, double endemicShare) {
      return switch (name) {
        case "targeted" -> new Scenario(name, 0);
        case "endemic" -> new Scenario(name, endemicShare);
        default -> throw new IllegalArgumentException("unknown scenario '" + name + "': use targeted or endemic");
      };
    }
  }

  /** Runs the scenarios and returns the report's markdown. */
  public String evaluate(String command, String workDir, Preset preset, List<Scenario> scenarios, List<Long> seeds,
      List<Integer> years, double manipulatedShare, double strongShare, boolean reuse) {
    List<EvaluationReport.Section> sections = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      sections.add(evaluate(scenario, workDir, preset, seeds, years, manipulatedShare, strongShare, reuse));
    }
    return EvaluationReport.render(command, sections);
  }

  private EvaluationReport.Section evaluate(Scenario scenario, String workDir, Preset preset, List<Long> seeds,
      List<Integer> years, double manipulatedShare, double strongShare, boolean reuse) {
    List<Integer> evaluated = years.size() > 1 ? years.subList(1, years.size()) : years;
    List<LabelledClass> all = new ArrayList<>();
    List<BunchingCheck> bunching = new ArrayList<>();
    long start = System.nanoTime();
    for (long seed : seeds) {
      String folder = scenario.endemicShare() > 0 ? scenario.name() + "-region-" + seed : "region-" + seed;
      GeneratorSettings settings = GeneratorSettings.of(Storage.join(workDir, folder), preset)
          .withSeed(seed).withYears(years).withManipulatedShare(manipulatedShare).withStrongClassShare(strongShare)
          .withEndemicShare(scenario.endemicShare());
      ScenarioRun.Result result = new ScenarioRun(spark, config).run(settings, detect, evaluated, reuse);
      all.addAll(result.classes());
      bunching.addAll(result.bunching());
      // Each region's cached and checkpointed tables are dead now; in local mode they share the
      // driver's heap, so free them before the next region rather than when the cleaner gets to it.
      spark.catalog().clearCache();
      System.gc();
    }
    Evaluation evaluation = new Evaluation(detect, all);
    List<Evaluation.Row> rows = new ArrayList<>();
    for (Variant v : evaluation.variants()) rows.add(evaluation.evaluate(v));
    long planted = all.stream().filter(LabelledClass::manipulated).count();
    long strong = all.stream().filter(LabelledClass::strongHonest).count();
    String setup = String.format(Locale.ROOT,
        "Preset %s, seeds %s, years generated %s, evaluated %s (the first year only gives history). %d classes x works, "
            + "%d with a planted manipulation (%d of them too small to score), %d genuinely strong. Manipulated share %.2f, "
            + "strong share %.2f, endemic share %.2f. Detection settings: %s. %.0f s on this machine.",
        preset.name().toLowerCase(Locale.ROOT).replace('_', '-'), seeds, years, evaluated, all.size(), planted,
        evaluation.unscoredPlanted(all), strong, manipulatedShare, strongShare, scenario.endemicShare(), detect.describe(),
        (System.nanoTime() - start) / 1e9);
    return new EvaluationReport.Section(scenario.name(), setup, rows, evaluation.slices(evaluation.full()), evaluation.listed(),
        bunching);
  }
}
