package org.tsunagu.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file on disk read row by row, for the national open-data files (15 MB to 1 GB) that
 * {@link CsvTable} would hold in memory whole. The same rules as {@link CsvTable}: the encoding is
 * detected (UTF-8 with or without BOM, UTF-16 with BOM or, by its zero bytes, without, else CP932),
 * the header row names the columns (stripped, lower-cased), blank rows are skipped, every row keeps
 * the physical line it starts on, and control characters refuse the file. UTF-8 is told from CP932 by
 * decoding the whole file once, because a prefix can be plain ASCII in both.
 */
public final class CsvFile {

    private static final int UTF16_PROBE = 4096;

    private CsvFile() {
    }

    /** Told each data row in file order. */
    public interface Rows {
        void row(CsvTable.Row row);
    }

    /** The header names and the encoding the file was read in. */
    public record Read(List<String> header, Charset charset, int rows) {
    }

    /** Only the header row (for refusing a file without the format's columns before anything else). */
    public static List<String> header(Path file) {
        Charset charset = detect(file);
        try (Reader reader = reader(file, charset); CSVParser parser = CSVParser.parse(reader, format())) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw noHeader();
            }
            return header(records.next());
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /** Reads every row, in order, into {@code rows}; 400 problems for a file that is not CSV in a known encoding. */
    public static Read read(Path file, Rows rows) {
        Charset charset = detect(file);
        try (Reader reader = reader(file, charset); CSVParser parser = CSVParser.parse(reader, format())) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw noHeader();
            }
            List<String> header = header(records.next());
            long nextLine = parser.getCurrentLineNumber() + 1;
            int count = 0;
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    cells.putIfAbsent(header.get(c), c < r.size() ? r.get(c) : "");
                }
                if (cells.values().stream().allMatch(String::isBlank)) {
                    continue;
                }
                List<FieldError> unsafe = new ArrayList<>();
                cells.forEach((column, value) -> {
                    String why = JsonInput.unsafe(value);
                    if (why != null) {
                        unsafe.add(FieldError.at((int) line, column, column + why));
                    }
                });
                if (!unsafe.isEmpty()) {
                    throw ProblemException.invalid("the file contains control characters", unsafe);
                }
                rows.row(new CsvTable.Row((int) line, cells));
                count++;
            }
            return new Read(header, charset, count);
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    private static CSVFormat format() {
        return CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
    }

    private static List<String> header(CSVRecord first) {
        List<String> header = new ArrayList<>();
        for (String h : first) {
            header.add(h.strip().toLowerCase(Locale.ROOT));
        }
        return header;
    }

    /** The file's characters (a BOM left out), decoding strictly: a broken byte is an error, never a U+FFFD. */
    static Reader reader(Path file, Charset charset) throws IOException {
        InputStream in = Files.newInputStream(file);
        int bom = bomLength(in.readNBytes(4), charset);
        in.close();
        in = Files.newInputStream(file);
        in.skipNBytes(bom);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    private static int bomLength(byte[] head, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if ((charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) && head.length >= 2
                && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    /** The file's encoding, as {@link CsvTable} would detect it for the same bytes (plus UTF-16). */
    public static Charset detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(UTF16_PROBE);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            Charset utf16 = utf16ByZeros(head);
            if (utf16 != null) {
                return utf16;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return validUtf8(file) ? StandardCharsets.UTF_8 : CsvTable.CP932;
    }

    /** UTF-16 without BOM: CSV text is mostly ASCII, so every other byte is zero (odd ones: LE, even ones: BE). */
    static Charset utf16ByZeros(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros > pairs * 0.3 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.3 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Whether the whole file decodes as UTF-8 (read in blocks, never whole). */
    static boolean validUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (var channel = Files.newByteChannel(file)) {
            while (true) {
                int n = channel.read(in);
                in.flip();
                var result = decoder.decode(in, out, n < 0);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (n < 0) {
                    return !decoder.flush(out).isError();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException noHeader() {
        return ProblemException.invalid("the file has no header row", List.of(FieldError.at(1, "", "見出し行がありません")));
    }

    private static ProblemException unreadable(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof MalformedInputException || root instanceof CharacterCodingException) {
            return ProblemException.invalid("the file is neither UTF-8, UTF-16 nor Shift_JIS (CP932)",
                    List.of(FieldError.of("", "文字コードを判別できません。UTF-8 または Shift_JIS で保存してください")));
        }
        return ProblemException.invalid("the file is not valid CSV",
                List.of(FieldError.of("", "CSVとして読み取れません（引用符の対応などを確認してください）")));
    }
}
