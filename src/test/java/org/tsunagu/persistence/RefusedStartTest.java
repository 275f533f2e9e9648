package org.tsunagu.persistence;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refused start ends a standalone process with exit code 3 and the refusal as its last line. */
class RefusedStartTest {

    static final List<String> REASONS = List.of("TSUNAGU_DB_PASSWORD is empty", "TSUNAGU_ALERT_KEYS is empty");

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    final List<Integer> halted = new ArrayList<>();

    @Test
    void standalone_the_process_halts_with_3_after_printing_the_refusal_last() {
        IllegalStateException e = RefusedStart.refuse("refusing to start", REASONS, true, out, halted::add);
        assertEquals(List.of(RefusedStart.EXIT_CODE), halted);
        assertEquals(3, RefusedStart.EXIT_CODE);
        String[] lines = output.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("refusing to start: TSUNAGU_DB_PASSWORD is empty; TSUNAGU_ALERT_KEYS is empty (exit code 3)",
                lines[lines.length - 1]);
        assertEquals("refusing to start: TSUNAGU_DB_PASSWORD is empty; TSUNAGU_ALERT_KEYS is empty", e.getMessage());
    }

    @Test
    void embedded_the_deployment_fails_and_the_process_stays() {
        IllegalStateException e = RefusedStart.refuse("refusing the first start", List.of("x"), false, out, halted::add);
        assertEquals(List.of(), halted);
        assertEquals("", output.toString(StandardCharsets.UTF_8));
        assertEquals("refusing the first start: x", e.getMessage());
    }

    @Test
    void exiting_is_the_default_and_can_be_turned_off() {
        assertTrue(RefusedStart.exits(config(Map.of())));
        assertTrue(RefusedStart.exits(config(Map.of(RefusedStart.EXIT_ON_REFUSAL, true))));
        assertFalse(RefusedStart.exits(config(Map.of(RefusedStart.EXIT_ON_REFUSAL, false))));
    }

    /** A Config of these typed values only (the MicroProfile Config API is provided, no implementation in tests). */
    static Config config(Map<String, Object> values) {
        return (Config) java.lang.reflect.Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
