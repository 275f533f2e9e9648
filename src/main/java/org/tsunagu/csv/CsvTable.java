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
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
            throw ProblemException.invalid("the file is empty", List.of(FieldError.at(1, "", "ファイルが空です")));
        }
        Charset charset = detect(bytes);
        String text = decode(bytes, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw ProblemException.invalid("the file has no header row",
                        List.of(FieldError.at(1, "", "見出し行がありません")));
            }
            List<String> header = new ArrayList<>();
            for (String h : records.get(0)) {
                header.add(h.strip().toLowerCase(Locale.ROOT));
            }
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
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    cells.putIfAbsent(header.get(c), c < r.size() ? r.get(c) : "");
                }
                boolean blank = cells.values().stream().allMatch(String::isBlank);
                if (!blank) {
                    int line = lineOf(lineStarts, r.getCharacterPosition());
                    cells.forEach((column, value) -> {
                        String why = JsonInput.unsafe(value);
                        if (why != null && unsafe.size() < 100) {
                            unsafe.add(FieldError.at(line, column, column + why));
                        }
                    });
                    rows.add(new Row(line, cells));
                }
            }
            if (!unsafe.isEmpty()) {
                // NUL, other control characters and bidi overrides are never data (JsonInput.unsafe): the file is refused
                throw ProblemException.invalid("the file contains control characters", unsafe);
            }
            return new CsvTable(List.copyOf(header), List.copyOf(rows), charset);
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // the parser's own words, never the exception's class (the detail is shown to the caller)
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? ""
                    : ": " + QueryParameters.shown(root.getMessage().replaceAll("[\\w.]+(Exception|Error): ?", ""));
            throw ProblemException.invalid("the file is not valid CSV" + why,
                    List.of(FieldError.of("", "CSVとして読み取れません（引用符の対応などを確認してください）")));
        }
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

    static Charset detect(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return CP932;
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("the file is neither UTF-8 nor Shift_JIS (CP932)",
                    List.of(FieldError.of("", "文字コードを判別できません。UTF-8 または Shift_JIS で保存してください")));
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
