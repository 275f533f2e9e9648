package org.tsunagu.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies are limited to 1 MiB (413): by the declared length before anything is read, and by
 * counting while reading for chunked bodies that declare none. The national open-data files (Geolonia's
 * {@code latest.csv} is over 100 MB) are streamed by the methods marked {@link LargeBody}: a request
 * that may be one of those (a POST under {@code imports/} with a {@code format} parameter) is allowed up to
 * {@code tsunagu.import.max.bytes} ({@code TSUNAGU_IMPORT_MAX_BYTES}, default 2 GiB) here, before
 * matching, and {@link LargeBodyGuard} takes that back after matching unless the method is marked.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    public static final long MAX_BYTES = 1024 * 1024;
    /** Default of {@code tsunagu.import.max.bytes}: 2 GiB. */
    public static final long IMPORT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    static final String COUNTER = BodyLimit.class.getName() + ".counter";
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private volatile Long importMax;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = mayBeOpenDataImport(request) ? importMaxBytes() : MAX_BYTES;
        if (request.getLength() > limit) {
            refuse(request, limit);
        }
        if (request.hasEntity()) {
            Counting counting = new Counting(request.getEntityStream(), limit);
            request.setEntityStream(counting);
            request.setProperty(COUNTER, counting);
        }
    }

    /** A POST under imports/ naming a format: the only requests that may carry a national file. */
    static boolean mayBeOpenDataImport(ContainerRequestContext request) {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        String path = request.getUriInfo().getPath(false);
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        return path != null && path.replaceFirst("^/+", "").startsWith("imports/") && format != null && !format.isBlank();
    }

    private long importMaxBytes() {
        Long max = importMax;
        if (max == null) {
            max = ConfigProvider.getConfig(BodyLimit.class.getClassLoader())
                    .getOptionalValue("tsunagu.import.max.bytes", Long.class).filter(v -> v > 0).orElse(IMPORT_MAX_BYTES);
            importMax = max;
        }
        return Math.max(max, MAX_BYTES);
    }

    /**
     * 413. A moderately oversized body is read and discarded first so the client, still sending,
     * receives the 413 instead of a reset connection; anything larger is refused without reading.
     */
    static void refuse(ContainerRequestContext request, long limit) {
        if (request.getLength() <= DRAIN_LIMIT) {
            drain(request.getEntityStream());
        }
        throw tooLarge(limit);
    }

    private static void drain(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        try {
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (IOException | WebApplicationException e) {
            // the client gave up (or the counter already refused); the 413 still stands
        }
    }

    static ProblemException tooLarge() {
        return tooLarge(MAX_BYTES);
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "Payload Too Large", "The request body is larger than " + shown(limit) + ".", null);
    }

    private static String shown(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GiB";
        }
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MiB";
        }
        return bytes + " bytes";
    }

    /** Fails the read as soon as more than the limit has come in. */
    static final class Counting extends FilterInputStream {
        private long count;
        private volatile long limit;

        Counting(InputStream in) {
            this(in, MAX_BYTES);
        }

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }

        /** Lowers the limit (LargeBodyGuard, once the method is known). */
        void limitTo(long lower) {
            limit = Math.min(limit, lower);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new WebApplicationException(tooLarge(limit), 413);
            }
        }
    }
}
