package org.tsunagu.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreferencesTest {

    @Test
    void a_link_keeps_the_query_and_replaces_the_option() {
        assertEquals("?q=%E3%82%B5%E3%83%AD%E3%83%B3&size=large",
                Preferences.link("q=%E3%82%B5%E3%83%AD%E3%83%B3&size=normal", "size", "large"));
        assertEquals("?lang=en", Preferences.link(null, "lang", "en"));
    }

    @Test
    void a_pair_that_is_not_valid_percent_encoding_is_left_out_instead_of_failing_the_page() {
        assertEquals("?q=a&lang=en", Preferences.link("%zz=1&q=a&%E3%8=2", "lang", "en"));
    }
}
