package ru.vpr.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.vpr.config.IndicatorsConfig;
import ru.vpr.test.SparkTestBase;

/** Histograms of the nine pupils of {@link UnitIndicatorsTest}: scores 6 1 3 | 2 | 5 3 | 1 1, one absent. */
class ScoreHistogramsTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static Dataset<Row> histograms;

  @BeforeAll
  static void compute() {
    Fixtures f = Fixtures.ninePupils(spark());
    histograms = ScoreHistograms.compute(f.results(), f.scales(), IndicatorsConfig.defaults()).cache();
  }

  private static List<Long> pupils(String level, String muni, String login, String cls) {
    List<Long> out = new ArrayList<>();
    for (Row r : histograms.where(Levels.isLevel(level)
            .and(histograms.col("municipality_code").eqNullSafe(muni)).and(histograms.col("login").eqNullSafe(login))
            .and(histograms.col("class").eqNullSafe(cls)))
        .orderBy("primary_score").collectAsList()) {
      out.add(r.getAs("pupils"));
    }
    return out;
  }

  @Test
  void everyScoreFromZeroToMaxWithTiesCounted() {
    assertEquals(List.of(0L, 3L, 1L, 2L, 0L, 1L, 1L), pupils(Levels.REGION, null, null, null), "scores 0..6; three pupils tie at 1");
    assertEquals(List.of(0L, 1L, 0L, 1L, 0L, 0L, 1L), pupils(Levels.CLASS, "m01", "edu1", "5А"), "the absent pupil is not a 0");
    assertEquals(List.of(0L, 2L, 0L, 0L, 0L, 0L, 0L), pupils(Levels.MUNICIPALITY, "m02", null, null));
    assertEquals(10L * 7, histograms.count(), "10 units x 7 scores");
  }

  @Test
  void eachRowCarriesTheRegionLineAndTheYearsThresholds() {
    Row r = histograms.where("level = 'class' AND login = 'edu1' AND class = '5А' AND primary_score = 1").head();
    assertEquals(1.0 / 3, r.getAs("share"), EPS);
    assertEquals(3L, (long) r.getAs("region_pupils"));
    assertEquals(3.0 / 8, r.getAs("region_share"), EPS);
    assertEquals(List.of(2, 3, 5, 6), List.of(r.getAs("min3"), r.getAs("min4"), r.getAs("min5"), r.getAs("max_score")));
    assertEquals(3L, (long) r.getAs("written"));
    assertTrue((boolean) r.getAs("small_for_distribution"));
    List<Integer> marks = new ArrayList<>();
    for (Row m : histograms.where("level = 'region'").orderBy("primary_score").collectAsList()) marks.add(m.getAs("mark"));
    assertEquals(List.of(2, 2, 3, 4, 4, 5, 5), marks);
  }

  @Test
  void sharesOfEveryUnitSumToOne() {
    for (Row r : histograms.groupBy("level", "municipality_code", "login", "class")
        .agg(org.apache.spark.sql.functions.sum("share"), org.apache.spark.sql.functions.sum("pupils"),
            org.apache.spark.sql.functions.max("written"), org.apache.spark.sql.functions.sum("region_share"))
        .collectAsList()) {
      assertEquals(1.0, r.getDouble(4), EPS);
      assertEquals(r.getLong(5), r.getLong(6));
      assertEquals(1.0, r.getDouble(7), EPS);
    }
  }
}
