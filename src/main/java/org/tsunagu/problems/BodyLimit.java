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
 * counting while reading for chunked bodies that declare none. File imports ({@value #IMPORTS}…) are the
 * exception: the national open-data files are 15 MB to 1 GB, so their limit is TSUNAGU_IMPORT_MAX_BYTES
 * (default 2 GiB); their endpoints stream the body to disk and never hold it in memory.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    public static final long MAX_BYTES = 1024 * 1024;
    static final String IMPORTS = "imports/";
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /** Read once, on the first request (a provider is created by JAX-RS, not always by CDI). */
    private volatile Long importMaxBytes;

    private long importMaxBytes() {
        Long max = importMaxBytes;
        if (max == null) {
            max = ConfigProvider.getConfig().getOptionalValue("tsunagu.import.max.bytes", Long.class).orElse(2L << 30);
            importMaxBytes = max;
        }
        return max;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean upload = path != null && path.replaceFirst("^/+", "").replaceFirst("^api/v1/", "").startsWith(IMPORTS);
        long limit = upload ? Math.max(MAX_BYTES, importMaxBytes()) : MAX_BYTES;
        long declared = declaredLength(request.getHeaderString("Content-Length"));
        if (declared > limit) {
            if (declared <= DRAIN_LIMIT) {
                drain(request.getEntityStream());
            }
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit,
                    () -> new WebApplicationException(tooLarge(limit), 413)));
        }
    }

    /** The declared length as a long (a body of several GiB does not fit the int of getLength()); -1 when none. */
    static long declaredLength(String header) {
        if (header == null || !header.strip().matches("\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(header.strip());
    }

    /**
     * A moderately oversized body is read and discarded so the client, still sending, receives the
     * 413 instead of a reset connection; anything larger is refused without reading.
     */
    private static void drain(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        try {
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the client gave up; the 413 still stands
        }
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "Payload Too Large", "The request body is larger than " + shown(limit) + ".", null);
    }

    /** 1 MiB, 2 GiB, or the bytes. */
    static String shown(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GiB";
        }
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
