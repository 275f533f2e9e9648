package org.tsunagu.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublicAddressTest {

    @Test
    void joins_the_configured_base_and_a_path_whatever_the_request_said() {
        assertEquals("https://tsunagu.example.lg.jp/resources/abc",
                new PublicAddress("https://tsunagu.example.lg.jp/").of("/resources/abc"));
        assertEquals("https://city.example.jp/tsunagu/resources/abc",
                new PublicAddress(" https://city.example.jp/tsunagu// ").of("/resources/abc"));
    }

    @Test
    void refuses_relative_or_protocol_relative_paths() {
        PublicAddress a = new PublicAddress("https://tsunagu.example.lg.jp");
        assertThrows(IllegalArgumentException.class, () -> a.of("resources/abc"));
        assertThrows(IllegalArgumentException.class, () -> a.of("//evil.example/x"));
    }

    @Test
    void refuses_a_base_that_is_not_an_http_address() {
        assertThrows(IllegalStateException.class, () -> new PublicAddress("tsunagu.example.lg.jp").of("/x"));
        assertThrows(IllegalStateException.class, () -> new PublicAddress("javascript:alert(1)").of("/x"));
    }
}
