package ru.vpr.publish;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import ru.vpr.publish.files.CsvColumn;
import ru.vpr.publish.files.CsvTableWriter;

/**
 * One published CSV file: its columns (contract §3 first), how each is formatted from the dataset,
 * and the order of rows. Numbers are formatted in Spark with fixed patterns so the file is the same on
 * any machine; text that came from input files is marked for the writer to neutralise.
 */
final class CsvExport {
  private final String file;
  private final Function<Publication, Dataset<Row>> source;
  private final boolean cumulative;
  private final List<CsvColumn> columns = new ArrayList<>();
  private final List<Column> values = new ArrayList<>();
  private final List<Column> order;

  private CsvExport(String file, Function<Publication, Dataset<Row>> source, boolean cumulative, List<Column> order) {
    this.file = file;
    this.source = source;
    this.cumulative = cumulative;
    this.order = order;
  }

  /** A file of the year's rows of {@code source}. */
  static CsvExport file(String name, Function<Publication, Dataset<Row>> source, Column... order) {
    return new CsvExport(name, source, false, List.of(order));
  }

  /** A file of the rows of every year up to the year published (a history). */
  static CsvExport history(String name, Function<Publication, Dataset<Row>> source, Column... order) {
    return new CsvExport(name, source, true, List.of(order));
  }

  /** The rows of this file in the year's publication. */
  Dataset<Row> rows(Publication publication, int year) {
    Dataset<Row> rows = source.apply(publication);
    return rows.where(cumulative ? col("year").leq(year) : col("year").equalTo(year));
  }

  /** A column the pipeline made (numbers, codes, flags), written as it is. */
  CsvExport value(String name, Column value) {
    columns.add(CsvColumn.value(name));
    values.add(value.cast("string").as(name));
    return this;
  }

  CsvExport value(String name) {
    return value(name, col(name));
  }

  /** Text from input files (names, classes, codes, logins), neutralised by the writer. */
  CsvExport text(String name) {
    columns.add(CsvColumn.text(name));
    values.add(col(name).cast("string").as(name));
    return this;
  }

  /** A boolean as 1 or 0, as the contract's {@code scored} and {@code flagged}. */
  CsvExport flag(String name) {
    return value(name, when(col(name), "1").otherwise("0"));
  }

  /** A number with a fixed pattern ({@code %.6f}); null stays empty. */
  CsvExport number(String name, String pattern) {
    return value(name, when(col(name).isNotNull(), format_string(pattern, col(name))));
  }

  /**
   * Codes joined by {@code |} as Russian words joined by {@code "; "}, for the officials who open the
   * file beside the codes; a code without words stays as it is rather than hidden. Built-in functions
   * over a literal map: no UDF.
   */
  CsvExport inRussian(String name, String codes, Map<String, String> words) {
    List<Column> entries = new ArrayList<>();
    words.forEach((code, text) -> {
      entries.add(lit(code));
      entries.add(lit(text));
    });
    Column dictionary = map(entries.toArray(Column[]::new));
    Column translated = transform(split(col(codes), "\\|"), code -> coalesce(try_element_at(dictionary, code), code));
    return value(name, when(col(codes).isNotNull().and(col(codes).notEqual("")), array_join(translated, "; ")));
  }

  String fileName() {
    return file;
  }

  /** Writes the rows, streamed partition by partition to the driver: never all at once. */
  long write(Dataset<Row> rows, java.io.OutputStream out) {
    Dataset<Row> formatted = rows.orderBy(order.toArray(Column[]::new)).select(values.toArray(Column[]::new));
    Iterator<Row> it = formatted.toLocalIterator();
    Iterator<List<String>> lines = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public List<String> next() {
        Row r = it.next();
        List<String> line = new ArrayList<>(r.length());
        for (int i = 0; i < r.length(); i++) line.add(r.isNullAt(i) ? null : r.getString(i));
        return line;
      }
    };
    return CsvTableWriter.of(columns).write(out, lines);
  }
}
