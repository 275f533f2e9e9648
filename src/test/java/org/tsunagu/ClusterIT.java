package org.tsunagu;

import org.tsunagu.persistence.StartGuard;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the same WAR on loopback ports, sharing one PostgreSQL database
 * ({@code tsunagu_cluster} of the throwaway cluster) and clustered by Payara Micro's own data grid,
 * bound to 127.0.0.1 (tcpip discovery, host-aware partitioning off because both run on one host) —
 * the topology of docs/operations.md on one machine. Proves what issue 7 promises: an edit on one
 * instance is searchable on the other within 2 s (change log + poller, each instance its own index),
 * concurrent edits of one resource on both → one wins, the other gets 409; the notification outbox
 * is delivered once and escalation happens once although both run the workers; a staff session
 * survives the death (SIGKILL) of its instance; an instance that was down catches up when it starts.
 * Runs only in the failsafe execution {@code postgres}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Duration VISIBLE_ON_THE_OTHER = Duration.ofSeconds(2);

    static GreenMail smtp;
    static PayaraProcess a;
    static PayaraProcess b;
    static FacesSession staffOnA;

    @BeforeAll
    static void startCluster() throws Exception {
        String url = System.getenv("TSUNAGU_DB_URL");
        assumeTrue(StartGuard.postgres(url), "runs only in the failsafe execution postgres (TSUNAGU_DB_URL)");
        int smtpPort = PayaraProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String cluster = "tsunagu-it-" + UUID.randomUUID().toString().substring(0, 8);
        a = instance("a", url, smtpPort, cluster);
        b = instance("b", url, smtpPort, cluster);
        a.start(); // the first start migrates and loads the demo municipality; the second finds it done
        b.start();
        String members = b.logText();
        assertTrue(members.contains("Name: a") && members.contains("Name: b") && members.contains("127.0.0.1:690"),
                "b joined a's data grid on loopback; log: " + b.log());
    }

    static PayaraProcess instance(String name, String url, int smtpPort, String cluster) throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cluster")), name + "-");
        Map<String, String> env = new HashMap<>();
        env.put("TSUNAGU_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + "tsunagu_cluster");
        env.put("TSUNAGU_DATA_DIR", data.toAbsolutePath().toString());
        env.put("TSUNAGU_SMTP_HOST", "127.0.0.1");
        env.put("TSUNAGU_SMTP_PORT", String.valueOf(smtpPort));
        // the production pre-boot file (listener address from the environment, X-Forwarded-Proto), on loopback
        env.put("TSUNAGU_HTTP_ADDRESS", "127.0.0.1");
        return new PayaraProcess(name, List.of(
                "--prebootcommandfile", PayaraProcess.config("production-pre-boot-commands.asadmin"),
                // sessions in the data grid (the pre-boot file keeps them in memory, right for --nohazelcast)
                "--postbootcommandfile", PayaraProcess.config("cluster-post-boot-commands.asadmin"),
                "--clustername", cluster, "--interfaces", "127.0.0.1",
                "--clustermode", "tcpip:127.0.0.1:6900,127.0.0.1:6901", "--nohostaware"), env);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (PayaraProcess p : new PayaraProcess[]{a, b}) {
            if (p != null) {
                p.stop();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static Api core(PayaraProcess p) {
        return p.api().asDemo("core");
    }

    static JsonObject search(PayaraProcess p, String word) {
        Api.Reply r = p.api().get("resources?q=" + Api.q(word));
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    /** Polls a search on {@code p} until the condition holds; the time it took, or fails after {@code limit}. */
    static Duration until(PayaraProcess p, String word, Predicate<JsonObject> condition, Duration limit) {
        long start = System.nanoTime();
        while (true) {
            JsonObject result = search(p, word);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (condition.test(result)) {
                return took;
            }
            assertTrue(took.compareTo(limit) < 0, () -> "not within " + limit + " on " + p.root() + ": " + word + " → " + result);
            sleep(50);
        }
    }

    static String resource(String name, String description, Long version) {
        return "{\"name\":\"" + name + "\",\"category\":\"salon\",\"address\":\"ひだまり市緑が丘二丁目3-3\","
                + "\"schedule\":\"毎週水曜日 10:00〜11:30\",\"description\":\"" + description + "\""
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    static String word() {
        return Api.token("cl");
    }

    @Test
    @Order(0)
    void behind_a_tls_load_balancer_redirects_stay_on_https() throws Exception {
        java.net.http.HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(b.root().resolve("staff/")).header("X-Forwarded-Proto", "https").build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("https://") && location.contains("/login"), location);
    }

    @Test
    @Order(1)
    void an_edit_on_one_instance_is_searchable_on_the_other_within_two_seconds() {
        String first = word();
        Api.Reply created = core(a).postJson("resources", resource("連携サロン" + first, first, null));
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        Duration created_ = until(b, first, r -> r.getInt("total") == 1, VISIBLE_ON_THE_OTHER);

        String second = word();
        long version = created.json().getJsonNumber("version").longValue();
        Api.Reply edited = core(b).putJson("resources/" + id, resource("連携サロン" + first, second, version));
        assertEquals(200, edited.status(), edited::toString);
        Duration edited_ = until(a, second, r -> r.getInt("total") == 1, VISIBLE_ON_THE_OTHER);
        until(a, first + " " + second, r -> r.getInt("total") == 1, VISIBLE_ON_THE_OTHER);
        assertEquals(0, search(a, "cl" + "zzzz").getInt("total"));

        assertEquals(204, core(a).delete("resources/" + id).status());
        Duration deleted_ = until(b, second, r -> r.getInt("total") == 0, VISIBLE_ON_THE_OTHER);
        System.out.printf("ClusterIT: visible on the other instance after create %d ms, edit %d ms, delete %d ms%n",
                created_.toMillis(), edited_.toMillis(), deleted_.toMillis());
    }

    @Test
    @Order(2)
    void concurrent_edits_of_one_resource_on_two_instances_one_wins_the_other_gets_409() throws Exception {
        String w = word();
        Api.Reply created = core(a).postJson("resources", resource("同時編集サロン" + w, w, null));
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        long version = created.json().getJsonNumber("version").longValue();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long v = version;
                String wa = word();
                String wb = word();
                List<Callable<Api.Reply>> both = List.of(
                        () -> core(a).putJson("resources/" + id, resource("同時編集サロン" + w, wa, v)),
                        () -> core(b).putJson("resources/" + id, resource("同時編集サロン" + w, wb, v)));
                List<Integer> statuses = new ArrayList<>();
                List<Api.Reply> replies = new ArrayList<>();
                for (Future<Api.Reply> f : pool.invokeAll(both)) {
                    replies.add(f.get());
                    statuses.add(f.get().status());
                }
                assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "round " + round + ": " + replies);
                Api.Reply winner = replies.get(statuses.indexOf(200));
                Api.Reply loser = replies.get(statuses.indexOf(409));
                assertTrue(loser.contentType().startsWith("application/problem+json"), loser::toString);
                version = winner.json().getJsonNumber("version").longValue();
                assertEquals(v + 1, version, "exactly one update: " + winner);
                String won = statuses.indexOf(200) == 0 ? wa : wb;
                String lost = statuses.indexOf(200) == 0 ? wb : wa;
                Api.Reply stored = b.api().get("resources/" + id);
                assertTrue(stored.body().contains(won) && !stored.body().contains(lost), "the winner's text only: " + stored);
                until(a, won, r -> r.getInt("total") == 1, VISIBLE_ON_THE_OTHER);
                until(b, won, r -> r.getInt("total") == 1, VISIBLE_ON_THE_OTHER);
                assertEquals(0, search(a, lost).getInt("total"));
                assertEquals(0, search(b, lost).getInt("total"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String alert(String urgency) {
        return "{\"address\":\"ひだまり市若葉2-3-5\",\"observedAt\":\"2026-11-23T09:40:00+09:00\","
                + "\"anomalies\":[\"mail_piling_up\"],\"urgency\":\"" + urgency + "\","
                + "\"personDescription\":\"80代女性\",\"reporterName\":\"山田\",\"reporterPhone\":\"099-000-0000\"}";
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

    @Test
    @Order(3)
    void the_outbox_is_delivered_once_and_escalation_happens_once_across_instances() throws Exception {
        int n = 30;
        List<String> receipts = new ArrayList<>();
        Set<String> emergencies = new java.util.HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Reply>> filings = new ArrayList<>();
            List<Boolean> emergency = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PayaraProcess p = i % 2 == 0 ? a : b;
                String urgency = i % 3 == 0 ? "emergency" : "urgent";
                filings.add(() -> p.api().asDemo("partner").postJson("alerts", alert(urgency)));
                emergency.add(urgency.equals("emergency"));
            }
            // the same idempotency key sent to both instances at once: one alert
            String key = UUID.randomUUID().toString();
            for (PayaraProcess p : List.of(a, b)) {
                filings.add(() -> p.api().asDemo("partner").send("alerts", "application/json", alert("urgent"),
                        "Idempotency-Key", key));
                emergency.add(false);
            }
            List<Future<Api.Reply>> replies = pool.invokeAll(filings);
            for (int i = 0; i < replies.size(); i++) {
                Api.Reply r = replies.get(i).get();
                assertTrue(r.status() == 201 || r.status() == 200, r::toString);
                String receipt = r.json().getString("receiptNo");
                if (!receipts.contains(receipt)) {
                    receipts.add(receipt);
                }
                if (emergency.get(i)) {
                    emergencies.add(receipt);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(n + 1, receipts.size(), "the repeated key made one alert: " + receipts);
        assertEquals(10, emergencies.size());

        // new-alert emails to the center, and (emergencies unacknowledged after 3 s) escalations to the core center
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && (count(" 見守り通報 ", receipts) < receipts.size()
                || count("未確認の見守り通報 ", emergencies) < emergencies.size())) {
            sleep(250);
        }
        sleep(6_000); // several more rounds of both instances' workers: nothing may come twice
        List<String> subjects = subjects();
        for (String receipt : receipts) {
            assertEquals(1, subjects.stream().filter(s -> s.equals("【つなぐ】見守り通報 " + receipt + "（"
                    + (emergencies.contains(receipt) ? "緊急" : "当日中に確認") + "）")).count(), receipt + " in " + subjects);
        }
        for (String receipt : emergencies) {
            assertEquals(1, subjects.stream().filter(s -> s.startsWith("【つなぐ】未確認の見守り通報 " + receipt)).count(),
                    "escalated once: " + receipt + " in " + subjects);
        }
        Map<String, Long> twice = subjects.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        twice.values().removeIf(c -> c == 1);
        assertTrue(twice.isEmpty(), "no email sent twice: " + twice);
    }

    static long count(String subjectPart, java.util.Collection<String> receipts) {
        return subjects().stream().filter(s -> s.contains(subjectPart)
                && receipts.stream().anyMatch(r -> s.contains(r + "（"))).count();
    }

    @Test
    @Order(4)
    void a_staff_session_survives_the_death_of_its_instance() throws Exception {
        FacesSession anonymousOnB = new FacesSession(b.root());
        FacesSession.Page refused = anonymousOnB.get("staff/alerts");
        assertTrue(refused.contains("id=\"login\""), "without a session: the login form: " + refused.uri());

        staffOnA = FacesSession.loggedIn(a.root(), "staff", Api.DEMO_PASSWORD);
        FacesSession.Page onA = staffOnA.get("staff/alerts");
        assertEquals(200, onA.status());
        assertTrue(onA.contains("通報ボード") && !onA.contains("id=\"login\""), onA.html());

        FacesSession sameBrowserOnB = staffOnA.at(b.root());
        FacesSession.Page movedToB = sameBrowserOnB.get("staff/alerts");
        assertTrue(movedToB.contains("通報ボード") && !movedToB.contains("id=\"login\""),
                "the session is known on b: " + movedToB.uri());

        a.kill(); // SIGKILL: a dies without a word
        FacesSession.Page afterDeath = sameBrowserOnB.get("staff/alerts");
        assertEquals(200, afterDeath.status());
        assertTrue(afterDeath.contains("通報ボード") && !afterDeath.contains("id=\"login\""),
                "still signed in on b after a died: " + afterDeath.uri());
    }

    @Test
    @Order(5)
    void an_instance_that_was_down_during_edits_catches_up_when_it_starts() throws Exception {
        assumeTrue(!a.alive(), "follows the previous test, which killed a");
        String kept = word();
        String changedFrom = word();
        String changedTo = word();
        String removed = word();
        // made while both ran, so a's index had them
        Api.Reply toChange = core(b).postJson("resources", resource("変更サロン" + changedFrom, changedFrom, null));
        Api.Reply toRemove = core(b).postJson("resources", resource("削除サロン" + removed, removed, null));
        assertEquals(201, toChange.status(), toChange::toString);
        assertEquals(201, toRemove.status(), toRemove::toString);
        // a is down (killed by the previous test): these reach only the database and b
        Api.Reply created = core(b).postJson("resources", resource("新規サロン" + kept, kept, null));
        assertEquals(201, created.status(), created::toString);
        Api.Reply changed = core(b).putJson("resources/" + toChange.json().getJsonNumber("id"),
                resource("変更サロン" + changedTo, changedTo, toChange.json().getJsonNumber("version").longValue()));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(204, core(b).delete("resources/" + toRemove.json().getJsonNumber("id")).status());

        long started = System.nanoTime();
        a.start();
        long ready = System.nanoTime();
        Duration found = until(a, kept, r -> r.getInt("total") == 1, VISIBLE_ON_THE_OTHER);
        until(a, changedTo, r -> r.getInt("total") == 1, VISIBLE_ON_THE_OTHER);
        until(a, changedFrom, r -> r.getInt("total") == 0, VISIBLE_ON_THE_OTHER);
        until(a, removed, r -> r.getInt("total") == 0, VISIBLE_ON_THE_OTHER);
        JsonObject index = a.api().asDemo("admin").get("search/index").json();
        assertEquals(index.get("latestChange"), index.get("lastAppliedChange"), "caught up: " + index);
        System.out.printf("ClusterIT: restarted instance up in %d ms, the edits made while it was down found %d ms later%n",
                Duration.ofNanos(ready - started).toMillis(), found.toMillis());

        FacesSession.Page backOnA = staffOnA.get("staff/alerts");
        assertTrue(backOnA.contains("通報ボード") && !backOnA.contains("id=\"login\""),
                "the session lives in the cluster, not in one instance: " + backOnA.uri());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
