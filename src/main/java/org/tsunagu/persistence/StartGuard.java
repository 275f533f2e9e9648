package org.tsunagu.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether the portal may start with the secrets it was given. Every default secret of the
 * portal is public (it is in this repository and in the README), so a production deployment that
 * silently kept one would be open to anyone who read them: such a start is refused, with a reason
 * that names the variable to set, instead of running with a known password. Production is a
 * PostgreSQL database or {@code TSUNAGU_DEMO=false}; the embedded demo profile keeps its defaults.
 * Pure functions of the configuration, so the decision is unit-tested without a server.
 */
public final class StartGuard {

    /** The H2 password of the embedded profile (microprofile-config.properties). */
    public static final String EMBEDDED_DB_PASSWORD = "tsunagu-embedded";
    /** The password of the demo accounts (FirstStart, README). */
    public static final String DEMO_PASSWORD = "tsunagu-demo-2026";

    private static final List<String> KNOWN = List.of(EMBEDDED_DB_PASSWORD, DEMO_PASSWORD);

    private StartGuard() {
    }

    /** A PostgreSQL database or a start without demo data. */
    public static boolean production(String dbUrl, boolean demo) {
        return !demo || postgres(dbUrl);
    }

    public static boolean postgres(String dbUrl) {
        return dbUrl != null && dbUrl.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /**
     * Why the portal must not start with these settings (empty: it may). Checked at every boot,
     * before the database is touched.
     */
    public static List<String> refusals(String dbUrl, String dbPassword, boolean demo, Optional<String> adminPassword) {
        List<String> reasons = new ArrayList<>();
        if (!production(dbUrl, demo)) {
            return reasons;
        }
        String why = postgres(dbUrl) ? "the database is PostgreSQL" : "TSUNAGU_DEMO=false";
        if (dbPassword == null || dbPassword.isBlank()) {
            reasons.add("TSUNAGU_DB_PASSWORD is empty; a production start (" + why + ") needs the database password");
        } else if (KNOWN.contains(dbPassword.trim())) {
            reasons.add("TSUNAGU_DB_PASSWORD is the public default of the embedded profile; a production start ("
                    + why + ") needs a password of its own");
        }
        if (!demo && adminPassword.map(String::trim).filter(KNOWN::contains).isPresent()) {
            reasons.add("TSUNAGU_ADMIN_PASSWORD is the public demo password; choose another one");
        }
        return reasons;
    }

    /**
     * Why the alert encryption keys (TSUNAGU_ALERT_KEYS) do not allow a start: a key ring that does
     * not parse is refused in every profile (the portal could not read what it wrote), a missing one
     * in production (personal data would otherwise be written under a key generated on one machine).
     */
    public static Optional<String> alertKeyRefusal(String dbUrl, boolean demo, Optional<String> keys) {
        Optional<String> ring = keys.filter(k -> !k.isBlank());
        if (ring.isPresent()) {
            try {
                FieldCipher.parse(ring.get());
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        if (production(dbUrl, demo)) {
            return Optional.of("TSUNAGU_ALERT_KEYS is empty; a production start ("
                    + (postgres(dbUrl) ? "the database is PostgreSQL" : "TSUNAGU_DEMO=false")
                    + ") needs the key ring that encrypts alerts' personal data (docs/security.md)");
        }
        return Optional.empty();
    }

    /**
     * Why the first start must not load the demo data here: on PostgreSQL (a production database)
     * the demo accounts {@code admin}, {@code core}, {@code staff} and {@code partner} would get the
     * README's public password. Only an explicit opt-in ({@code TSUNAGU_DEMO_POSTGRES=true}, for
     * test setups such as the PostgreSQL ITs) allows it; the embedded H2 demo needs none.
     */
    public static Optional<String> demoRefusal(String dbUrl, boolean demo, boolean demoOnPostgres) {
        if (!demo || !postgres(dbUrl) || demoOnPostgres) {
            return Optional.empty();
        }
        return Optional.of("TSUNAGU_DEMO is true (the default) on PostgreSQL: the demo accounts would get the public"
                + " README password; set TSUNAGU_DEMO=false and TSUNAGU_ADMIN_PASSWORD for a real deployment"
                + " (TSUNAGU_DEMO_POSTGRES=true allows demo data on PostgreSQL, for test setups only)");
    }

    /**
     * Why the first start (a database without accounts) must not go on: without demo data the only
     * account is {@code admin}, whose password has to come from {@code TSUNAGU_ADMIN_PASSWORD}.
     */
    public static Optional<String> firstStartRefusal(boolean demo, Optional<String> adminPassword) {
        if (demo) {
            return Optional.empty();
        }
        Optional<String> password = adminPassword.filter(p -> !p.isBlank());
        if (password.isEmpty()) {
            return Optional.of("TSUNAGU_ADMIN_PASSWORD must be set for the first start without demo data (TSUNAGU_DEMO=false)");
        }
        if (KNOWN.contains(password.get().trim())) {
            return Optional.of("TSUNAGU_ADMIN_PASSWORD is the public demo password; choose another one");
        }
        return Optional.empty();
    }
}
