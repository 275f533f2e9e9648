package org.tsunagu.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PayaraProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production profile as an operator starts it (docs/operations.md), which Arquillian cannot do
 * because its Payara inherits one fixed environment: Payara Micro is started here as a process with
 * the environment of each case, against the empty database {@code tsunagu_production} of the
 * throwaway PostgreSQL. A refused start ends the process with exit status 3 and the refusal as the
 * last line of its output (RefusedStart). Runs only in the failsafe execution {@code postgres}.
 */
class ProductionStartIT {

    static final String ADMIN_PASSWORD = "production-admin-7f3k9q";

    PayaraProcess payara;
    Path log;
    String payaraDataDir;

    @BeforeEach
    void postgres() {
        Assumptions.assumeTrue(StartGuard.postgres(System.getenv("TSUNAGU_DB_URL")),
                "runs only in the failsafe execution postgres (TSUNAGU_DB_URL)");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (payara != null) {
            payara.stop();
        }
    }

    @Test
    void a_default_database_password_ends_the_process_with_a_clear_last_line() throws Exception {
        assertEquals(RefusedStart.EXIT_CODE, startRefused(Map.of("TSUNAGU_DB_PASSWORD", StartGuard.EMBEDDED_DB_PASSWORD)),
                "log: " + log);
        assertTrue(payara.lastLine().startsWith("refusing to start: TSUNAGU_DB_PASSWORD is the public default"),
                "the refusal is the last line: " + payara.lastLine() + "; log: " + log);
    }

    @Test
    void a_missing_alert_key_ring_ends_the_process_with_a_clear_last_line() throws Exception {
        Map<String, String> secrets = new HashMap<>();
        secrets.put("TSUNAGU_DB_PASSWORD", System.getenv("TSUNAGU_DB_PASSWORD"));
        secrets.put("TSUNAGU_ADMIN_PASSWORD", ADMIN_PASSWORD);
        secrets.put("TSUNAGU_ALERT_KEYS", null);
        assertEquals(RefusedStart.EXIT_CODE, startRefused(secrets), "log: " + log);
        assertTrue(payara.lastLine().startsWith("refusing to start: TSUNAGU_ALERT_KEYS is empty"),
                "the refusal is the last line: " + payara.lastLine() + "; log: " + log);
        assertFalse(Files.exists(Path.of(payaraDataDir, "alert-keys")), "no key generated outside the demo profile");
    }

    @Test
    void demo_data_on_postgres_without_the_opt_in_ends_the_first_start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TSUNAGU_DEMO", "true");
        env.put("TSUNAGU_DEMO_POSTGRES", null);
        env.put("TSUNAGU_DB_PASSWORD", System.getenv("TSUNAGU_DB_PASSWORD"));
        wipeProductionDatabase(); // a first start: no accounts (another test of this class may have created admin)
        assertEquals(RefusedStart.EXIT_CODE, startRefused(env), "log: " + log);
        assertTrue(payara.lastLine().startsWith("refusing the first start: TSUNAGU_DEMO is true (the default) on PostgreSQL"),
                "the refusal is the last line: " + payara.lastLine() + "; log: " + log);
        assertFalse(Files.readString(log).contains("demo municipality"), "no demo data loaded; log: " + log);
    }

    @Test
    void without_exit_on_refusal_the_server_stays_up_without_the_application() throws Exception {
        int port = start(Map.of("TSUNAGU_DB_PASSWORD", StartGuard.EMBEDDED_DB_PASSWORD,
                "TSUNAGU_START_EXIT_ON_REFUSAL", "false"));
        assertTrue(Files.readString(log).contains("refusing to start: TSUNAGU_DB_PASSWORD is the public default"), "log: " + log);
        assertEquals(503, new Api(base(port)).get("health").status(), "not healthy");
        assertEquals(404, new Api(base(port)).get("api/v1/centers").status(), "nothing is deployed");
    }

    @Test
    void production_on_postgres_migrates_and_creates_only_admin() throws Exception {
        int port = start(Map.of("TSUNAGU_DB_PASSWORD", System.getenv("TSUNAGU_DB_PASSWORD"),
                "TSUNAGU_ADMIN_PASSWORD", ADMIN_PASSWORD));
        String text = Files.readString(log);
        assertFalse(text.contains("refusing"), "log: " + log);
        Api api = new Api(URI.create("http://127.0.0.1:" + port + "/api/v1/"));
        Api.Reply health = new Api(base(port)).get("health");
        assertEquals(200, health.status(), health::toString);
        Api.Reply audit = api.as("admin", ADMIN_PASSWORD).get("audit");
        assertEquals(200, audit.status(), audit::toString);
        assertEquals(401, api.asDemo("admin").get("audit").status(), "the demo password is not admin's");
        assertEquals(401, api.asDemo("core").get("audit").status(), "no demo accounts");
        Api.Reply centers = api.get("centers?municipality=990001");
        assertTrue(centers.status() == 404 || centers.body().trim().equals("[]"), "no demo data: " + centers);
    }

    /** Starts Payara Micro in the production profile and waits until it is up (deployed or not). */
    int start(Map<String, String> secrets) throws IOException, InterruptedException {
        payara = process(secrets);
        payara.start();
        log = payara.log();
        return payara.port();
    }

    /** Starts Payara Micro in the production profile for a start that is refused: its exit status. */
    int startRefused(Map<String, String> secrets) throws IOException, InterruptedException {
        payara = process(secrets);
        int status = payara.startAndAwaitExit();
        log = payara.log();
        return status;
    }

    PayaraProcess process(Map<String, String> secrets) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("TSUNAGU_DEMO", "false");
        env.put("TSUNAGU_DB_URL", productionUrl());
        payaraDataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "production-start")),
                "data-").toAbsolutePath().toString();
        env.put("TSUNAGU_DATA_DIR", payaraDataDir);
        env.put("TSUNAGU_ADMIN_PASSWORD", null);
        env.putAll(secrets);
        return new PayaraProcess("production", List.of("--nohazelcast"), env);
    }

    static String productionUrl() {
        String url = System.getenv("TSUNAGU_DB_URL");
        return url.substring(0, url.lastIndexOf('/') + 1) + "tsunagu_production";
    }

    static void wipeProductionDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(productionUrl(), System.getenv("TSUNAGU_DB_USER"),
                System.getenv("TSUNAGU_DB_PASSWORD")); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    static URI base(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
