package org.tsunagu.problems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    static InputStream limited(int size, long limit) {
        return new LimitedInputStream(new ByteArrayInputStream(new byte[size]), limit,
                () -> new ProblemException(413, "Payload Too Large", "too large", null));
    }

    @Test
    @DisplayName("exactly the limit reads whole")
    void atLimit() throws IOException {
        assertArrayEquals(new byte[100], limited(100, 100).readAllBytes());
    }

    @Test
    @DisplayName("one byte more fails with the caller's exception, by block, single byte or skip")
    void overLimit() {
        assertEquals(413, assertThrows(ProblemException.class, () -> limited(101, 100).readAllBytes()).status());
        assertThrows(ProblemException.class, () -> {
            InputStream in = limited(101, 100);
            while (in.read() >= 0) {
                // read on
            }
        });
        assertThrows(ProblemException.class, () -> limited(101, 100).skip(101));
    }
}
