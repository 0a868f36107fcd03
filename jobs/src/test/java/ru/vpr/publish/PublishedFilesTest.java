package ru.vpr.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import ru.vpr.test.SparkTestBase;

/**
 * risk_classes.csv from hand-made rows: contract columns in order, rows by rank with unscored units
 * last, fixed number formats, 1/0 flags, empty fields for nulls, and text from input files (a school
 * name, a class) neutralised against formula injection while codes and numbers are left alone.
 */
class PublishedFilesTest extends SparkTestBase {
  @Test
  void riskClassesFollowTheContractAndNeutraliseInputText() throws IOException {
    Dataset<Row> rows = Frames.of("year INT, subject STRING, grade INT, municipality_code STRING, login STRING, "
            + "class STRING, participants BIGINT, scored BOOLEAN, risk_score DOUBLE, risk_rank INT, flagged BOOLEAN, "
            + "reasons STRING, written BIGINT, q_value DOUBLE, school_name STRING")
        .row(2025, "ma", 5, "mo01", "edu000002", "5Б", 20L, true, 0.5, 2, false, "S2_thresholds", 19L, 0.3, "Школа, «Б»")
        .row(2025, "ma", 5, "mo01", "edu000003", "5А", 3L, false, null, null, false, "too_few_pupils", 3L, null, "Школа 3")
        .row(2025, "ma", 5, "mo01", "edu000001", "+5А", 25L, true, 0.99999912, 1, true, "S4_identical|S2_thresholds",
            25L, 1.5e-7, "=HYPERLINK(\"http://x\")")
        .row(2024, "ma", 5, "mo01", "edu000001", "5А", 25L, true, 0.1, 1, false, "S1_level", 25L, 0.9, "other year")
        .frame(spark());
    Publication publication = new Publication(rows, null, null, null, null, null, null, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = PublishedFiles.RISK_CLASSES.write(PublishedFiles.RISK_CLASSES.rows(publication, 2025), out);
    String text = out.toString(StandardCharsets.UTF_8);
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();

    assertEquals(3, written);
    assertEquals(List.of("year", "subject", "grade", "municipality_code", "login", "class", "participants", "scored",
            "risk_score", "risk_rank", "flagged", "reasons", "written", "q_value", "school_name", "reasons_ru"),
        records.get(0).getParser().getHeaderNames());
    assertEquals(List.of("1", "2", ""), records.stream().map(r -> r.get("risk_rank")).toList(), "by rank, unscored last");
    CSVRecord top = records.get(0);
    assertEquals("0.999999", top.get("risk_score"));
    assertEquals("1.500e-07", top.get("q_value"));
    assertEquals("1", top.get("flagged"));
    assertEquals("S4_identical|S2_thresholds", top.get("reasons"));
    assertEquals("'=HYPERLINK(\"http://x\")", top.get("school_name"), "a formula from the registry is neutralised");
    assertEquals("'+5А", top.get("class"));
    assertEquals("Школа, «Б»", records.get(1).get("school_name"));
    CSVRecord unscored = records.get(2);
    assertEquals("0", unscored.get("scored"));
    assertEquals("", unscored.get("risk_score"));
    assertEquals("too_few_pupils", unscored.get("reasons"));
    assertEquals("слишком мало участников для оценки", unscored.get("reasons_ru"));
    assertEquals(ru.vpr.publish.model.RiskReason.russian("S4_identical") + "; " + ru.vpr.publish.model.RiskReason.russian("S2_thresholds"),
        top.get("reasons_ru"), "the reasons in words, in the codes' order");
    assertFalse(top.get("reasons_ru").contains("S4_identical"), top.get("reasons_ru"));
    assertTrue(text.contains("\r\n"), "RFC 4180 line ends");
  }
}
