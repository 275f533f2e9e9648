package org.tsunagu.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSRF defence's Origin check, without a server (the refusals themselves: WebSecurityIT). */
class CsrfDefenceTest {

    @Test
    void an_origin_is_ours_when_its_host_is_the_requested_or_the_public_host() {
        assertTrue(CsrfDefence.ourHost("http://127.0.0.1:8080", "127.0.0.1", "portal.example.jp"));
        assertTrue(CsrfDefence.ourHost("https://portal.example.jp", "10.0.0.5", "portal.example.jp"), "behind the balancer");
        assertFalse(CsrfDefence.ourHost("https://evil.example", "portal.example.jp", "portal.example.jp"));
        assertFalse(CsrfDefence.ourHost("null", "portal.example.jp", "portal.example.jp"), "an opaque origin");
        assertFalse(CsrfDefence.ourHost("https://portal.example.jp.evil.example", "portal.example.jp", null));
        assertEquals("portal.example.jp", CsrfDefence.publicHost("https://portal.example.jp/"));
    }
}
