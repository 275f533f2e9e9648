package org.tsunagu.areas.boundary;

import org.junit.jupiter.api.Test;
import org.tsunagu.areas.entity.Municipality;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The footer's 「デモ自治体は架空のものです」 only while the demo municipality is loaded. */
class SiteMunicipalityTest {

    static Municipality real() {
        return new Municipality("131202", "東京都", "練馬区");
    }

    static Municipality demo() {
        Municipality m = new Municipality("990001", "みらい県", "ひだまり市");
        m.markDemo();
        return m;
    }

    @Test
    void a_portal_of_real_municipalities_has_no_demo_notice() {
        assertFalse(SiteMunicipality.demoLoaded(List.of(real())));
        assertFalse(SiteMunicipality.demoLoaded(List.of()), "an empty first production start");
    }

    @Test
    void the_demo_notice_shows_while_the_demo_municipality_is_loaded() {
        assertTrue(SiteMunicipality.demoLoaded(List.of(demo())));
        assertTrue(SiteMunicipality.demoLoaded(List.of(real(), demo())), "a real one added to the demo");
    }
}
