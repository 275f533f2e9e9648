package org.tsunagu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: the path exactly as given
 * (no normalising of {@code ..} or percent escapes), any header bytes, a declared length that differs
 * from the body, a chunked body. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    /** What came back; status 0 when the server closed the connection without an answer. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String contentType() {
            return header("content-type");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + contentType() + " " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong ADDRESSES = new java.util.concurrent.atomic.AtomicLong();

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends {@code method target HTTP/1.1} with the headers (name, value pairs; a {@code null} value
     * writes the name alone as a raw line). A Content-Length is added for a body unless a
     * Content-Length or Transfer-Encoding header is among them; with {@code Transfer-Encoding:
     * chunked} the body is sent as chunks of 8 KiB.
     */
    public Response send(String method, String target, List<String[]> headers, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            boolean declared = false;
            boolean chunked = false;
            if (headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("X-Forwarded-For"))) {
                // each request its own client address (the ITs read it from X-Forwarded-For,
                // TSUNAGU_LOGIN_ADDRESS_HEADER in pom.xml): hostile credentials never add up to the
                // per-address login throttle, which WebSecurityIT proves on its own
                long n = ADDRESSES.incrementAndGet();
                head.writeBytes(("X-Forwarded-For: 10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255) + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            for (String[] h : headers) {
                String name = h[0].toLowerCase(Locale.ROOT);
                declared |= name.equals("content-length") || name.equals("transfer-encoding");
                chunked |= name.equals("transfer-encoding") && h[1] != null && h[1].contains("chunked");
                // header values as UTF-8 bytes, as a careless client would send them
                head.writeBytes((h[1] == null ? h[0] : h[0] + ": " + h[1]).getBytes(StandardCharsets.UTF_8));
                head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (body != null && !declared) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                if (body != null) {
                    if (chunked) {
                        for (int i = 0; i < body.length; i += 8192) {
                            int n = Math.min(8192, body.length - i);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            out.write(body, i, n);
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        out.write(body);
                    }
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server answered (413) and closed before the body was through: read what it said
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + abbreviated(target), e);
        }
    }

    static String abbreviated(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                all.write(buf, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (raw.length == 0 || end < 0) {
            return new Response(0, Map.of(), raw);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        new String(lines[i].substring(colon + 1).strip().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            body = unchunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int eol = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (eol < 0) {
                break;
            }
            String size = new String(body, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(body, eol + 2, Math.min(n, body.length - eol - 2));
            at = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
