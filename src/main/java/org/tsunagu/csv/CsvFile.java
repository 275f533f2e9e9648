package org.tsunagu.csv;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A CSV file on disk read row by row, for open-data lists too large to hold in memory (the national
 * 介護サービス and 医療情報ネット files run from 15 MB to 1 GB). Reads what {@link CsvTable} reads, with
 * the same header keys, rows and line numbers, plus UTF-16 (by BOM, or by its NUL bytes without one).
 *
 * <p>{@link #open} settles everything that concerns the whole file before the import starts: the
 * charset (the whole file is decoded once, strictly — an undecodable byte at 900 MB is a 400 now,
 * not a failed import later; that pass also counts the lines for {@link #estimatedRows}) and the
 * header. {@link #rows} then reads lazily, and can be called again for a second pass.
 *
 * <p>Rows differ from CsvTable in one rule: a cell with text that is never data (control characters,
 * bidi overrides: {@code JsonInput.unsafe}) does not refuse the file — a national list with one bad
 * row out of 80,000 still imports. The row is left out and each of its unsafe cells is handed, as a
 * line-numbered {@link FieldError}, to the consumer given to {@link #rows}, before the next row is;
 * the import lists them with its own per-row errors. Malformed CSV (an unclosed quote) cannot be
 * skipped, since everything after it is misread: it is a 400 problem thrown from the stream, with
 * the line where the broken record starts.
 */
public final class CsvFile {

    /** Where the bytes come from; opened once for the check and once per {@link #rows} call. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private static final Pattern PARSER_LINE = Pattern.compile("(?:startline |line: )(\\d+)");

    private final String name;
    private final Source source;
    private final Charset charset;
    private final long lines;
    private final List<String> header;
    private final List<String> originalHeader;

    private CsvFile(String name, Source source, Charset charset, long lines, List<String> originalHeader) {
        this.name = name;
        this.source = source;
        this.charset = charset;
        this.lines = lines;
        this.originalHeader = originalHeader;
        this.header = originalHeader.stream().map(HeaderNames::key).toList();
    }

    /**
     * Checks the file (charset, header) and returns it ready to read; a file that is empty, has no
     * header or decodes in none of the charsets is a 400 problem.
     */
    public static CsvFile open(Path file) throws IOException {
        return open(String.valueOf(file.getFileName()), () -> Files.newInputStream(file));
    }

    static CsvFile open(String name, Source source) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(CsvEncoding.HEAD);
        }
        if (head.length == 0) {
            throw CsvTable.empty();
        }
        for (Charset charset : CsvEncoding.candidates(head, head.length)) {
            long lines = CsvEncoding.lines(source.open(), charset);
            if (lines >= 0) {
                try (CSVParser parser = parser(new LineTracker(reader(source, charset)))) {
                    Iterator<CSVRecord> records = parser.iterator();
                    if (!hasNext(records)) {
                        throw CsvTable.noHeader();
                    }
                    List<String> original = records.next().stream().map(String::strip).toList();
                    return new CsvFile(name, source, charset, lines, original);
                }
            }
        }
        throw CsvEncoding.undecodable();
    }

    private static CSVParser parser(LineTracker lines) throws IOException {
        return CSVParser.parse(lines, CsvTable.FORMAT);
    }

    private static Reader reader(Source source, Charset charset) throws IOException {
        return new BufferedReader(new InputStreamReader(source.open(), CsvEncoding.strict(charset)), 64 * 1024);
    }

    /** Told each data row in file order, by {@link #read(Path, Rows)}. */
    public interface Rows {
        void row(CsvTable.Row row);
    }

    /** What {@link #read(Path, Rows)} read: the header keys, the encoding and how many rows were told. */
    public record Read(List<String> header, Charset charset, int rows) {
    }

    /** The header keys of a file (for refusing a file without the format's columns before anything else). */
    public static List<String> header(Path file) {
        try {
            return open(file).header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The encoding {@link #open} decides for the file (CsvTable's for the same bytes, plus UTF-16). */
    public static Charset detect(Path file) {
        try {
            return open(file).charset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tells every row, in order, with CsvTable's rule for unsafe text: the first row that has any
     * refuses the file (400 listing its cells) before a later row is told. For imports that skip and
     * list such rows instead, {@link #rows}.
     */
    public static Read read(Path file, Rows rows) {
        try {
            CsvFile csv = open(file);
            List<FieldError> unsafe = new ArrayList<>();
            int[] count = {0};
            try (Stream<CsvTable.Row> all = csv.rows(unsafe::add)) {
                all.forEach(row -> {
                    refuseUnsafe(unsafe);
                    rows.row(row);
                    count[0]++;
                });
            }
            refuseUnsafe(unsafe);
            return new Read(csv.header(), csv.charset(), count[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuseUnsafe(List<FieldError> unsafe) {
        if (!unsafe.isEmpty()) {
            throw ProblemException.invalid("the file contains control characters", unsafe);
        }
    }

    /** The file name (for ZIP entries, the entry's name), for messages. */
    public String name() {
        return name;
    }

    public Charset charset() {
        return charset;
    }

    /** The column names as keys of the rows: stripped and lower-cased, as {@link CsvTable#header()}. */
    public List<String> header() {
        return header;
    }

    /** The column names as the file writes them (stripped), in the order of {@link #header()}, for messages. */
    public List<String> originalHeader() {
        return originalHeader;
    }

    /** The file's own spelling of a column key of {@link #header()}, or the key itself when it is not one. */
    public String original(String column) {
        int i = header.indexOf(column);
        return i < 0 ? column : originalHeader.get(i);
    }

    /**
     * For progress: the physical lines after the header. An upper bound of the rows — blank lines
     * and line breaks inside quoted cells count too.
     */
    public long estimatedRows() {
        return Math.max(0, lines - 1);
    }

    /**
     * The data rows, read lazily as the stream is consumed; close the stream (try-with-resources).
     * Blank rows are skipped; a row with unsafe text is skipped too, after its errors went to
     * {@code rejected}. The stream throws a 400 {@link ProblemException} where the CSV is malformed
     * and {@link UncheckedIOException} when the file cannot be read.
     */
    public Stream<CsvTable.Row> rows(Consumer<FieldError> rejected) throws IOException {
        LineTracker lines = new LineTracker(reader(source, charset));
        CSVParser parser = parser(lines);
        RowIterator rows = new RowIterator(parser, lines, rejected);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        parser.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Advances the parser, turning its failures into the problems {@link #rows} promises. */
    private static boolean hasNext(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw CsvEncoding.undecodable();
            }
            if (cause instanceof CSVException || e instanceof IllegalStateException) {
                Matcher m = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
                throw CsvTable.notCsv(e, m.find() ? Integer.valueOf(m.group(1)) : null);
            }
            throw e;
        }
    }

    private final class RowIterator implements Iterator<CsvTable.Row> {
        private final Iterator<CSVRecord> records;
        private final LineTracker lines;
        private final Consumer<FieldError> rejected;
        private CsvTable.Row next;

        RowIterator(CSVParser parser, LineTracker lines, Consumer<FieldError> rejected) {
            this.records = parser.iterator();
            this.lines = lines;
            this.rejected = rejected;
            if (CsvFile.hasNext(records)) {
                records.next(); // the header, read by open
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null && CsvFile.hasNext(records)) {
                CSVRecord record = records.next();
                Map<String, String> cells = CsvTable.cells(header, record);
                if (CsvTable.blank(cells)) {
                    continue;
                }
                int line = lines.lineOf(record.getCharacterPosition());
                List<FieldError> unsafe = CsvTable.unsafe(line, cells, Integer.MAX_VALUE);
                if (unsafe.isEmpty()) {
                    next = new CsvTable.Row(line, cells);
                } else {
                    unsafe.forEach(rejected);
                }
            }
            return next != null;
        }

        @Override
        public CsvTable.Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CsvTable.Row row = next;
            next = null;
            return row;
        }
    }

    /**
     * Passes the text on to the parser without a leading BOM, and remembers where the lines that
     * are not empty start, so that a record's character position becomes the physical line it
     * starts on. The parser reports the position where it began looking for the record, blank
     * lines before it included; the record itself starts on the first non-empty line from there.
     * Only the lines read ahead of the parser are kept.
     */
    static final class LineTracker extends FilterReader {
        /** {offset, line} of each non-empty line start not yet passed by the parser. */
        private final ArrayDeque<long[]> starts = new ArrayDeque<>();
        private long offset;
        private long line;
        private boolean lineStart = true;
        private boolean cr;
        private boolean first = true;

        LineTracker(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (first && n > 0) {
                first = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buf, off, len);
                    }
                }
            }
            for (int i = off; i < off + n; i++) {
                track(buf[i]);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported: every character is counted");
        }

        private void track(char c) {
            if (cr) {
                cr = false;
                lineStart = true;
                if (c == '\n') {
                    offset++;
                    return;
                }
            }
            if (lineStart) {
                lineStart = false;
                line++;
                if (c != '\n' && c != '\r') {
                    starts.addLast(new long[]{offset, line});
                }
            }
            if (c == '\n') {
                lineStart = true;
            } else if (c == '\r') {
                cr = true;
            }
            offset++;
        }

        /** The line of the first non-empty line starting at or after the position. */
        int lineOf(long position) {
            while (!starts.isEmpty() && starts.peekFirst()[0] < position) {
                starts.pollFirst();
            }
            return starts.isEmpty() ? (int) line : (int) starts.peekFirst()[1];
        }
    }
}
