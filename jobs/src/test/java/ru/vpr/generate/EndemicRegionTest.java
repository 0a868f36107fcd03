package ru.vpr.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.vpr.io.Storage;
import ru.vpr.reference.SpecCatalog;
import ru.vpr.reference.WorkKey;
import ru.vpr.reference.WorkSpec;

/**
 * The endemic scenario: the sample region generated with half its schools pushing pupils over the first
 * score of mark 3, against the same region without (same seed: the targeted manipulations are the same).
 */
class EndemicRegionTest {
  @TempDir static Path dir;
  static List<String[]> targetedLabels;
  static List<String[]> endemicLabels;
  static double[] targetedRatio;
  static double[] endemicRatio;

  @BeforeAll
  static void generate() throws IOException {
    targetedLabels = region("targeted", 0);
    targetedRatio = firstCutRatio(dir.resolve("targeted"));
    endemicLabels = region("endemic", 0.5);
    endemicRatio = firstCutRatio(dir.resolve("endemic"));
  }

  private static List<String[]> region(String name, double endemicShare) throws IOException {
    Path root = dir.resolve(name);
    new RegionGenerator(RegionGenerator.localStorage())
        .generate(GeneratorSettings.of(root.toString(), Preset.SAMPLE).withEndemicShare(endemicShare));
    return RegionGeneratorTest.lines(root.resolve("labels.csv"));
  }

  /** {pupils on the first score of mark 3, pupils one point under it}, over every work of the region. */
  private static double[] firstCutRatio(Path root) throws IOException {
    SpecCatalog specs = SpecCatalog.read(Storage.local(), root.resolve("specs").toString());
    double on = 0;
    double under = 0;
    for (FormFiles.Form f : FormFiles.readAll(root.resolve(RegionGenerator.LANDING))) {
      WorkSpec spec = specs.work(new WorkKey(f.year(), f.subject(), f.grade())).orElseThrow();
      int cut = spec.scale().firstScoreOf(3);
      for (Map<String, String> row : f.rows()) {
        if (FormFiles.absent(row)) continue;
        int gap = cut - RegionGeneratorTest.total(spec, row);
        if (gap == 0) on++;
        if (gap == 1) under++;
      }
    }
    return new double[] {on, under};
  }

  @Test
  void aboutHalfTheSchoolsPushTheirPupilsOverTheFirstCut() throws IOException {
    Set<String> schools = endemicLabels.stream().map(l -> l[3]).collect(Collectors.toSet());
    long pushers = endemicLabels.stream().filter(l -> l[5].equals("endemic_push")).map(l -> l[3]).distinct().count();
    assertTrue(targetedLabels.stream().noneMatch(l -> l[5].equals("endemic_push")), "no endemic pushing without the share");
    long allSchools = RegionGeneratorTest.lines(dir.resolve("endemic/schools.csv")).size();
    assertTrue(pushers >= 0.3 * allSchools && pushers <= 0.7 * allSchools,
        pushers + " of " + allSchools + " schools push (labelled in " + schools.size() + ")");
  }

  @Test
  void theRegionsHistogramJumpsAtTheFirstCutAsRealRegionsDo() {
    double targeted = targetedRatio[0] / targetedRatio[1];
    double endemic = endemicRatio[0] / endemicRatio[1];
    // The real 2021 exports: 4.6 times as many pupils on the cut as one point under it (история 5).
    assertTrue(endemic > 2.5 && endemic > 2 * targeted, "on / under the first cut: endemic " + endemic + ", targeted " + targeted);
  }

  @Test
  void endemicPushesAreLabelledWithTheSchoolsShareAndTheTargetedOnesStay() throws IOException {
    for (String[] l : endemicLabels) {
      if (!l[5].equals("endemic_push")) continue;
      double share = Double.parseDouble(l[6]);
      assertTrue(share >= 0.4 && share <= 1, String.join(";", l));
    }
    Set<String> targetedUnits = targetedLabels.stream().map(l -> String.join(";", l)).collect(Collectors.toSet());
    Set<String> endemicUnits = endemicLabels.stream().map(l -> String.join(";", l)).collect(Collectors.toSet());
    for (String unit : targetedUnits) assertTrue(endemicUnits.contains(unit), "the targeted plant stays: " + unit);
    assertEquals(Files.readString(dir.resolve("targeted/schools.csv")), Files.readString(dir.resolve("endemic/schools.csv")));
  }
}
