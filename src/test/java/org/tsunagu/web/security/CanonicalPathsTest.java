package org.tsunagu.web.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/api/v1/alerts", "/staff/alert", "/search", "/resources/css/a.css",
        "/jakarta.faces.resource/css/tsunagu.css.xhtml", "/api/v1/resources/12/calendar.ics", "/staff/",
        "/api/v1/towns/%E6%97%AD%E7%94%BA", "/.well-known/security.txt"})
    void the_portals_own_paths_are_canonical(String path) {
        assertTrue(CanonicalPaths.isCanonical(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//api/v1/alerts", "/api//v1/alerts", "/resources/%2e%2e/staff/alert", "/resources/%2E%2E/staff",
        "/resources/../staff/alert", "/./staff", "/staff/.", "/staff/..", "/api%2fv1/alerts", "/api;x=1/v1/alerts",
        "/staff/alert;jsessionid=1", "/resources\\..\\staff", "/a%5c..%5cstaff", "/a%00", "/%252e%252e/staff", "api/v1"})
    void other_spellings_of_a_path_are_not(String path) {
        assertFalse(CanonicalPaths.isCanonical(path), path);
    }
}
