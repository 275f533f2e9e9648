package org.tsunagu.csv;

import org.tsunagu.problems.ProblemException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts an upload on disk before it is read: open-data files (up to 1 GB) are read in several passes
 * by {@link CsvFile} and by a background import that outlives the request, and must not sit in the
 * heap. The size is bounded while copying, since a chunked upload declares none; what is over the
 * limit is a 413, and the partial file is deleted.
 */
public final class UploadSpool {

    private UploadSpool() {
    }

    /**
     * Copies the stream into a new temporary file in {@code directory} and returns it; the caller
     * deletes it when done. More than {@code maxBytes} → 413 {@link ProblemException}, no file left.
     * The stream is not closed.
     */
    public static Path copy(InputStream in, Path directory, long maxBytes) throws IOException {
        Path file = Files.createTempFile(directory, "upload-", ".part");
        try {
            Files.copy(new Limited(in, maxBytes), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The 413 for a file over the limit, the limit in the message. */
    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "Payload Too Large",
                "ファイルが大きすぎます（上限 " + size(maxBytes) + "）", null);
    }

    private static String size(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb > 0 ? mb + " MB" : bytes + " バイト";
    }

    /** Fails the read as soon as more than the limit has come through. */
    static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
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
            if (count > max) {
                throw tooLarge(max);
            }
        }
    }
}
