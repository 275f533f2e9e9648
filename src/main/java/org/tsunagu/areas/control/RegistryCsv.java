package org.tsunagu.areas.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One national address-registry CSV read as it streams in (these files are far too large to hold):
 * UTF-8 with or without BOM, decoded strictly (a byte that is not UTF-8 is a 400, not a silent
 * U+FFFD), columns found by their header names. Rows are handed on one at a time with their line, and
 * mistakes are collected (at most {@value #MAX_ERRORS}) so that one 400 can list them all.
 */
final class RegistryCsv {

    static final int MAX_ERRORS = 100;

    /** A data row: its physical line and its cells, read by column name. */
    record Row(int line, CSVRecord record, Map<String, Integer> columns) {

        /** The stripped cell of a column ("" when the column or the cell is absent). */
        String get(String column) {
            Integer i = columns.get(key(column));
            return i == null || i >= record.size() ? "" : record.get(i).strip();
        }
    }

    private final List<FieldError> errors = new ArrayList<>();
    private final String what;

    /** @param what the file as named in messages, e.g. 「Geolonia の latest.csv」 */
    RegistryCsv(String what) {
        this.what = what;
    }

    /** The column names of a stream's first line (BOM removed), read ahead and pushed back, to tell files apart. */
    static List<String> header(PushbackInputStream in) throws IOException {
        byte[] peek = new byte[4096];
        int n = 0;
        while (n < peek.length) {
            int got = in.read(peek, n, peek.length - n);
            if (got < 0) {
                break;
            }
            n += got;
            if (indexOfNewline(peek, n) >= 0) {
                break;
            }
        }
        if (n <= 0) {
            return List.of();
        }
        in.unread(peek, 0, n);
        int start = n >= 3 && (peek[0] & 0xFF) == 0xEF && (peek[1] & 0xFF) == 0xBB && (peek[2] & 0xFF) == 0xBF ? 3 : 0;
        int end = start;
        while (end < n && peek[end] != '\n' && peek[end] != '\r') {
            end++;
        }
        String line = new String(peek, start, end - start, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            names.add(key(cell.replace("\"", "")));
        }
        return names;
    }

    private static int indexOfNewline(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Wraps a stream so that {@link #header} can look at its beginning first. */
    static PushbackInputStream peekable(InputStream in) {
        return new PushbackInputStream(in, 4096);
    }

    /**
     * Reads every data row, checking that the required columns exist; a file that cannot be read as
     * CSV or UTF-8 ends in a 400 naming the line. Rows that are wholly empty are skipped.
     */
    void each(InputStream in, List<String> required, Consumer<Row> row) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            read(CSVParser.parse(reader, format), required, row);
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            throw unreadable(e, line[0]);
        }
    }

    private final int[] line = {1};

    private void read(CSVParser parser, List<String> required, Consumer<Row> row) throws IOException {
        try (parser) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.invalid(what + " is empty", List.of(FieldError.at(1, "", what + "が空です")));
            }
            Map<String, Integer> columns = new HashMap<>();
            CSVRecord header = records.next();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(key(header.get(i)), i);
            }
            List<FieldError> missing = new ArrayList<>();
            for (String column : required) {
                if (!columns.containsKey(key(column))) {
                    missing.add(FieldError.at(1, column, what + "に必須の列「" + column + "」がありません"));
                }
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("required columns are missing in " + what, missing);
            }
            while (true) {
                line[0] = (int) parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord r = records.next();
                row.accept(new Row(line[0], r, columns));
            }
        }
    }

    private ProblemException unreadable(Exception e, int line) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof CharacterCodingException) {
            return ProblemException.invalid(what + " is not UTF-8",
                    List.of(FieldError.at(line, "", what + "に UTF-8 として読めないバイトがあります（" + line + "行目付近）")));
        }
        String why = root.getMessage() == null ? ""
                : ": " + QueryParameters.shown(root.getMessage().replaceAll("[\\w.]+(Exception|Error): ?", ""));
        return ProblemException.invalid(what + " is not valid CSV" + why,
                List.of(FieldError.at(line, "", what + "を CSV として読み取れません（" + line + "行目付近。引用符の対応などを確認してください）")));
    }

    void error(int line, String field, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(FieldError.at(line, field, message));
        }
    }

    /** A cell that is used: its length within the column's size (V1) and no control characters. */
    String text(Row row, String column, int max) {
        String v = Normalizer.normalize(row.get(column), Normalizer.Form.NFC);
        if (v.length() > max) {
            error(row.line(), column, column + " は" + max + "文字以内です");
        }
        String why = JsonInput.unsafe(v);
        if (why != null) {
            error(row.line(), column, column + why);
        }
        return v;
    }

    /** A coordinate: null when the cell is empty, an error when it is not a number in range. */
    Double coordinate(Row row, String column, double min, double max) {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(Normalizer.normalize(raw, Normalizer.Form.NFKC));
            if (Double.isFinite(v) && v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        error(row.line(), column, column + " は " + min + "〜" + max + " の数値です: " + QueryParameters.shown(raw));
        return null;
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the collected mistakes as one 400, if there are any. */
    void verify() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(what + " has errors; nothing was imported", errors());
        }
    }

    static String key(String column) {
        String k = Normalizer.normalize(column, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return k.startsWith("\uFEFF") ? k.substring(1).strip() : k;
    }
}
