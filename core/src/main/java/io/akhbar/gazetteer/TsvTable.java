package io.akhbar.gazetteer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A gazetteer TSV file read with commons-csv: tab-separated, first line the header, {@code #} starts a comment line,
 * blank lines ignored, cells trimmed, multi-valued cells separated by {@code |}. Rows keep their physical line number
 * for error messages.
 */
final class TsvTable {

  private static final CSVFormat FORMAT = CSVFormat.TDF.builder()
      .setCommentMarker('#')
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreEmptyLines(true)
      .setTrim(true)
      .setAllowMissingColumnNames(false)
      .get();

  /** One data row. */
  record Row(String file, long line, Map<String, Integer> columns, List<String> cells) {

    /** The trimmed cell, "" when the row is shorter than the header. */
    String get(String column) {
      Integer i = columns.get(column);
      if (i == null || i >= cells.size()) {
        return "";
      }
      String v = cells.get(i);
      return v == null ? "" : v.strip();
    }

    /** A multi-valued cell split on {@code |}, trimmed, empties dropped. */
    List<String> list(String column) {
      String v = get(column);
      if (v.isEmpty()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String part : v.split("\\|")) {
        String p = part.strip();
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
      return out;
    }

    GazetteerFormatException error(String message) {
      return new GazetteerFormatException(file, line, message);
    }
  }

  private TsvTable() {}

  /** Parses the text of {@code file}; fails when a required column is missing or a row has more cells than the header. */
  static List<Row> parse(String file, String text, List<String> requiredColumns) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
      Map<String, Integer> columns = parser.getHeaderMap();
      if (columns == null || columns.isEmpty()) {
        throw new GazetteerFormatException(file, 1, "no header line");
      }
      for (String required : requiredColumns) {
        if (!columns.containsKey(required)) {
          throw new GazetteerFormatException(file, 1,
              "header has no column '" + required + "' (found " + parser.getHeaderNames() + ")");
        }
      }
      int width = columns.size();
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        List<String> cells = Arrays.asList(record.values());
        if (cells.size() > width) {
          throw new GazetteerFormatException(file, line, "malformed row: " + cells.size() + " cells but the header has "
              + width + " columns (a tab too many, or a stray tab inside a cell?)");
        }
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        rows.add(new Row(file, line, columns, cells));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new GazetteerFormatException(file, 0, "cannot be parsed: " + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // commons-csv: duplicate or empty header names, unbalanced quotes...
      throw new GazetteerFormatException(file, 0, "cannot be parsed: " + e.getMessage());
    }
    return rows;
  }
}
