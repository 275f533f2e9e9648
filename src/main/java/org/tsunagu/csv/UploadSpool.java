package org.tsunagu.csv;

import org.tsunagu.problems.LimitedInputStream;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
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
        write(in, file, maxBytes, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /**
     * Copies the stream into {@code target}, which must not exist yet (a spool folder's own naming,
     * {@code upload-0}, {@code upload-1}…); the same limit and clean-up as {@link #copy}.
     */
    public static Path write(InputStream in, Path target, long maxBytes) throws IOException {
        write(in, target, maxBytes, new StandardCopyOption[0]);
        return target;
    }

    private static void write(InputStream in, Path target, long maxBytes, StandardCopyOption... options) throws IOException {
        try {
            Files.copy(limited(in, maxBytes), target, options);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /** The stream, failing with {@link #tooLarge} once more than {@code maxBytes} came through. */
    static InputStream limited(InputStream in, long maxBytes) {
        return new LimitedInputStream(in, maxBytes, () -> tooLarge(maxBytes));
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
}
