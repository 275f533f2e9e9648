package org.tsunagu.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of the security headers that need no server: the policy text, the tile origin, the nonce. */
class SecurityHeadersTest {

    @Test
    void the_policy_allows_scripts_only_from_us_or_with_the_nonce() {
        String page = SecurityHeaders.policy("https://cyberjapandata.gsi.go.jp", "abc123==");
        assertTrue(page.contains("script-src 'self' 'nonce-abc123=='; "), page);
        assertFalse(page.contains("unsafe-inline'; img") && page.contains("script-src 'self' 'unsafe-inline'"), page);
        assertTrue(page.contains("img-src 'self' data: https://cyberjapandata.gsi.go.jp; "), page);
        for (String d : new String[]{"default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
                "form-action 'self'", "connect-src 'self'", "style-src 'self' 'unsafe-inline'"}) {
            assertTrue(page.contains(d), d);
        }
        String other = SecurityHeaders.policy(null, null);
        assertTrue(other.contains("script-src 'self'; "), other);
        assertTrue(other.contains("img-src 'self' data:; "), other);
    }

    @Test
    void the_tile_server_origin_comes_from_the_tile_url_template() {
        assertEquals("https://cyberjapandata.gsi.go.jp",
                SecurityHeaders.tileOrigin("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"));
        assertEquals("https://*.tile.openstreetmap.org", SecurityHeaders.tileOrigin("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"));
        assertEquals("http://tiles.example.jp:8081", SecurityHeaders.tileOrigin("http://Tiles.example.jp:8081/{z}/{x}/{y}.png"));
        assertNull(SecurityHeaders.tileOrigin("/tiles/{z}/{x}/{y}.png"), "our own origin");
        assertNull(SecurityHeaders.tileOrigin("https://evil.example; script-src *"), "nothing that could end the directive");
        assertNull(SecurityHeaders.tileOrigin("javascript:alert(1)"));
        assertNull(SecurityHeaders.tileOrigin(null));
    }

    @Test
    void the_nonce_is_taken_from_primefaces_policy_header() {
        assertEquals("YTQyM2Zi==", SecurityHeaders.nonce("script-src 'self' 'nonce-YTQyM2Zi==';"));
        assertNull(SecurityHeaders.nonce("script-src 'self'"));
        assertNull(SecurityHeaders.nonce("script-src 'nonce-a\"><x>'"), "only base64 characters");
        assertNull(SecurityHeaders.nonce(null));
    }
}
