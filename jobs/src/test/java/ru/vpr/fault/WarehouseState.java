package ru.vpr.fault;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * What a run leaves: a digest of every table's content (rows in any order; the columns that name the
 * run or its clock left out, since a rerun is another run), the bytes of every published file, and
 * the debris (staging folders, models of runs that did not succeed, runs still marked running).
 * Two states are equal when an interrupted and healed run left exactly what an uninterrupted one did.
 */
record WarehouseState(Map<String, String> tables, Map<String, String> files, List<String> debris) {
  /** The audit log of the runs themselves: it differs by nature (ids, clocks, outcomes); its debris is checked. */
  private static final String RUNS = "runs";

  /**
   * The state of {@code root}'s {@code warehouse/} and {@code publish/} folders. Values naming a path
   * under {@code root} (the publication's folder) are read relative to it, so two copies of one run
   * in two folders compare equal.
   */
  static WarehouseState of(SparkSession spark, Path root, String database) {
    Path warehouse = root.resolve("warehouse");
    Path publishDir = root.resolve("publish");
    DeltaLog.clearCache();  // the folders may have been restored from a snapshot since the last look
    Map<String, String> tables = new TreeMap<>();
    List<String> debris = new ArrayList<>();
    Path db = warehouse.resolve(database + ".db");
    List<String> succeededDetects = new ArrayList<>();
    Map<String, Future<String>> digests = new TreeMap<>();
    // Each digest is a small Spark job whose time goes mostly to the driver (the Delta log, planning):
    // a few at once take a fraction of the time.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Path table : list(db)) {
        if (!Files.isDirectory(table.resolve("_delta_log"))) continue;
        Dataset<Row> rows = spark.read().format("delta").load(table.toString());
        String name = table.getFileName().toString();
        if (RUNS.equals(name)) {
          for (Row r : rows.where(col("outcome").equalTo("running")).select("job", "run_id").collectAsList()) {
            debris.add("runs: " + r.getString(0) + " run " + r.getString(1) + " still marked running");
          }
          rows.where(col("job").equalTo("detect").and(col("outcome").equalTo("succeeded"))).select("run_id")
              .collectAsList().forEach(r -> succeededDetects.add(r.getString(0)));
          continue;
        }
        digests.put(name, pool.submit(() -> digest(rows, root.toString())));
      }
      for (Map.Entry<String, Future<String>> d : digests.entrySet()) tables.put(d.getKey(), d.getValue().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("digest of a table failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    for (Path model : list(warehouse.resolve("models").resolve("detect"))) {
      if (!succeededDetects.contains(model.getFileName().toString())) debris.add("models of run " + model.getFileName());
    }
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(publishDir)) {
      try (Stream<Path> all = Files.walk(publishDir)) {
        for (Path p : all.sorted().toList()) {
          String relative = publishDir.relativize(p).toString();
          if (p.getFileName().toString().startsWith(".staging-")) debris.add("staging folder " + relative);
          if (Files.isRegularFile(p) && !relative.contains(".staging-")) files.put(relative, sha256(Files.readAllBytes(p)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new WarehouseState(tables, files, debris);
  }

  /** The tables and files that differ from {@code expected}, by name; empty when the states are equal. */
  List<String> differencesFrom(WarehouseState expected) {
    List<String> out = new ArrayList<>();
    compare("table", expected.tables, tables, out);
    compare("file", expected.files, files, out);
    return out;
  }

  private static void compare(String kind, Map<String, String> expected, Map<String, String> actual, List<String> out) {
    for (String name : expected.keySet()) {
      if (!actual.containsKey(name)) out.add(kind + " " + name + " missing");
      else if (!actual.get(name).equals(expected.get(name))) out.add(kind + " " + name + " differs" + where(expected.get(name), actual.get(name)));
    }
    for (String name : actual.keySet()) if (!expected.containsKey(name)) out.add(kind + " " + name + " not expected");
  }

  /** The lines of a table's digest (its columns) that differ. */
  private static String where(String expected, String actual) {
    List<String> theirs = List.of(actual.split("\n"));
    List<String> columns = new ArrayList<>();
    for (String line : expected.split("\n")) if (!theirs.contains(line)) columns.add(line.startsWith(" ") ? line.trim().split(" ")[0] : "rows");
    return columns.isEmpty() ? "" : " in " + columns;
  }

  /**
   * One hash of a table's rows in any order: each row as JSON (a map as its sorted entries, since
   * a map keeps insertion order; {@code root} as {@code <root>}), hashed, the hashes sorted and hashed together, with the count.
   */
  private static String digest(Dataset<Row> rows, String root) {
    List<Column> kept = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      if (f.name().equals("run_id") || f.dataType() instanceof TimestampType) continue;
      Column c = col("`" + f.name() + "`");
      kept.add((f.dataType() instanceof MapType ? array_sort(map_entries(c)) : c).as(f.name()));
      names.add(f.name());
    }
    List<Column> sums = new ArrayList<>(List.of(count("*"), sorted(to_json(struct(kept.toArray(Column[]::new))), root)));
    // Each column on its own too, so that a difference says where it is.
    for (Column c : kept) sums.add(sorted(to_json(struct(c)), root));
    Row r = rows.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new)).first();
    StringBuilder out = new StringBuilder(r.getLong(0) + " rows, " + r.getString(1));
    for (int i = 0; i < names.size(); i++) out.append("\n  ").append(names.get(i)).append(' ').append(r.getString(i + 2));
    return out.toString();
  }

  /** The hash of the values' sorted list, {@code root} read as {@code <root>}. */
  private static Column sorted(Column json, String root) {
    Column relative = regexp_replace(json, Pattern.quote(root), "<root>");
    return sha2(concat_ws(",", array_sort(collect_list(sha2(relative, 256)))), 256);
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
