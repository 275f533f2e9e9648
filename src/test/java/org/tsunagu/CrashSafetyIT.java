package org.tsunagu;

import org.tsunagu.csv.CsvTable;
import org.tsunagu.persistence.StartGuard;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What a power cut does to the embedded profile (H2 file database + Lucene index in one data
 * directory): Payara Micro is started as a process on its own data directory and killed with SIGKILL
 * in the middle of work, then started again on the same directory. Proves that H2 opens after a
 * kill, that an alert answered 201 is there exactly once and a retried Idempotency-Key never makes
 * a second one, that every alert's email still goes out, that a large import is all or nothing, and
 * that a deleted or damaged search index is rebuilt to the same answers; and, first, that such a
 * single instance logs no stack trace for requests with a session. Runs in the default (H2)
 * failsafe execution only; the database outage is {@code DatabaseOutageIT} on PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {

    static GreenMail smtp;
    static int smtpPort;
    /** Subjects received by earlier runs of the SMTP server (it is stopped and started again). */
    static final List<String> earlierSubjects = new ArrayList<>();
    static PayaraProcess portal;
    static Path data;

    /** Public searches that never match the rows the import test writes (those are all 相談窓口). */
    static final List<String> QUERIES = List.of(
            "resources?q=" + Api.q("みどりがおか さろん") + "&category=salon",
            "resources?category=dementia_cafe&category=community_cafe&sort=name&size=100",
            "resources?q=" + Api.q("ｵﾚﾝｼﾞｶﾌｪ") + "&category=dementia_cafe",
            "resources?q=" + Api.q("体操") + "&category=exercise&size=50",
            "resources?category=pharmacy&near=" + Api.q("若葉2-3-5") + "&radius=2&sort=distance&size=50",
            "resources?category=clinic&category=dental&sort=name&size=100",
            "resources?q=" + Api.q("水曜") + "&category=salon&category=exercise&size=100");

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(StartGuard.postgres(System.getenv("TSUNAGU_DB_URL")), "the embedded profile (H2) only");
        smtpPort = PayaraProcess.freePort();
        startSmtp();
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "crash")), "data-").toAbsolutePath();
        Map<String, String> env = new HashMap<>();
        env.put("TSUNAGU_DATA_DIR", data.toString());
        env.put("TSUNAGU_SMTP_HOST", "127.0.0.1");
        env.put("TSUNAGU_SMTP_PORT", String.valueOf(smtpPort));
        env.put("TSUNAGU_NOTIFICATIONS_INTERVAL", "1");
        // the load files hundreds of alerts from one organisation: not the hourly limit the other ITs test
        env.put("TSUNAGU_ALERTS_PER_HOUR", "100000");
        // an import job whose instance died is taken over after 4 s without a heartbeat
        env.put("TSUNAGU_IMPORT_ORPHANED", "PT4S");
        portal = new PayaraProcess("crash", List.of("--nohazelcast"), env).start();
    }

    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    static void stopSmtp() {
        earlierSubjects.addAll(subjects());
        smtp.stop();
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    // --- 0. A single instance as the README starts it ----------------------------------------------------

    /**
     * This portal runs as {@code mvn -Prun} runs it (--nohazelcast, config/pre-boot-commands.asadmin):
     * page requests with a session — anonymous and signed in — log no stack trace. The WAR is
     * distributable; before the pre-boot file kept sessions in memory, each such request logged two
     * ("Hazelcast is not enabled": the session store of the absent data grid). Nor does a request log
     * a warning (pages with view parameters logged JSF1103 on every request before page.xhtml had
     * its "metadata" insert).
     */
    @Test
    @Order(0)
    void a_single_instance_logs_no_stack_trace_for_page_requests_with_a_session() throws Exception {
        int from = portal.logText().length();
        FacesSession anonymous = new FacesSession(portal.root());
        for (String page : List.of("login", "login", "", "centers/")) {
            assertEquals(200, anonymous.get(page).status(), page);
        }
        FacesSession staff = FacesSession.loggedIn(portal.root(), "staff", Api.DEMO_PASSWORD);
        for (String page : List.of("staff/alerts", "staff/", "staff/alerts")) {
            FacesSession.Page p = staff.get(page);
            assertTrue(p.status() == 200 && !p.contains("id=\"login\""), page + ": " + p.uri());
        }
        Thread.sleep(500); // the log is written by the server process
        String logged = portal.logText().substring(from);
        assertFalse(logged.contains("Hazelcast is not enabled"), "log: " + portal.log());
        assertFalse(logged.contains("\tat "), "no stack trace for a normal request; log: " + portal.log());
        List<String> warnings = logged.lines().filter(l -> l.contains("_ThreadName=http-thread-pool")
                && (l.contains("[levelValue: 900]") || l.contains("[levelValue: 1000]"))).toList();
        assertEquals(List.of(), warnings, "no request logs a warning (e.g. JSF1103 for a misplaced f:metadata)");
    }

    // --- 1. SIGKILL while partners file alerts ---------------------------------------------------------

    /** One submission of the load: its marker (in details), its key (or none) and what came back. */
    record Filing(int n, String key, long startedNanos, Integer status, String receipt, Throwable failure) {
        boolean answered() {
            return status != null;
        }

        /** Refused before it reached the server (sent after the kill): never in flight. */
        boolean refused() {
            return failure != null && (failure instanceof ConnectException || failure.getCause() instanceof ConnectException);
        }
    }

    static String alert(int n) {
        return "{\"address\":\"ひだまり市若葉2-3-5\",\"observedAt\":\"2026-11-23T09:40:00+09:00\","
                + "\"anomalies\":[\"mail_piling_up\"],\"urgency\":\"" + (n % 5 == 0 ? "info" : "urgent") + "\","
                + "\"details\":\"crash-" + n + "\",\"reporterName\":\"見守 花子\",\"reporterPhone\":\"090-0000-0000\"}";
    }

    static Filing file(Api partner, int n, String key) {
        long started = System.nanoTime();
        try {
            Api.Reply r = key == null ? partner.postJson("alerts", alert(n))
                    : partner.send("alerts", "application/json", alert(n), "Idempotency-Key", key);
            String receipt = r.status() == 200 || r.status() == 201 ? r.json().getString("receiptNo") : null;
            return new Filing(n, key, started, r.status(), receipt, null);
        } catch (UncheckedIOException e) {
            return new Filing(n, key, started, null, null, e.getCause());
        }
    }

    @Test
    @Order(1)
    void sigkill_under_load_loses_no_answered_alert_files_none_twice_and_every_email_goes_out_after_smtp_returns() throws Exception {
        Map<String, List<Long>> before = searches();
        long firstNew = newestAlertId() + 1;

        int threads = 8;
        AtomicBoolean go = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        List<Filing> filings = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                Api partner = portal.api().asDemo("partner"); // one HTTP client (connections) per partner
                while (go.get()) {
                    int n = counter.incrementAndGet();
                    Filing f = file(partner, n, n % 2 == 0 ? "crash-" + UUID.randomUUID() : null);
                    filings.add(f);
                    if (Integer.valueOf(201).equals(f.status())) {
                        created.incrementAndGet();
                    }
                    if (!f.answered()) {
                        return null; // the server is gone
                    }
                }
                return null;
            });
        }
        // a precondition, not a speed check: with two IT forks on two cores the load may be slow to build up
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (created.get() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(created.get() >= 60, "the load runs: " + created.get() + " alerts filed");
        long killedAt = System.nanoTime();
        portal.kill();
        go.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(90, TimeUnit.SECONDS));

        List<Filing> all = new ArrayList<>(filings);
        all.sort(Comparator.comparingInt(Filing::n));
        List<Filing> answered = all.stream().filter(Filing::answered).toList();
        assertTrue(answered.stream().allMatch(f -> f.status() == 201), () -> "only 201 before the kill: "
                + answered.stream().filter(f -> f.status() != 201).toList());
        List<Filing> unanswered = all.stream().filter(f -> !f.answered()).toList();
        long inFlight = unanswered.stream().filter(f -> !f.refused() && f.startedNanos() < killedAt).count();
        assertTrue(inFlight > 0, "requests were in flight at the kill: " + unanswered);

        // the mail server goes away too, for a while
        stopSmtp();
        // the index is derived data: lose it with the process
        deleteTree(data.resolve("index"));
        long restart = System.nanoTime();
        portal.start(); // same data directory: H2 must open the file the kill left behind
        long up = System.nanoTime() - restart;
        assertTrue(portal.logText().contains("search index missing or unreadable"), "rebuilt; log: " + portal.log());

        // retry every keyed request that got no answer, with its key: the original alert or a new one, never two
        Api partner = portal.api().asDemo("partner");
        Map<Integer, String> receiptOf = new LinkedHashMap<>();
        answered.forEach(f -> receiptOf.put(f.n(), f.receipt()));
        int committedUnanswered = 0;
        for (Filing f : unanswered.stream().filter(f -> f.key() != null).toList()) {
            Filing again = file(partner, f.n(), f.key());
            assertTrue(again.answered() && (again.status() == 200 || again.status() == 201), "retry " + f.n() + ": " + again);
            if (again.status() == 200) {
                committedUnanswered++; // committed before the kill, its 201 lost on the way
            }
            receiptOf.put(f.n(), again.receipt());
        }

        // new alerts while the mail server is still down: their emails wait on the 未送信 list
        List<String> whileSmtpDown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = counter.incrementAndGet();
            Filing f = file(partner, n, null);
            assertEquals(201, f.status(), f::toString);
            receiptOf.put(n, f.receipt());
            whileSmtpDown.add(f.receipt());
        }
        long waitDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> unsent = List.of();
        while (System.nanoTime() < waitDeadline && !unsent.containsAll(whileSmtpDown)) {
            Thread.sleep(500);
            unsent = portal.api().asDemo("core").get("notifications/unsent").json().getJsonArray("items").stream()
                    .map(v -> v.asJsonObject()).filter(o -> o.getInt("attempts") >= 2).map(o -> o.getString("receiptNo", "")).toList();
        }
        assertTrue(unsent.containsAll(whileSmtpDown), "retried and listed as unsent while SMTP is down: " + unsent);
        int unsentWhileDown = unsent.size();
        startSmtp();

        // every alert of this run, by marker: exactly one per answered or retried filing
        Map<String, List<String>> byMarker = alertsSince(firstNew);
        for (Map.Entry<Integer, String> e : receiptOf.entrySet()) {
            assertEquals(List.of(e.getValue()), byMarker.getOrDefault("crash-" + e.getKey(), List.of()),
                    "filing " + e.getKey() + " is there exactly once, with the receipt it was answered");
        }
        List<Filing> unkeyedLost = unanswered.stream().filter(f -> f.key() == null).toList();
        int unkeyedCommitted = 0;
        for (Filing f : unkeyedLost) {
            int copies = byMarker.getOrDefault("crash-" + f.n(), List.of()).size();
            assertTrue(copies <= 1, "an unanswered filing without a key is there at most once: " + f.n());
            unkeyedCommitted += copies;
        }
        Map<String, List<String>> strangers = new HashMap<>(byMarker);
        receiptOf.keySet().forEach(n -> strangers.remove("crash-" + n));
        unkeyedLost.forEach(f -> strangers.remove("crash-" + f.n()));
        assertEquals(Map.of(), strangers, "no alert that nobody filed");

        // every email eventually goes out (the outbox is committed with the alert)
        List<String> receipts = byMarker.values().stream().flatMap(List::stream).toList();
        long mailDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Long> emails = emailsPerReceipt();
        while (System.nanoTime() < mailDeadline && !receipts.stream().allMatch(r -> emails.getOrDefault(r, 0L) >= 1)) {
            Thread.sleep(500);
            emails.clear();
            emails.putAll(emailsPerReceipt());
        }
        Thread.sleep(3_000); // a few more worker rounds: nothing may come again
        Map<String, Long> finalEmails = emailsPerReceipt();
        List<String> missing = receipts.stream().filter(r -> finalEmails.getOrDefault(r, 0L) < 1).toList();
        assertEquals(List.of(), missing, "every alert's email was sent");
        // at least once: an email handed to SMTP in the round the kill interrupted is sent again (≤ one
        // round of 20), every other exactly once
        List<String> twice = receipts.stream().filter(r -> finalEmails.get(r) > 1).toList();
        assertTrue(twice.size() <= 20 && twice.stream().allMatch(r -> finalEmails.get(r) == 2), "repeated: " + twice);

        // the rebuilt index answers as before
        assertEquals(before, searches(), "the same search answers after the rebuild");

        System.out.printf("CrashSafetyIT: %d filings, %d answered 201 before the SIGKILL, %d in flight at the kill"
                        + " (%d refused afterwards); after restart (%d ms) %d keyed retries found their alert committed,"
                        + " %d were filed anew; %d of %d unkeyed unanswered filings had been committed;"
                        + " %d emails for %d alerts, %d sent twice; %d emails waited on the unsent list while SMTP"
                        + " was down%n",
                all.size(), answered.size(), inFlight, unanswered.size() - inFlight, up / 1_000_000,
                committedUnanswered, unanswered.stream().filter(f -> f.key() != null).count() - committedUnanswered,
                unkeyedCommitted, unkeyedLost.size(), finalEmails.entrySet().stream()
                        .filter(e -> receipts.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum(),
                receipts.size(), twice.size(), unsentWhileDown);
    }

    /** The highest id among the listed (open) alerts; every alert filed later has a higher one. */
    static long newestAlertId() {
        Api core = portal.api().asDemo("core");
        long max = 0;
        for (int page = 0; ; page++) {
            List<JsonValue> items = core.get("alerts?size=100&page=" + page).json().getJsonArray("items");
            if (items.isEmpty()) {
                return max;
            }
            max = Math.max(max, items.stream().mapToLong(v -> v.asJsonObject().getJsonNumber("id").longValue()).max().orElse(0));
        }
    }

    /** The alerts filed since {@code firstId}: marker (details) → receipt numbers. */
    static Map<String, List<String>> alertsSince(long firstId) {
        Api core = portal.api().asDemo("core");
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Reply r = core.get("alerts?size=100&page=" + page);
            assertEquals(200, r.status(), r::toString);
            List<JsonValue> items = r.json().getJsonArray("items");
            if (items.isEmpty()) {
                break;
            }
            items.stream().map(JsonValue::asJsonObject).mapToLong(o -> o.getJsonNumber("id").longValue())
                    .filter(id -> id >= firstId).forEach(ids::add);
        }
        assertEquals(ids.size(), ids.stream().distinct().count(), "each alert listed once: " + ids);
        Map<String, List<String>> byMarker = new HashMap<>();
        for (long id : ids) {
            JsonObject a = core.get("alerts/" + id).json();
            byMarker.computeIfAbsent(a.getString("details", ""), k -> new ArrayList<>()).add(a.getString("receiptNo"));
        }
        return byMarker;
    }

    static List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static Map<String, Long> emailsPerReceipt() {
        return Stream.concat(earlierSubjects.stream(), subjects().stream()).filter(s -> s.startsWith("【つなぐ】見守り通報 "))
                .map(s -> s.substring("【つなぐ】見守り通報 ".length(), s.indexOf('（')))
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    // --- 2. SIGKILL during a large import ----------------------------------------------------------

    /** A Tsunagu CSV just under the 1 MiB body limit: the demo rows again, as 相談窓口, under new ids and one word. */
    static byte[] bigImport(String word) throws Exception {
        return bigImport(word, 1_000_000);
    }

    static byte[] bigImport(String word, int maxBytes) throws Exception {
        CsvTable demo = CsvTable.parse(Files.readAllBytes(Path.of("src/main/resources/demo/resources.csv")), List.of("external_id"));
        StringBuilder csv = new StringBuilder(String.join(",", demo.header())).append('\n');
        int size = csv.toString().getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; ; i++) {
            CsvTable.Row row = demo.rows().get(i % demo.rows().size());
            StringBuilder line = new StringBuilder();
            for (String column : demo.header()) {
                // short rows, so that 1 MB holds many: a long write phase that the thread dumps can catch
                // also on a fast, quiet machine (the optional text columns stay empty)
                String value = switch (column) {
                    case "external_id" -> word + "-" + i;
                    case "name" -> row.get("name") + " " + word + " " + i;
                    case "category" -> "consultation";
                    case "address", "postal_code", "lat", "lon", "center_code", "home_visit" ->
                            row.get(column) == null ? "" : row.get(column);
                    default -> "";
                };
                if (line.length() > 0) {
                    line.append(',');
                }
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
            line.append('\n');
            int bytes = line.toString().getBytes(StandardCharsets.UTF_8).length;
            if (size + bytes > maxBytes) {
                break;
            }
            csv.append(line);
            size += bytes;
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static int rows(byte[] csv) {
        return (int) new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
    }

    /** Rows of the word in the database (the CSV export reads the database, not the index). */
    static long exported(String word) {
        Api.Reply r = portal.api().asDemo("core").get("exports/resources?format=csv");
        assertEquals(200, r.status(), r::toString);
        return r.body().lines().filter(l -> l.contains(word + "-")).count();
    }

    static long searched(String word) {
        Api.Reply r = portal.api().get("resources?q=" + word + "&size=1");
        assertEquals(200, r.status(), r::toString);
        return r.json().getInt("total");
    }

    /** The stack of the server thread running a resource import (a thread dump by jcmd), or null. */
    static String importThread() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(portal.pid()), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        for (String thread : dump.split("\n\s*\n")) {
            if (thread.contains("importResources(")) {
                return thread;
            }
        }
        return null;
    }

    /**
     * Whether that thread writes and has not committed: on the writing pass (a new row copied onto its
     * entity, persisted) or flushing the INSERTs before the commit (EclipseLink writes them in the
     * transaction's beforeCompletion), but not yet after it (afterCompletion: the index update).
     */
    static boolean writingUncommitted(String thread) {
        if (thread == null || thread.contains("afterCompletion") || thread.contains("onResourcesChanged")) {
            return false;
        }
        return thread.contains("ResourceImport.apply(") || thread.contains(".persist(")
                || thread.contains("beforeCompletion") || thread.contains("commitToDatabase");
    }

    /** The search total for the word once it reaches {@code expected} (an import's index update outlasts its request), or after 30 s. */
    static long awaitSearched(String word, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long found;
        while ((found = searched(word)) != expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        return found;
    }

    static String word() {
        return Api.token("imp");
    }

    @Test
    @Order(2)
    void sigkill_during_a_large_import_leaves_all_rows_or_none_and_a_damaged_index_is_rebuilt() throws Exception {
        Api core = portal.api().asDemo("core");
        // measure: a dry run (parse and check every row, no writes) and a real import of the same size
        String measured = word();
        byte[] first = bigImport(measured);
        int n = rows(first);
        long t0 = System.nanoTime();
        Api.Reply dry = core.post("imports/resources?format=tsunagu&dryRun=true", "text/csv", first);
        long dryMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, dry.status(), dry::toString);
        assertEquals(n, dry.json().getInt("created"), dry::toString);
        t0 = System.nanoTime();
        Api.Reply real = core.post("imports/resources?format=tsunagu", "text/csv", first);
        long realMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, real.status(), real::toString);
        assertEquals(n, real.json().getInt("created"));
        assertEquals(n, exported(measured), "the count sees a complete import");
        assertEquals(n, awaitSearched(measured, n), "the import's resources are searchable");
        Map<String, List<Long>> before = searches();

        // the same size again under new ids, killed while it writes its rows: thread dumps of the server
        // (jcmd) show when the import's thread writes (rows copied onto entities and persisted, or the
        // INSERTs flushed before the commit), i.e. past the checks and before the commit; if the import
        // finishes before a dump catches it, again with a new file
        String killed = null;
        byte[] second = null;
        long killAfter = 0;
        String phase = null;
        List<String> finishedFirst = new ArrayList<>();
        for (int attempt = 0; attempt < 6 && killed == null; attempt++) {
            String w = word();
            byte[] file = bigImport(w);
            assertEquals(n, rows(file));
            Api importer = portal.api().asDemo("core");
            ExecutorService one = Executors.newSingleThreadExecutor();
            long started = System.nanoTime();
            Future<Filing> upload = one.submit(() -> {
                try {
                    Api.Reply r = importer.post("imports/resources?format=tsunagu", "text/csv", file);
                    return new Filing(0, null, 0, r.status(), null, null);
                } catch (UncheckedIOException e) {
                    return new Filing(0, null, 0, null, null, e.getCause());
                }
            });
            boolean writing = false;
            String seen = null;
            while (!upload.isDone() && !writing) {
                String thread = importThread();
                if (thread != null) {
                    seen = thread;
                }
                writing = writingUncommitted(thread);
                if (!writing) {
                    Thread.sleep(20);
                }
            }
            if (!writing) {
                finishedFirst.add(w + ": " + upload.get() + "; last seen " + (seen == null ? "nothing"
                        : seen.substring(0, Math.min(3000, seen.length()))));
                one.shutdown();
                continue;
            }
            portal.kill();
            killAfter = (System.nanoTime() - started) / 1_000_000;
            phase = seen.contains("beforeCompletion") || seen.contains("commitToDatabase")
                    ? "flushing its INSERTs before the commit" : "copying and persisting rows";
            Filing outcome = upload.get(60, TimeUnit.SECONDS);
            one.shutdown();
            assertFalse(outcome.answered(), "no answer from a killed server: " + outcome);
            killed = w;
            second = file;
        }
        assertTrue(killed != null, "the import was never caught writing: " + finishedFirst);

        // damage the search index too: one byte in the middle of its largest segment file
        Path generation = data.resolve("index").resolve(Files.readString(data.resolve("index/CURRENT")).strip());
        Path largest;
        // a file of the last commit (the kill may have left files of an unfinished segment, which
        // Lucene simply deletes when it opens the index)
        try (org.apache.lucene.store.Directory index = org.apache.lucene.store.FSDirectory.open(generation)) {
            largest = org.apache.lucene.index.SegmentInfos.readLatestCommit(index).files(false).stream()
                    .map(generation::resolve).max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(largest, bytes);

        portal.start();
        String log = portal.logText();
        assertTrue(log.contains("moved aside to") && Files.isDirectory(data.resolve("index/corrupt-" + generation.getFileName())),
                "the damaged index was set aside; log: " + portal.log());
        long stored = exported(killed);
        assertTrue(stored == 0 || stored == n, "all " + n + " rows or none, never " + stored);
        assertEquals(stored, awaitSearched(killed, stored), "the index agrees with the database");
        assertEquals(n, exported(measured), "the earlier import is intact");
        assertEquals(before, searches(), "the rebuilt index answers as before");

        // the interrupted file can simply be sent again
        Api.Reply again = portal.api().asDemo("core").post("imports/resources?format=tsunagu", "text/csv", second);
        assertEquals(200, again.status(), again::toString);
        assertEquals(n, again.json().getInt("created") + again.json().getInt("unchanged"), again::toString);
        assertEquals(n, exported(killed));

        System.out.printf("CrashSafetyIT: import of %d rows (%d bytes): dry run %d ms, import %d ms;"
                        + " killed after %d ms while %s (%d earlier files finished first); after restart"
                        + " %d rows of it were stored; damaged %s (%d bytes) and the index was rebuilt%n",
                n, second.length, dryMillis, realMillis, killAfter, phase, finishedFirst.size(), stored,
                largest.getFileName(), bytes.length);
    }

    @Test
    @Order(3)
    void an_import_job_killed_while_it_runs_resumes_after_the_restart_and_applies_every_row_once() throws Exception {
        Api core = portal.api().asDemo("core");
        String word = null;
        String job = null;
        int n = 0;
        List<String> finishedFirst = new ArrayList<>();
        for (int attempt = 0; attempt < 4 && job == null; attempt++) {
            String w = word();
            byte[] file = bigImport(w, 2_500_000);
            Api.Reply accepted = core.post("imports/resources?format=tsunagu", "text/csv", file);
            assertEquals(202, accepted.status(), "larger than the synchronous limit: a job; " + accepted);
            String id = accepted.json().getString("id");
            String state = accepted.json().getString("state");
            while (state.equals("queued")) {
                Thread.sleep(20);
                state = core.get("import-jobs/" + id).json().getString("state");
            }
            if (!state.equals("running")) {
                finishedFirst.add(w + ": " + state);
                continue;
            }
            portal.kill();
            word = w;
            job = id;
            n = rows(file);
        }
        assertTrue(job != null, "the job was never caught running: " + finishedFirst);
        portal.start();
        Api after = portal.api().asDemo("core");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonObject state = after.get("import-jobs/" + job).json();
        while (!List.of("done", "failed").contains(state.getString("state")) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            state = after.get("import-jobs/" + job).json();
        }
        assertEquals("done", state.getString("state"), "the restarted portal took the job up again from its spooled file: " + state);
        assertEquals(n, state.getInt("created"), state::toString);
        assertEquals(n, exported(word), "every row once, none twice");
        assertEquals(n, awaitSearched(word, n), "and searchable");
        System.out.printf("CrashSafetyIT: an import job of %d rows killed while running was resumed after the restart%n", n);
    }

    // --- search answers ------------------------------------------------------------------------------

    static Map<String, List<Long>> searches() {
        Map<String, List<Long>> answers = new LinkedHashMap<>();
        for (String q : QUERIES) {
            Api.Reply r = portal.api().get(q);
            assertEquals(200, r.status(), r::toString);
            List<Long> ids = r.json().getJsonArray("items").stream()
                    .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
            answers.put(q + " (total " + r.json().getInt("total") + ")", ids);
        }
        assertTrue(answers.values().stream().allMatch(ids -> !ids.isEmpty()), "every query finds something: " + answers);
        return answers;
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
