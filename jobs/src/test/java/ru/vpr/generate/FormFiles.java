package ru.vpr.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Test-side reader of the generated landing zone: just enough of the contract to check the data. */
final class FormFiles {
  private static final Pattern TASK = Pattern.compile("^(.+?)\\s*\\((\\d+)б\\)$");
  private static final Pattern FOLDER = Pattern.compile("year=(\\d+)/subject=(\\w+)/grade=(\\d+)/([^/]+)$");

  /** One file as read back. Header cells keep their raw text; {@code rows} map canonical names to text. */
  record Form(Path path, int year, String subject, int grade, String fileName, boolean xlsx, Charset charset,
      boolean bom, char delimiter, List<String> rawHeader, List<Map<String, String>> rows, int preambleRows) {
    boolean export() {
      return rawHeader.contains("Логин ОО");
    }
  }

  static List<Form> readAll(Path landing) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(landing)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    List<Form> out = new ArrayList<>();
    for (Path f : files) out.add(read(f));
    return out;
  }

  static Form read(Path file) throws IOException {
    Matcher m = FOLDER.matcher(file.toString().replace('\\', '/'));
    if (!m.find()) throw new IllegalArgumentException("not in the landing layout: " + file);
    int year = Integer.parseInt(m.group(1));
    int grade = Integer.parseInt(m.group(3));
    String name = m.group(4);
    List<List<String>> table = new ArrayList<>();
    boolean xlsx = name.endsWith(".xlsx");
    Charset charset = null;
    boolean bom = false;
    char delimiter = 0;
    int preamble = 0;
    if (xlsx) {
      try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
        Sheet sheet = wb.findSheet(FormWriter.SHEET).orElseThrow();
        boolean inTable = false;
        for (Row row : sheet.read()) {
          String first = row.getCellCount() == 0 ? "" : row.getCellText(0).trim();
          if (!inTable && (first.equals("Код") || first.equals("Код участника"))) {
            inTable = true;
            preamble = row.getRowNum() - 1;
          }
          if (!inTable) continue;
          List<String> cells = new ArrayList<>();
          for (int c = 0; c < row.getCellCount(); c++) cells.add(row.getCellText(c));
          table.add(cells);
        }
      }
    } else {
      byte[] bytes = Files.readAllBytes(file);
      bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
        charset = StandardCharsets.UTF_8;
      } catch (CharacterCodingException e) {
        charset = FormStyle.WINDOWS_1251;
        text = new String(bytes, charset);
      }
      if (text.startsWith("\uFEFF")) text = text.substring(1);
      String firstLine = text.substring(0, text.indexOf('\n'));
      delimiter = ';';
      for (char d : new char[] {',', '\t'}) {
        if (count(firstLine, d) > count(firstLine, delimiter)) delimiter = d;
      }
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
        table.add(r.toList());
      }
    }
    List<String> header = table.get(0);
    List<String> canonical = header.stream().map(FormFiles::canonical).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> cells : table.subList(1, table.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < canonical.size(); c++) row.put(canonical.get(c), c < cells.size() ? cells.get(c).trim() : "");
      rows.add(row);
    }
    return new Form(file, year, m.group(2), grade, name, xlsx, charset, bom, delimiter, header, rows, preamble);
  }

  /** Canonical column names: code, variant, class, journal, login, gender, or the task code. */
  static String canonical(String header) {
    String h = header.trim().replaceAll("\\s+", " ");
    Matcher t = TASK.matcher(h);
    if (t.matches()) {
      return t.group(1).replace(" ", "").replaceAll("^(\\d+)\\((\\d+)\\)$", "$1.$2");
    }
    if (h.equals("Код") || h.equals("Код участника")) return "code";
    if (h.equals("Класс") || h.equals("Наименование класса")) return "class";
    if (h.startsWith("Отметка за предыдущ")) return "journal";
    if (h.equals("Логин ОО")) return "login";
    if (h.equals("Вариант")) return "variant";
    if (h.equals("Пол")) return "gender";
    return h;
  }

  static boolean absent(Map<String, String> row) {
    String v = row.get("variant").toLowerCase(java.util.Locale.ROOT);
    return v.equals("отсутствовал") || v.equals("не присутствовал");
  }

  static boolean notAttempted(String cell) {
    return cell.equals("X") || cell.equals("Х");
  }

  /** {@code 5А}, {@code 5 Б}, {@code 5-в} -> {@code 5А}, {@code 5Б}, {@code 5В}. */
  static String normaliseClass(String name) {
    return name.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  static String login(Form form, Map<String, String> row) {
    return form.export() ? row.get("login") : form.fileName().substring(0, form.fileName().indexOf('.'));
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
