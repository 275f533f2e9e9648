package org.tsunagu.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production starts are refused with a public default secret; the embedded demo keeps its defaults. */
class StartGuardTest {

    static final String H2 = "jdbc:h2:file:./data/db/tsunagu;DB_CLOSE_ON_EXIT=FALSE";
    static final String PG = "jdbc:postgresql://db.example:5432/tsunagu";
    static final Optional<String> NONE = Optional.empty();

    @Test
    void embedded_demo_starts_with_the_defaults() {
        assertEquals(List.of(), StartGuard.refusals(H2, StartGuard.EMBEDDED_DB_PASSWORD, true, NONE));
        assertEquals(Optional.empty(), StartGuard.firstStartRefusal(true, NONE));
    }

    @Test
    void production_is_postgres_or_no_demo() {
        assertFalse(StartGuard.production(H2, true));
        assertTrue(StartGuard.production(H2, false));
        assertTrue(StartGuard.production(PG, true));
        assertTrue(StartGuard.production(" JDBC:PostgreSQL://x/y", true));
        assertFalse(StartGuard.production(null, true));
    }

    @Test
    void postgres_refuses_an_empty_or_default_database_password() {
        for (String password : new String[] {null, "", "  ", StartGuard.EMBEDDED_DB_PASSWORD, StartGuard.DEMO_PASSWORD}) {
            List<String> reasons = StartGuard.refusals(PG, password, false, Optional.of("a-long-admin-secret"));
            assertEquals(1, reasons.size(), () -> password + ": " + reasons);
            assertTrue(reasons.get(0).startsWith("TSUNAGU_DB_PASSWORD"), reasons::toString);
            assertTrue(reasons.get(0).contains("PostgreSQL"), reasons::toString);
        }
        assertEquals(1, StartGuard.refusals(PG, "", true, NONE).size(), "demo data on PostgreSQL still needs a password");
    }

    @Test
    void no_demo_on_h2_refuses_the_embedded_default_too() {
        List<String> reasons = StartGuard.refusals(H2, StartGuard.EMBEDDED_DB_PASSWORD, false, Optional.of("a-long-admin-secret"));
        assertEquals(1, reasons.size(), reasons::toString);
        assertTrue(reasons.get(0).contains("TSUNAGU_DEMO=false"), reasons::toString);
    }

    @Test
    void production_with_own_secrets_starts() {
        assertEquals(List.of(), StartGuard.refusals(PG, "s3cret-db", false, Optional.of("a-long-admin-secret")));
        assertEquals(List.of(), StartGuard.refusals(PG, "s3cret-db", false, NONE), "admin password only matters on the first start");
        assertEquals(List.of(), StartGuard.refusals(H2, "s3cret-db", false, NONE));
        assertEquals(List.of(), StartGuard.refusals(PG, "s3cret-db", true, NONE), "demo on PostgreSQL (tests) is allowed");
    }

    @Test
    void the_demo_password_is_never_an_admin_password() {
        List<String> reasons = StartGuard.refusals(PG, "s3cret-db", false, Optional.of(StartGuard.DEMO_PASSWORD));
        assertEquals(1, reasons.size(), reasons::toString);
        assertTrue(reasons.get(0).startsWith("TSUNAGU_ADMIN_PASSWORD"), reasons::toString);
        assertTrue(StartGuard.firstStartRefusal(false, Optional.of(StartGuard.DEMO_PASSWORD)).isPresent());
    }

    @Test
    void first_start_without_demo_needs_an_admin_password() {
        assertTrue(StartGuard.firstStartRefusal(false, NONE).orElseThrow().startsWith("TSUNAGU_ADMIN_PASSWORD must be set"));
        assertTrue(StartGuard.firstStartRefusal(false, Optional.of(" ")).isPresent());
        assertEquals(Optional.empty(), StartGuard.firstStartRefusal(false, Optional.of("a-long-admin-secret")));
    }

    @Test
    void demo_data_on_postgres_is_refused_without_the_explicit_opt_in() {
        String reason = StartGuard.demoRefusal(PG, true, false).orElseThrow();
        assertTrue(reason.startsWith("TSUNAGU_DEMO is true (the default) on PostgreSQL"), reason);
        assertTrue(reason.contains("TSUNAGU_DEMO=false") && reason.contains("TSUNAGU_DEMO_POSTGRES=true"), reason);
        assertTrue(StartGuard.demoRefusal(" JDBC:PostgreSQL://x/y", true, false).isPresent());
        assertEquals(Optional.empty(), StartGuard.demoRefusal(PG, true, true), "opt-in of the test setups");
        assertEquals(Optional.empty(), StartGuard.demoRefusal(PG, false, false), "no demo data: nothing to refuse here");
        assertEquals(Optional.empty(), StartGuard.demoRefusal(H2, true, false), "the embedded demo needs no opt-in");
        assertEquals(Optional.empty(), StartGuard.demoRefusal(null, true, false));
    }

    @Test
    void embedded_password_is_the_one_in_the_configuration_defaults() throws Exception {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        assertEquals(StartGuard.EMBEDDED_DB_PASSWORD, defaults.getProperty("tsunagu.db.password"));
    }

    @Test
    void production_refuses_a_missing_alert_key_ring_the_demo_generates_one() {
        String ring = "k1:" + FieldCipher.newKey();
        assertEquals(Optional.empty(), StartGuard.alertKeyRefusal(H2, true, NONE), "demo: key generated in the data dir");
        assertEquals(Optional.empty(), StartGuard.alertKeyRefusal(H2, true, Optional.of(ring)));
        assertEquals(Optional.empty(), StartGuard.alertKeyRefusal(PG, false, Optional.of(ring)));
        for (Optional<String> missing : List.of(NONE, Optional.of(""), Optional.of("  "))) {
            assertTrue(StartGuard.alertKeyRefusal(PG, true, missing).orElseThrow().startsWith("TSUNAGU_ALERT_KEYS is empty"));
            assertTrue(StartGuard.alertKeyRefusal(H2, false, missing).orElseThrow().contains("TSUNAGU_DEMO=false"));
        }
        assertTrue(StartGuard.alertKeyRefusal(H2, true, Optional.of("k1:short")).orElseThrow().startsWith("TSUNAGU_ALERT_KEYS"),
                "an unusable ring is refused in every profile");
    }
}
