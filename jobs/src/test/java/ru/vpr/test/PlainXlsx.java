package ru.vpr.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A second, independent reading of an xlsx sheet with the JDK's own StAX parser, for tests that check
 * ingest against the file itself rather than against ingest's own reader: shared and inline strings,
 * numbers as written, column letters to indexes. Only what tests need; no formats, no formulas.
 */
public final class PlainXlsx {
  private PlainXlsx() {}

  /** The rows of the named sheet's part (e.g. {@code xl/worksheets/sheet1.xml}), each as cell texts by column. */
  public static List<List<String>> rows(Path file, String sheetPart) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> shared = sharedStrings(zip);
      ZipEntry sheet = zip.getEntry(sheetPart);
      if (sheet == null) throw new IOException(file + " has no " + sheetPart);
      try (InputStream in = zip.getInputStream(sheet)) {
        return readRows(in, shared);
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** The rows of the sheet with that name, found through the workbook and its relationships. */
  public static List<List<String>> rowsOfSheet(Path file, String sheetName) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String relation = null;
      try (InputStream in = zip.getInputStream(zip.getEntry("xl/workbook.xml"))) {
        XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
        while (x.hasNext()) {
          if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")
              && sheetName.equals(x.getAttributeValue(null, "name"))) {
            for (int i = 0; i < x.getAttributeCount(); i++) {
              if (x.getAttributeLocalName(i).equals("id")) relation = x.getAttributeValue(i);
            }
          }
        }
      }
      if (relation == null) throw new IOException(file + " has no sheet " + sheetName);
      try (InputStream in = zip.getInputStream(zip.getEntry("xl/_rels/workbook.xml.rels"))) {
        XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
        while (x.hasNext()) {
          if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")
              && relation.equals(x.getAttributeValue(null, "Id"))) {
            String target = x.getAttributeValue(null, "Target");
            String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
            return rows(file, part);
          }
        }
      }
      throw new IOException(file + ": no part for sheet " + sheetName);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
    List<String> strings = new ArrayList<>();
    ZipEntry entry = zip.getEntry("xl/sharedStrings.xml");
    if (entry == null) return strings;
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
      StringBuilder current = null;
      boolean inText = false;
      while (x.hasNext()) {
        int event = x.next();
        if (event == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("si")) current = new StringBuilder();
        else if (event == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("t")) inText = true;
        else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("t")) inText = false;
        else if (event == XMLStreamConstants.CHARACTERS && inText && current != null) current.append(x.getText());
        else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("si")) strings.add(current.toString());
      }
    }
    return strings;
  }

  private static List<List<String>> readRows(InputStream in, List<String> shared) throws XMLStreamException {
    List<List<String>> rows = new ArrayList<>();
    XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
    List<String> row = null;
    int column = -1;
    String type = null;
    StringBuilder value = null;
    while (x.hasNext()) {
      int event = x.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (x.getLocalName()) {
          case "row" -> row = new ArrayList<>();
          case "c" -> {
            column = columnIndex(x.getAttributeValue(null, "r"));
            type = x.getAttributeValue(null, "t");
            value = new StringBuilder();
          }
          default -> { }
        }
      } else if (event == XMLStreamConstants.CHARACTERS && value != null) {
        value.append(x.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (x.getLocalName().equals("c") && row != null) {
          while (row.size() <= column) row.add("");
          String text = value.toString();
          row.set(column, "s".equals(type) && !text.isEmpty() ? shared.get(Integer.parseInt(text.trim())) : text);
          value = null;
        } else if (x.getLocalName().equals("row") && row != null) {
          rows.add(row);
          row = null;
        }
      }
    }
    return rows;
  }

  private static int columnIndex(String reference) {
    int n = 0;
    for (char c : reference.toCharArray()) {
      if (!Character.isLetter(c)) break;
      n = n * 26 + (c - 'A' + 1);
    }
    return n - 1;
  }
}
