package ru.vpr.generate;

import java.util.List;
import java.util.Objects;

/**
 * What to generate. Immutable; change a copy with the {@code with...} methods.
 *
 * @param outputRoot folder (path or URI) that receives schools.csv, specs/, landing/, labels.csv ...
 * @param preset region size
 * @param seed everything random derives from it: same settings give byte-identical files
 * @param years VPR years to generate (dynamics need at least two)
 * @param manipulatedShare target share of class × work units with a planted manipulation
 * @param strongClassShare target share of class × work units in genuinely strong classes (negative controls)
 * @param threads writer threads; does not change the output
 * @param schools schools in the region: the preset's count, or another to scale the region while
 *     keeping the preset's mix (the first N schools are the same whatever N, so sizes nest)
 * @param csvOnly every form as UTF-8 csv (no xlsx, no Windows-1251) for readers that handle neither,
 *     such as the DuckDB baseline of {@code bench/run}; the same region, pupils and scores, and each
 *     school keeps its other habits (delimiter, BOM, header spellings)
 * @param fisOkoDownloads the landing as a regional coordinator downloads it from FIS OKO (contract §1.4):
 *     one whole-region export per work in FIS OKO's real layouts, placed by name, a few schools' own
 *     collection forms, and a school list ({@code logins.xlsx}) instead of {@code schools.csv}
 * @param endemicShare share of schools that push part of their pupils over the first score of mark 3
 *     in every class they can, as real regions show (0: none, the targeted manipulations only)
 */
public record GeneratorSettings(
    String outputRoot, Preset preset, long seed, List<Integer> years,
    double manipulatedShare, double strongClassShare, int threads, int schools, boolean csvOnly,
    boolean fisOkoDownloads, double endemicShare) {

  public static final List<Integer> DEFAULT_YEARS = List.of(2023, 2024, 2025);
  public static final long DEFAULT_SEED = 20250415L;

  public GeneratorSettings {
    Objects.requireNonNull(outputRoot, "outputRoot");
    Objects.requireNonNull(preset, "preset");
    years = List.copyOf(years).stream().sorted().distinct().toList();
    if (years.isEmpty()) throw new IllegalArgumentException("at least one year is needed");
    for (int y : years) {
      if (y < 2016 || y > 2100) throw new IllegalArgumentException("implausible VPR year " + y);
    }
    if (manipulatedShare < 0 || manipulatedShare > 0.5) {
      throw new IllegalArgumentException("manipulatedShare must be in [0, 0.5]: " + manipulatedShare);
    }
    if (strongClassShare < 0 || strongClassShare > 0.3) {
      throw new IllegalArgumentException("strongClassShare must be in [0, 0.3]: " + strongClassShare);
    }
    if (threads < 1) throw new IllegalArgumentException("threads must be positive");
    if (schools < 1) throw new IllegalArgumentException("schools must be positive: " + schools);
    if (endemicShare < 0 || endemicShare > 0.9) throw new IllegalArgumentException("endemicShare must be in [0, 0.9]: " + endemicShare);
    if (csvOnly && fisOkoDownloads) throw new IllegalArgumentException("FIS OKO's downloads are xlsx: not with csv only");
  }

  public static GeneratorSettings of(String outputRoot, Preset preset) {
    return new GeneratorSettings(outputRoot, preset, DEFAULT_SEED, DEFAULT_YEARS, 0.08, 0.04,
        Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())), preset.schools(), false, false, 0.0);
  }

  public GeneratorSettings withOutputRoot(String v) {
    return new GeneratorSettings(v, preset, seed, years, manipulatedShare, strongClassShare, threads, schools, csvOnly, fisOkoDownloads, endemicShare);
  }

  /** Another preset, with its own school count. */
  public GeneratorSettings withPreset(Preset v) {
    return new GeneratorSettings(outputRoot, v, seed, years, manipulatedShare, strongClassShare, threads, v.schools(), csvOnly, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withSeed(long v) {
    return new GeneratorSettings(outputRoot, preset, v, years, manipulatedShare, strongClassShare, threads, schools, csvOnly, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withYears(List<Integer> v) {
    return new GeneratorSettings(outputRoot, preset, seed, v, manipulatedShare, strongClassShare, threads, schools, csvOnly, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withManipulatedShare(double v) {
    return new GeneratorSettings(outputRoot, preset, seed, years, v, strongClassShare, threads, schools, csvOnly, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withStrongClassShare(double v) {
    return new GeneratorSettings(outputRoot, preset, seed, years, manipulatedShare, v, threads, schools, csvOnly, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withThreads(int v) {
    return new GeneratorSettings(outputRoot, preset, seed, years, manipulatedShare, strongClassShare, v, schools, csvOnly, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withSchools(int v) {
    return new GeneratorSettings(outputRoot, preset, seed, years, manipulatedShare, strongClassShare, threads, v, csvOnly, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withCsvOnly(boolean v) {
    return new GeneratorSettings(outputRoot, preset, seed, years, manipulatedShare, strongClassShare, threads, schools, v, fisOkoDownloads, endemicShare);
  }

  public GeneratorSettings withFisOkoDownloads(boolean v) {
    return new GeneratorSettings(outputRoot, preset, seed, years, manipulatedShare, strongClassShare, threads, schools, csvOnly, v, endemicShare);
  }

  public GeneratorSettings withEndemicShare(double v) {
    return new GeneratorSettings(outputRoot, preset, seed, years, manipulatedShare, strongClassShare, threads, schools, csvOnly,
        fisOkoDownloads, v);
  }
}
