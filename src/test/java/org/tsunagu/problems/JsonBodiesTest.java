package org.tsunagu.problems;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodiesTest {

    static void refused(String body) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> JsonBodies.check(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), body);
        assertEquals(400, e.status());
    }

    @Test
    void exactly_one_json_value_passes() {
        JsonBodies.check("{\"a\":[1,2,{\"b\":null}]} \n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        JsonBodies.check("[]".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void trailing_content_empty_broken_and_deeply_nested_bodies_are_400() {
        refused("{\"a\":1}{\"b\":2}");
        refused("{\"a\":1} x");
        refused("");
        refused("   ");
        refused("{\"a\":");
        refused("[".repeat(10_000) + "]".repeat(10_000));
    }

    @Test
    void bytes_that_are_not_utf8_are_400_not_replaced() {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        ProblemException e = assertThrows(ProblemException.class, () -> JsonBodies.check(body, StandardCharsets.UTF_8));
        assertEquals(400, e.status());
        JsonBodies.check("{\"n\":\"見守り\"}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
