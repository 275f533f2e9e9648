package org.tsunagu.areas.boundary;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The parts of a {@code multipart/form-data} body, one after the other as the body streams in (RFC
 * 7578): the registry files are too large to be collected into memory or temporary files first. Part
 * names and headers are ignored — the files are told apart by their content. Each part's stream ends
 * at the next boundary; reading the next part skips what was left of the previous one.
 */
final class FormDataParts {

    private final PushbackInputStream in;
    private final byte[] delimiter;
    private boolean done;
    private Part current;

    FormDataParts(InputStream body, String boundary) throws IOException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new IOException("multipart/form-data without a valid boundary");
        }
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the first delimiter is not preceded by CRLF: pretend it is, and the preamble is a part to skip
        InputStream withCrlf = new SequenceInputStream(new ByteArrayInputStream(new byte[]{'\r', '\n'}), body);
        this.in = new PushbackInputStream(new BufferedInputStream(withCrlf, 64 * 1024), delimiter.length);
        current = new Part();
        current.skipRest();
    }

    /** The next part's content, or null after the last one. */
    InputStream next() throws IOException {
        current.skipRest();
        if (done) {
            return null;
        }
        current = new Part();
        return current;
    }

    /** After a delimiter: "--" ends the body, else the part's headers up to the empty line are skipped. */
    private void afterDelimiter() throws IOException {
        int a = in.read();
        int b = in.read();
        if (a == '-' && b == '-') {
            done = true;
            return;
        }
        while (a == ' ' || a == '\t') {
            // transport padding before the CRLF
            a = b;
            b = in.read();
        }
        if (a != '\r' || b != '\n') {
            throw new IOException("malformed multipart body after a boundary");
        }
        // the headers end with an empty line: the CRLF just read is the first half when there are none
        byte[] end = {'\r', '\n', '\r', '\n'};
        int matched = 2;
        int total = 0;
        while (matched < end.length) {
            int c = in.read();
            if (c < 0 || ++total > 16 * 1024) {
                throw new IOException("malformed multipart part headers");
            }
            matched = c == end[matched] ? matched + 1 : c == '\r' ? 1 : 0;
        }
    }

    /** One part's content: ends where the delimiter begins. */
    private final class Part extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                throw new IOException("multipart body ended inside a part");
            }
            if (c == delimiter[0] && atDelimiter()) {
                ended = true;
                afterDelimiter();
                return -1;
            }
            return c;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                buf[off + n++] = (byte) c;
                if (in.available() == 0 && n > 0) {
                    break;
                }
            }
            return n == 0 ? -1 : n;
        }

        /** The first delimiter byte was read: is the rest of the delimiter next? Pushes back what is not. */
        private boolean atDelimiter() throws IOException {
            byte[] rest = new byte[delimiter.length - 1];
            int got = 0;
            while (got < rest.length) {
                int n = in.read(rest, got, rest.length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
            for (int i = 0; i < got; i++) {
                if (rest[i] != delimiter[i + 1]) {
                    in.unread(rest, 0, got);
                    return false;
                }
            }
            if (got < rest.length) {
                in.unread(rest, 0, got);
                return false;
            }
            return true;
        }

        void skipRest() throws IOException {
            while (!ended && read() >= 0) {
                // discard
            }
        }
    }
}
