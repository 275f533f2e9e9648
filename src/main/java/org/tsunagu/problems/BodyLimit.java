package org.tsunagu.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies are limited to 1 MiB (413): by the declared length before anything is read, and by
 * counting while reading for chunked bodies that declare none. The national open-data files (15 MB to
 * over 100 MB) are streamed to disk by the methods marked {@link LargeBody}: a request that may be one
 * of those (a POST under {@code imports/}) is allowed up to {@code tsunagu.import.max.bytes}
 * ({@code TSUNAGU_IMPORT_MAX_BYTES}, default 2 GiB) here, before matching, and {@link LargeBodyGuard}
 * takes that back after matching unless the method is marked.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    public static final long MAX_BYTES = 1024 * 1024;
    /** Default of {@code tsunagu.import.max.bytes}: 2 GiB. */
    public static final long IMPORT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    static final String COUNTER = BodyLimit.class.getName() + ".counter";
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /** Read once, on the first request (a provider is created by JAX-RS, not always by CDI). */
    private volatile Long importMax;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = mayBeFileImport(request) ? importMaxBytes() : MAX_BYTES;
        if (declaredLength(request) > limit) {
            refuse(request, limit);
        }
        if (request.hasEntity()) {
            LimitedInputStream[] counting = new LimitedInputStream[1];
            counting[0] = new LimitedInputStream(request.getEntityStream(), limit,
                    () -> new WebApplicationException(tooLarge(counting[0].limit()), 413));
            request.setEntityStream(counting[0]);
            request.setProperty(COUNTER, counting[0]);
        }
    }

    /** A POST under imports/: the only requests that may carry a national file. */
    static boolean mayBeFileImport(ContainerRequestContext request) {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        String path = request.getUriInfo().getPath(false);
        return path != null && path.replaceFirst("^/+", "").replaceFirst("^api/v1/", "").startsWith("imports/");
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

    /** The declared length as a long (a body of several GiB does not fit the int of getLength()); -1 when none. */
    static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString("Content-Length");
        if (header == null || !header.strip().matches("\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(header.strip());
    }

    /**
     * 413. A moderately oversized body is read and discarded first so the client, still sending,
     * receives the 413 instead of a reset connection; anything larger is refused without reading.
     */
    static void refuse(ContainerRequestContext request, long limit) {
        if (declaredLength(request) <= DRAIN_LIMIT) {
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

    static String shown(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GiB";
        }
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MiB";
        }
        return bytes + " bytes";
    }
}
