package ru.vpr.bench.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The analyst's alternative to the indicators step: DuckDB, in this process, reads the landing csv
 * files (one work folder at a time), the registry and the specs, and computes the class, school, municipality and region
 * indicators into parquet files. An in-memory database with DuckDB's defaults (all cores, 80% of
 * the memory) spilling to a folder beside the output.
 */
public final class DuckDbIndicators {
  private final Path landing;
  private final Path registry;
  private final Path specs;
  private final Path out;
  private final int minGroup;
  private final int minDistribution;

  public DuckDbIndicators(Path landing, Path registry, Path specs, Path out, int minGroup, int minDistribution) {
    this.landing = landing.toAbsolutePath();
    this.registry = registry.toAbsolutePath();
    this.specs = specs.toAbsolutePath();
    this.out = out.toAbsolutePath();
    this.minGroup = minGroup;
    this.minDistribution = minDistribution;
  }

  public DuckDbRun run() throws SQLException, java.io.IOException {
    Files.createDirectories(out);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = connection.createStatement()) {
      sql.execute("SET temp_directory = " + Sql.literal(out.resolve("duckdb-spill").toString()));
      long start = System.nanoTime();
      execute(sql, PupilTables.reference(registry.toString(), specs.toString()));
      long offset = 0;
      for (Path folder : workFolders()) {
        execute(sql, List.of(PupilTables.readWork(folder.toString())));
        execute(sql, PupilTables.extractWork(FormColumns.of(columnsOf(sql, "forms")), offset));
        offset += count(sql, "SELECT count(*) FROM forms");
      }
      execute(sql, List.of("DROP TABLE IF EXISTS forms"));
      long read = System.nanoTime();
      execute(sql, PupilTables.normalise());
      long normalised = System.nanoTime();
      execute(sql, new IndicatorQueries(out.toString(), minGroup, minDistribution).all());
      long done = System.nanoTime();
      return new DuckDbRun((read - start) / 1_000_000, (normalised - read) / 1_000_000, (done - normalised) / 1_000_000,
          count(sql, PupilTables.COUNT_FILES), count(sql, PupilTables.COUNT_WORKS),
          count(sql, PupilTables.COUNT_TASK_SCORES), (int) count(sql, "SELECT current_setting('threads')"));
    }
  }

  /** The {@code year=/subject=/grade=} folders that hold csv forms, in order. */
  private List<Path> workFolders() throws java.io.IOException {
    try (Stream<Path> walk = Files.walk(landing, 3)) {
      return walk.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().startsWith("grade=") && hasCsv(d))
          .sorted().toList();
    }
  }

  private static boolean hasCsv(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".csv"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void execute(Statement sql, List<String> statements) throws SQLException {
    for (String statement : statements) {
      try {
        sql.execute(statement);
      } catch (SQLException e) {
        throw new SQLException(e.getMessage() + "\nin: " + statement, e);
      }
    }
  }

  private static List<String> columnsOf(Statement sql, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet r = sql.executeQuery("SELECT column_name FROM (DESCRIBE " + table + ")")) {
      while (r.next()) columns.add(r.getString(1));
    }
    return columns;
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet r = sql.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }
}
