package ru.vpr.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what bench/run left in its results folder:
 *
 * <pre>
 * run.properties                    the run: options, commit, load average, times
 * commands.txt                      the command lines, for the report
 * &lt;data set&gt;/dataset.properties     name, preset, schools, roles, generator line
 * &lt;data set&gt;/&lt;step&gt;-&lt;run&gt;.time      /usr/bin/time -v report of the step's process
 * &lt;data set&gt;/&lt;step&gt;-&lt;run&gt;.out, .err  the process's output, from which metrics are read
 * &lt;data set&gt;/duckdb-&lt;run&gt;.properties the DuckDB baseline's phase times and counts
 * </pre>
 */
public final class ResultsDir {
  private static final Pattern TIME_FILE = Pattern.compile("(\\w+)-(\\d+)\\.time");
  private static final Pattern ROWS_ACCEPTED = Pattern.compile("rows: (\\d+) accepted");
  private static final Pattern TABLE_WRITTEN = Pattern.compile("wrote (\\w+) in (\\d+) ms");
  private static final Pattern KEY_VALUE = Pattern.compile("^parse\\.(\\w+)=(-?\\d+)$");

  private final Path root;

  public ResultsDir(Path root) {
    this.root = root;
  }

  public Map<String, String> runProperties() throws IOException {
    return properties(root.resolve("run.properties"));
  }

  public List<String> commands() throws IOException {
    Path file = root.resolve("commands.txt");
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /** The data sets in the order bench/run measured them ({@code order} in dataset.properties). */
  public List<DataSetResults> dataSets() throws IOException {
    List<DataSetResults> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(d -> Files.exists(d.resolve("dataset.properties"))).toList()) out.add(dataSet(dir));
    }
    out.sort(java.util.Comparator.comparingInt(d -> Integer.parseInt(d.properties().getOrDefault("order", "0"))));
    return out;
  }

  static DataSetResults dataSet(Path dir) throws IOException {
    Map<String, String> properties = properties(dir.resolve("dataset.properties"));
    Map<String, List<StepRun>> steps = new HashMap<>();
    List<Path> timeFiles;
    try (Stream<Path> files = Files.list(dir)) {
      timeFiles = files.filter(f -> TIME_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
    }
    for (Path timeFile : timeFiles) {
      Matcher m = TIME_FILE.matcher(timeFile.getFileName().toString());
      m.matches();
      String step = m.group(1);
      int run = Integer.parseInt(m.group(2));
      List<String> report = Files.readAllLines(timeFile);
      // /usr/bin/time writes its report when the step ends: an empty file is a step still running or killed.
      if (report.isEmpty()) {
        throw new IllegalArgumentException(timeFile + " is empty: that step is still running or was killed;"
            + " report on a finished bench/run");
      }
      ProcessTime time = ProcessTime.parse(report);
      steps.computeIfAbsent(step, k -> new ArrayList<>()).add(new StepRun(run, time, metrics(dir, step, run)));
    }
    return new DataSetResults(properties.getOrDefault("name", dir.getFileName().toString()), properties, steps);
  }

  /** What the step's own output says, in numbers. */
  static Map<String, Double> metrics(Path dir, String step, int run) throws IOException {
    Map<String, Double> metrics = new LinkedHashMap<>();
    String base = step + "-" + run;
    switch (step) {
      case Steps.INGEST -> {
        Matcher m = ROWS_ACCEPTED.matcher(read(dir.resolve(base + ".out")));
        if (m.find()) metrics.put("rows_accepted", Double.parseDouble(m.group(1)));
      }
      case Steps.INDICATORS -> {
        // The job logs each table's write; logs go to stderr.
        Matcher m = TABLE_WRITTEN.matcher(read(dir.resolve(base + ".err")) + read(dir.resolve(base + ".out")));
        while (m.find()) metrics.put("wrote." + m.group(1) + "_ms", Double.parseDouble(m.group(2)));
      }
      case Steps.DUCKDB -> properties(dir.resolve(base + ".properties"))
          .forEach((k, v) -> metrics.put(k, Double.parseDouble(v)));
      case Steps.PARSE -> {
        for (String line : read(dir.resolve(base + ".out")).split("\n")) {
          Matcher m = KEY_VALUE.matcher(line.trim());
          if (m.matches()) metrics.put(m.group(1), Double.parseDouble(m.group(2)));
        }
      }
      default -> { }
    }
    return metrics;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  static Map<String, String> properties(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(file)) return out;
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }
}
