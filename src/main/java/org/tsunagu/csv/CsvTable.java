package org.tsunagu.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as centers send it: UTF-8, UTF-8 with BOM, or Shift_JIS/CP932 from Excel, detected from
 * the bytes; RFC 4180 quoting; a header row whose names decide the columns (unknown ones ignored).
 * Every row keeps its line number so that errors can say where.
 */
public final class CsvTable {

    public static final Charset CP932 = Charset.forName("windows-31j");

    /** A data row: its line in the file and its cells by lower-cased column name (never null, maybe ""). */
    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }

        public boolean has(String column) {
            return !get(column).isEmpty();
        }
    }

    private final List<String> header;
    private final List<Row> rows;
    private final Charset charset;

    private CsvTable(List<String> header, List<Row> rows, Charset charset) {
        this.header = header;
        this.rows = rows;
        this.charset = charset;
    }

    /** Parses the bytes, or throws a 400 problem saying what is wrong with the file itself. */
    public static CsvTable parse(byte[] bytes, Collection<String> requiredColumns) {
        if (bytes == null || bytes.length == 0) {
            throw empty();
        }
        Charset charset = CsvEncoding.of(bytes);
        String text = decode(bytes, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw noHeader();
            }
            List<String> header = records.get(0).stream().map(HeaderNames::key).toList();
            List<FieldError> missing = new ArrayList<>();
            for (String required : requiredColumns) {
                if (!header.contains(required)) {
                    missing.add(FieldError.at(1, required, "必須の列 " + required + " がありません"));
                }
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("required columns are missing", missing);
            }
            List<Row> rows = new ArrayList<>();
            List<FieldError> unsafe = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                CSVRecord r = records.get(i);
                Map<String, String> cells = cells(header, r);
                if (!blank(cells)) {
                    int line = lineOf(lineStarts, r.getCharacterPosition());
                    unsafe.addAll(unsafe(line, cells, 100 - unsafe.size()));
                    rows.add(new Row(line, cells));
                }
            }
            if (!unsafe.isEmpty()) {
                // NUL, other control characters and bidi overrides are never data (JsonInput.unsafe): the file is refused
                throw ProblemException.invalid("the file contains control characters", unsafe);
            }
            return new CsvTable(List.copyOf(header), List.copyOf(rows), charset);
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            throw notCsv(e, null);
        }
    }

    /** RFC 4180 with blank lines skipped and cells as written (Row.get strips). */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();

    /** A record's cells by column name; the first of two equal names wins, missing cells are "". */
    static Map<String, String> cells(List<String> header, CSVRecord r) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            cells.putIfAbsent(header.get(c), c < r.size() ? r.get(c) : "");
        }
        return cells;
    }

    static boolean blank(Map<String, String> cells) {
        return cells.values().stream().allMatch(String::isBlank);
    }

    /**
     * One error per cell that holds text that is never data (JsonInput.unsafe: NUL, other control
     * characters, bidi overrides, lone surrogates), at most {@code max}.
     */
    static List<FieldError> unsafe(int line, Map<String, String> cells, int max) {
        List<FieldError> errors = new ArrayList<>();
        cells.forEach((column, value) -> {
            String why = JsonInput.unsafe(value);
            if (why != null && errors.size() < max) {
                errors.add(FieldError.at(line, column, column + why));
            }
        });
        return errors;
    }

    static ProblemException empty() {
        return ProblemException.invalid("the file is empty", List.of(FieldError.at(1, "", "ファイルが空です")));
    }

    static ProblemException noHeader() {
        return ProblemException.invalid("the file has no header row", List.of(FieldError.at(1, "", "見出し行がありません")));
    }

    /** The 400 for a file the CSV parser gave up on, at the record's line when it is known. */
    static ProblemException notCsv(Throwable e, Integer line) {
        // the parser's own words, never the exception's class (the detail is shown to the caller)
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? ""
                : ": " + QueryParameters.shown(root.getMessage().replaceAll("[\\w.]+(Exception|Error): ?", ""));
        String message = "CSVとして読み取れません（引用符の対応などを確認してください）";
        return ProblemException.invalid("the file is not valid CSV" + why,
                List.of(line == null ? FieldError.of("", message) : FieldError.at(line, "", message)));
    }

    /** Offsets at which each physical line starts (after \n or a lone \r). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based physical line on which a record starts, blank lines and multi-line cells included. */
    private static int lineOf(int[] lineStarts, long position) {
        int i = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return CsvEncoding.strict(charset).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CsvEncoding.undecodable();
        }
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public Charset charset() {
        return charset;
    }
}
