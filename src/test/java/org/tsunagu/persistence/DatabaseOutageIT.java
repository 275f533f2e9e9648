package org.tsunagu.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.PayaraProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database goes away under a running portal and comes back: PostgreSQL stopped (pg_ctl stop -m
 * fast, as in maintenance or a failover) while Payara Micro runs, then started again. Meanwhile the
 * API answers 503 problem+json with Retry-After (never 500, never 401 for good credentials), the pages
 * the 「保守中」 page with 503, /health/ready DOWN; afterwards the same process answers 200 again,
 * without a restart. Uses a PostgreSQL cluster of its own (src/test/postgres/throwaway-postgres.sh on
 * a free port, paused and resumed), so the shared one of the other ITs keeps running. Runs in the
 * failsafe execution {@code postgres} only.
 */
class DatabaseOutageIT {

    static final String DB_PASSWORD = "outage-db-3k8f2q";
    static final String ADMIN_PASSWORD = "outage-admin-9v4m2x";
    static final Path SCRIPT = Path.of("src/test/postgres/throwaway-postgres.sh");

    static Path state;
    static PayaraProcess portal;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(StartGuard.postgres(System.getenv("TSUNAGU_DB_URL")), "runs only in the failsafe execution postgres");
        state = Path.of("target", "postgres-outage").toAbsolutePath();
        int port = PayaraProcess.freePort();
        postgres("start", String.valueOf(port), DB_PASSWORD);
        Map<String, String> env = new HashMap<>();
        env.put("TSUNAGU_DEMO", "false");
        env.put("TSUNAGU_DB_DRIVER", "org.postgresql.ds.PGSimpleDataSource");
        env.put("TSUNAGU_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/tsunagu");
        env.put("TSUNAGU_DB_USER", "tsunagu");
        env.put("TSUNAGU_DB_PASSWORD", DB_PASSWORD);
        env.put("TSUNAGU_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TSUNAGU_DATA_DIR", Files.createTempDirectory(Files.createDirectories(Path.of("target", "outage")), "data-")
                .toAbsolutePath().toString());
        portal = new PayaraProcess("outage", List.of("--nohazelcast"), env).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.stop();
        }
        if (state != null) {
            postgres("stop");
        }
    }

    static void postgres(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString(), args[0], state.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "postgres " + args[0] + ": " + out);
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(portal.root().resolve(path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Api admin() {
        return portal.api().as("admin", ADMIN_PASSWORD);
    }

    /** What the test asks while the database is up and while it is down. */
    static void allAnswer200() throws Exception {
        assertEquals(200, get("health/ready").statusCode());
        Api.Reply centers = portal.api().get("centers");
        assertEquals(200, centers.status(), centers::toString);
        Api.Reply audit = admin().get("audit?size=5");
        assertEquals(200, audit.status(), audit::toString);
        HttpResponse<String> page = get("centers/");
        assertEquals(200, page.statusCode(), page::body);
    }

    static long slowest;

    interface Call<T> {
        T call() throws Exception;
    }

    /** Runs one request, remembering the slowest answer. */
    static <T> T timed(Call<T> request) throws Exception {
        long start = System.nanoTime();
        T answer = request.call();
        slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
        return answer;
    }

    static void assertUnavailable(Api.Reply r) {
        assertEquals(503, r.status(), r::toString);
        assertTrue(r.isProblem(), r::toString);
        assertEquals(503, r.json().getInt("status"));
        assertTrue(r.raw().headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"), "Retry-After: " + r);
    }

    @Test
    void the_database_stopped_means_503_with_retry_after_and_the_same_process_recovers_when_it_is_back() throws Exception {
        allAnswer200(); // the pool holds connections now, which the stop breaks
        FacesSession signedIn = FacesSession.loggedIn(portal.root(), "admin", ADMIN_PASSWORD);
        assertEquals(200, signedIn.get("admin/accounts").status());
        FacesSession visitor = new FacesSession(portal.root());
        FacesSession.Page loginForm = visitor.get("login");
        assertEquals(200, loginForm.status());
        String logBefore = portal.logText();

        postgres("pause");
        long down = System.nanoTime();
        HttpResponse<String> ready = get("health/ready");
        assertEquals(503, ready.statusCode(), ready::body);
        assertTrue(ready.body().contains("DOWN"), ready::body);

        assertUnavailable(timed(() -> portal.api().get("centers")));      // public, reads the database
        assertUnavailable(timed(() -> admin().get("audit?size=5")));      // Basic login needs the accounts table
        assertUnavailable(timed(() -> admin().postJson("partners", "{\"name\":\"停止中の登録\",\"type\":\"other\","
                + "\"municipality\":\"990001\",\"agreementDate\":\"2026-04-01\"}"))); // a write
        HttpResponse<String> page = timed(() -> get("centers/", "Accept", "text/html"));
        assertEquals(503, page.statusCode(), page::body);
        assertTrue(page.headers().firstValue("Retry-After").isPresent());
        assertTrue(page.body().contains("ただいま混み合っているか、保守中です"), page::body);
        HttpResponse<String> english = timed(() -> get("centers/", "Cookie", "tsunagu-lang=en"));
        assertTrue(english.statusCode() == 503 && english.body().contains("under maintenance"), english::body);
        // a signed-in page, and a login (the accounts are in the database): the same page, nothing else in it
        FacesSession.Page adminPage = timed(() -> signedIn.get("admin/accounts"));
        assertEquals(503, adminPage.status(), adminPage::html);
        assertTrue(adminPage.contains("ただいま混み合っているか、保守中です"), adminPage::html);
        FacesSession.Page login = timed(() -> visitor.post(loginForm, "login",
                Map.of("username", "admin", "password", ADMIN_PASSWORD), "submit"));
        assertEquals(503, login.status(), login::html);
        assertTrue(login.contains("ただいま混み合っているか、保守中です") && !login.contains("<form"), login::html);
        long answeredAllDown = (System.nanoTime() - down) / 1_000_000;
        assertTrue(slowest < 5_000, "each answered at once, not after retries: the slowest took " + slowest + " ms");

        String outageLog = portal.logText().substring(logBefore.length());
        assertTrue(outageLog.contains("database unavailable"), "logged as an outage: " + portal.log());
        assertFalse(outageLog.contains("unexpected error"), "not logged as a bug (500): " + portal.log());

        postgres("resume");
        long up = System.nanoTime();
        long deadline = up + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && (status = portal.api().get("centers").status()) != 200) {
            Thread.sleep(200);
        }
        assertEquals(200, status, "the same process answers again");
        long recovered = (System.nanoTime() - up) / 1_000_000;
        allAnswer200();
        assertTrue(portal.alive());
        assertEquals(200, signedIn.get("admin/accounts").status(), "still signed in");
        FacesSession again = FacesSession.loggedIn(portal.root(), "admin", ADMIN_PASSWORD);
        assertEquals(200, again.get("admin/accounts").status(), "logins work again");
        Api.Reply created = admin().postJson("partners", "{\"name\":\"復旧後の登録\",\"type\":\"other\","
                + "\"municipality\":\"990001\",\"agreementDate\":\"2026-04-01\"}");
        assertTrue(created.status() == 201 || created.status() == 400, "writes work again (400: no such municipality in an empty portal): " + created);
        assertFalse(created.status() >= 500, created::toString);
        System.out.printf("DatabaseOutageIT: 8 requests answered 503 in %d ms after the stop (the slowest %d ms);"
                + " after PostgreSQL was back, the first 200 came %d ms later%n", answeredAllDown, slowest, recovered);
    }
}
