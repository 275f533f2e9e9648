package org.tsunagu.csv;

import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How the bytes of a CSV become text, for both readers: a byte order mark decides; otherwise UTF-8
 * when the bytes are valid UTF-8, else CP932 (Excel's "CSV" on Japanese Windows). The streaming
 * reader also recognises UTF-16 ("Unicode text" from Excel) by its BOM or, without one, by the NUL
 * bytes every ASCII comma and line break has in it, and validates the whole file in one pass with
 * strict decoders, so that an undecodable file is refused before the import starts instead of half
 * way through.
 */
final class CsvEncoding {

    /** How many leading bytes are looked at for a byte order mark or a UTF-16 NUL pattern. */
    static final int HEAD = 4096;

    private CsvEncoding() {
    }

    /** A decoder that fails on malformed or unmappable input instead of inventing U+FFFD. */
    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static boolean utf8Bom(byte[] head, int length) {
        return length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    /**
     * The charsets to try, in order, for a file that starts with these bytes: the one its byte order
     * mark names, and only that; UTF-16 first when the NUL bytes look like it; then UTF-8 and CP932.
     */
    static List<Charset> candidates(byte[] head, int length) {
        if (utf8Bom(head, length)) {
            return List.of(StandardCharsets.UTF_8);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return List.of(StandardCharsets.UTF_16LE);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return List.of(StandardCharsets.UTF_16BE);
        }
        // UTF-8 and CP932 text never holds NUL; UTF-16 has one beside every ASCII character
        int even = 0;
        int odd = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            even += head[i] == 0 ? 1 : 0;
            odd += head[i + 1] == 0 ? 1 : 0;
        }
        if (odd >= 2 && odd > 4 * even) {
            return List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_8, CsvTable.CP932);
        }
        if (even >= 2 && even > 4 * odd) {
            return List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_8, CsvTable.CP932);
        }
        return List.of(StandardCharsets.UTF_8, CsvTable.CP932);
    }

    /** CsvTable's rule for bytes in memory: UTF-8 with BOM, valid UTF-8, else CP932. */
    static Charset of(byte[] bytes) {
        if (utf8Bom(bytes, bytes.length)) {
            return StandardCharsets.UTF_8;
        }
        try {
            strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return CsvTable.CP932;
        }
    }

    /**
     * Decodes the whole stream strictly and counts its physical lines (a line break is LF, CRLF or a
     * lone CR; a last line without a break counts), or returns -1 when the bytes are not valid in
     * the charset. The stream is closed.
     */
    static long lines(InputStream stream, Charset charset) throws IOException {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long[] count = {0, '\n'};
        try (InputStream in = stream) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                eof = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0));
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, eof);
                    if (result.isError()) {
                        return -1;
                    }
                    count(chars, count);
                } while (result.isOverflow());
                bytes.compact();
            }
            decoder.flush(chars);
            count(chars, count);
        }
        char last = (char) count[1];
        long lines = count[0];
        return last == '\n' || last == '\r' ? lines : lines + 1;
    }

    /** Adds the line breaks in the decoded chars to {@code count[0]}; {@code count[1]} is the char before them. */
    private static void count(CharBuffer chars, long[] count) {
        chars.flip();
        char last = (char) count[1];
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n' ? last != '\r' : c == '\r') {
                count[0]++;
            }
            last = c;
        }
        count[1] = last;
        chars.clear();
    }

    /** The 400 for a file that decodes in none of the charsets tried. */
    static ProblemException undecodable() {
        return ProblemException.invalid("the file is neither UTF-8 nor Shift_JIS (CP932)",
                List.of(FieldError.of("", "文字コードを判別できません。UTF-8 または Shift_JIS で保存してください")));
    }
}
