package org.tsunagu.problems;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A stream that fails as soon as more than a limit has come through it: bodies that declare no length
 * (chunked), uploads spooled to disk and ZIP entries, whose size is known only once read. What fails
 * is the caller's: a 413 problem, or its JAX-RS wrapping where the stream is read by the runtime.
 */
public final class LimitedInputStream extends FilterInputStream {

    private volatile long limit;
    private final Supplier<? extends RuntimeException> overLimit;
    private long count;

    public LimitedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> overLimit) {
        super(in);
        this.limit = limit;
        this.overLimit = overLimit;
    }

    /** The limit now. */
    public long limit() {
        return limit;
    }

    /** Lowers the limit (never raises it): {@code LargeBodyGuard} once the resource method is known. */
    public void lowerTo(long lower) {
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

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw overLimit.get();
        }
    }
}
