package org.tsunagu.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies are limited to 1 MiB (413): by the declared length before anything is read, and by
 * counting while reading for chunked bodies that declare none.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    public static final long MAX_BYTES = 1024 * 1024;
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            if (request.getLength() <= DRAIN_LIMIT) {
                drain(request.getEntityStream());
            }
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Counting(request.getEntityStream()));
        }
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

    static ProblemException tooLarge() {
        return new ProblemException(413, "Payload Too Large", "The request body is larger than 1 MiB.", null);
    }

    /** Fails the read as soon as more than the limit has come in. */
    static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
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
            if (count > MAX_BYTES) {
                throw new WebApplicationException(tooLarge(), 413);
            }
        }
    }
}
