package org.tsunagu.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsunagu.problems.ProblemException;

class UploadSpoolTest {

    @TempDir
    Path dir;

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    long files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    @DisplayName("up to the limit the upload lands whole in a new file of the directory")
    void withinLimit() throws IOException {
        byte[] bytes = random(300_000);
        Path file = UploadSpool.copy(new ByteArrayInputStream(bytes), dir, bytes.length);
        assertEquals(dir, file.getParent());
        assertArrayEquals(bytes, Files.readAllBytes(file));
        Path second = UploadSpool.copy(new ByteArrayInputStream(bytes), dir, bytes.length + 1);
        assertTrue(!second.equals(file) && files() == 2, "each upload gets its own file");
    }

    @Test
    @DisplayName("one byte over the limit → 413 in Japanese, and no partial file is left")
    void overLimit() throws IOException {
        byte[] bytes = random(300_001);
        ProblemException e = assertThrows(ProblemException.class,
                () -> UploadSpool.copy(new ByteArrayInputStream(bytes), dir, 300_000));
        assertEquals(413, e.status());
        assertEquals("Payload Too Large", e.title());
        assertTrue(e.getMessage().contains("大きすぎます"), e.getMessage());
        assertEquals(0, files());
    }

    @Test
    @DisplayName("into a named file of a spool folder: the same limit; an existing file is never overwritten")
    void named() throws IOException {
        byte[] bytes = random(1000);
        Path target = dir.resolve("upload-0");
        assertEquals(target, UploadSpool.write(new ByteArrayInputStream(bytes), target, 1000));
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertThrows(FileAlreadyExistsException.class, () -> UploadSpool.write(new ByteArrayInputStream(random(5)), target, 1000));
        assertArrayEquals(bytes, Files.readAllBytes(target), "the existing file is kept");
        Path over = dir.resolve("upload-1");
        assertEquals(413, assertThrows(ProblemException.class,
                () -> UploadSpool.write(new ByteArrayInputStream(random(1001)), over, 1000)).status());
        assertTrue(Files.notExists(over));
    }

    @Test
    @DisplayName("the limit is stated in MB in the message")
    void message() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> UploadSpool.copy(new ByteArrayInputStream(random(3 * 1024 * 1024)), dir, 2L * 1024 * 1024));
        assertTrue(e.getMessage().contains("2 MB"), e.getMessage());
    }
}
