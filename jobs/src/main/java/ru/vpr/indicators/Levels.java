package ru.vpr.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.spark.Columns;

/**
 * The four levels every indicator is reported at, computed together: one {@code GROUPING SETS}
 * aggregation over the pupil rows gives the class, school (one grade of a school), municipality
 * and region rows in one pass, so each formula is written once and the levels cannot disagree.
 */
public final class Levels {
  public static final String CLASS = "class";
  public static final String SCHOOL = "school";
  public static final String MUNICIPALITY = "municipality";
  public static final String REGION = "region";

  /** The work every indicator belongs to. */
  public static final List<String> WORK = List.of("year", "subject", "grade");
  /** The unit keys, coarsest first; a level keeps a prefix of them and has nulls for the rest. */
  public static final List<String> UNIT = List.of("municipality_code", "login", "class");
  /** A unit of a work: work keys, level, unit keys. */
  public static final List<String> UNIT_OF_WORK = List.of("year", "subject", "grade", "level", "municipality_code", "login", "class");

  private Levels() {}

  /**
   * Aggregates {@code rows} per {@code keys} (which must include the work) at every level in one
   * grouping-sets pass. The result has the keys, {@code level}, the unit keys and the aggregates.
   */
  public static Dataset<Row> aggregate(Dataset<Row> rows, List<String> keys, List<Column> aggregates) {
    List<List<Column>> sets = new ArrayList<>();
    for (int n = UNIT.size(); n >= 0; n--) {
      List<Column> set = new ArrayList<>(Columns.list(keys));
      set.addAll(Columns.list(UNIT.subList(0, n)));
      sets.add(set);
    }
    List<Column> all = new ArrayList<>(Columns.list(keys));
    all.addAll(Columns.list(UNIT));
    // grouping(c) is 1 where c was rolled up: the coarsest rolled-up key names the level.
    Column level = when(grouping("municipality_code").equalTo(1), lit(REGION))
        .when(grouping("login").equalTo(1), lit(MUNICIPALITY))
        .when(grouping("class").equalTo(1), lit(SCHOOL))
        .otherwise(lit(CLASS)).as("level");
    Dataset<Row> grouped = rows.groupingSets(scalaSets(sets), all.toArray(Column[]::new))
        .agg(level, aggregates.toArray(Column[]::new));
    List<Column> ordered = new ArrayList<>(Columns.list(keys));
    ordered.add(col("level"));
    ordered.addAll(Columns.list(UNIT));
    for (String c : grouped.columns()) {
      if (!keys.contains(c) && !UNIT.contains(c) && !c.equals("level")) ordered.add(col("`" + c + "`"));
    }
    return grouped.select(ordered.toArray(Column[]::new));
  }

  /**
   * Joins on unit columns that may be null (a region row has no municipality): null matches null.
   * The result has every column of {@code left} and the non-key columns of {@code right}, whose
   * names must differ from those of {@code left}.
   */
  public static Dataset<Row> joinUnits(Dataset<Row> left, Dataset<Row> right, List<String> on, String joinType) {
    Dataset<Row> renamed = right;
    Column condition = lit(true);
    for (String k : on) {
      renamed = renamed.withColumnRenamed(k, "_r_" + k);
      condition = condition.and(col(k).eqNullSafe(col("_r_" + k)));
    }
    Dataset<Row> joined = left.join(renamed, condition, joinType);
    for (String k : on) joined = joined.drop("_r_" + k);
    return joined;
  }

  public static Column isLevel(String level) {
    return col("level").equalTo(lit(level));
  }

  static List<String> plus(List<String> a, String... more) {
    List<String> out = new ArrayList<>(a);
    out.addAll(List.of(more));
    return out;
  }

  private static scala.collection.immutable.Seq<scala.collection.immutable.Seq<Column>> scalaSets(List<List<Column>> sets) {
    return Columns.seq(sets.stream().map(Columns::seq).toList());
  }
}
