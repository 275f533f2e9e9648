package org.tsunagu.alerts.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.PortalIT;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partners file watch alerts through the API (demo data): routed to the responsible center,
 * exactly one alert per Idempotency-Key, never nowhere, every mistake a 400, and each organisation
 * sees only its own alerts' status.
 */
public class AlertsIT extends PortalIT {

    public static String body(String address, String extra) {
        return "{" + (address == null ? "" : "\"address\":\"" + address + "\",") + extra
                + "\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"mail_piling_up\",\"no_response\"],"
                + "\"urgency\":\"urgent\",\"personDescription\":\"80代女性、一人暮らしの様子\",\"details\":\"新聞が3日分\","
                + "\"reporterName\":\"山田\",\"reporterPhone\":\"099-000-0000\"}";
    }

    Api.Reply file(Api who, String key, String json) {
        return key == null ? who.postJson("api/v1/alerts", json)
                : who.send("api/v1/alerts", "application/json", json, "Idempotency-Key", key);
    }

    @Test
    void an_alert_goes_to_the_center_of_the_address_once_per_key() {
        Api partner = anonymous.asDemo("partner");
        String key = UUID.randomUUID().toString();
        Api.Reply first = file(partner, key, body("ひだまり市若葉2-3-5", ""));
        assertEquals(201, first.status(), first::toString);
        assertTrue(first.raw().headers().firstValue("Location").orElse("").contains("/api/v1/alerts/"));
        JsonObject receipt = first.json();
        assertTrue(receipt.getString("receiptNo").matches("W-\\d{4}-\\d{6}"), receipt::toString);
        assertEquals("received", receipt.getString("status"));
        assertEquals("hidamari-kita1", receipt.getJsonObject("center").getString("code"));
        assertEquals("town", receipt.getString("routing"));

        Api.Reply again = file(partner, key, body("ひだまり市若葉2-3-5", ""));
        assertEquals(200, again.status(), "a retry returns the original");
        assertEquals(receipt.getString("receiptNo"), again.json().getString("receiptNo"));

        Api.Reply mine = partner.get("api/v1/alerts/mine");
        assertEquals(200, mine.status());
        long copies = mine.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("receiptNo").equals(receipt.getString("receiptNo"))).count();
        assertEquals(1, copies, "one alert for one key");
        assertFalse(mine.body().contains("80代女性") || mine.body().contains("新聞が3日分"), "status only");
    }

    @Test
    void a_burst_of_retries_with_one_key_files_one_alert_and_never_fails() throws Exception {
        Api partner = anonymous.asDemo("partner");
        String key = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> file(partner, key, body("ひだまり市若葉2-3-5", ""))));
            }
            java.util.Set<String> receipts = new java.util.HashSet<>();
            for (var f : replies) {
                Api.Reply r = f.get();
                assertTrue(r.status() == 201 || r.status() == 200, "a concurrent duplicate waits for the first: " + r);
                receipts.add(r.json().getString("receiptNo"));
            }
            Api.Reply last = file(partner, key, body("ひだまり市若葉2-3-5", ""));
            assertEquals(200, last.status(), last::toString);
            receipts.add(last.json().getString("receiptNo"));
            assertEquals(1, receipts.size(), "one alert: " + receipts);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new partner organisation and account, so that counts of its alerts are exact. */
    Api newPartner(String prefix) {
        return newPartner(admin, anonymous, prefix);
    }

    /** {@link #newPartner(String)} for other ITs: a partner account of a new organisation, created by {@code admin}. */
    public static Api newPartner(Api admin, Api anonymous, String prefix) {
        Api.Reply org = admin.postJson("api/v1/partners", "{\"name\":\"" + prefix + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"type\":\"delivery\",\"municipality\":\"990001\",\"agreementDate\":\"2026-04-01\"}");
        assertEquals(201, org.status(), org::toString);
        String username = "p" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Partner-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"partner\",\"partnerId\":" + org.json().getJsonNumber("id").longValue() + "}").status());
        return anonymous.as(username, password);
    }

    @Test
    void fifty_parallel_submissions_with_ten_repeated_keys_file_forty_alerts() throws Exception {
        Api partner = newPartner("並行テスト配送");
        assertEquals(0, partner.get("api/v1/alerts/mine").json().getJsonArray("items").size(), "a new organisation");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] keys = new String[50];
        for (int i = 0; i < 50; i++) {
            keys[i] = run + "-" + (i < 40 ? i : i - 40); // the last ten repeat the keys of the first ten
        }
        String[] addresses = {"ひだまり市若葉2-3-5", "ひだまり市若葉1-1", "どこにもない町1-1"};
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(50);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        Api.Reply[] replies = new Api.Reply[50];
        Throwable[] failures = new Throwable[50];
        Thread[] threads = new Thread[50];
        for (int i = 0; i < 50; i++) {
            int n = i;
            threads[i] = new Thread(() -> {
                ready.countDown();
                try {
                    start.await();
                    replies[n] = file(partner, keys[n], body(addresses[n % addresses.length], ""));
                } catch (Throwable t) {
                    failures[n] = t;
                }
            }, "submit-" + i);
            threads[i].start();
        }
        ready.await();
        start.countDown();
        for (Thread t : threads) {
            t.join(120_000);
        }
        java.util.Map<String, String> receiptOfKey = new java.util.HashMap<>();
        int created = 0;
        for (int i = 0; i < 50; i++) {
            assertEquals(null, failures[i], "request " + i + " failed");
            Api.Reply r = replies[i];
            assertTrue(r.status() == 201 || r.status() == 200, "request " + i + ": " + r);
            created += r.status() == 201 ? 1 : 0;
            String receipt = r.json().getString("receiptNo");
            String before = receiptOfKey.putIfAbsent(keys[i], receipt);
            assertTrue(before == null || before.equals(receipt), "one receipt per key " + keys[i] + ": " + before + " / " + receipt);
        }
        assertEquals(40, created, "one 201 per distinct key");
        assertEquals(40, new java.util.HashSet<>(receiptOfKey.values()).size(), "40 distinct receipts");
        var mine = partner.get("api/v1/alerts/mine").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(40, mine.size(), "exactly 40 alerts filed");
        assertEquals(new java.util.HashSet<>(receiptOfKey.values()),
                new java.util.HashSet<>(mine.stream().map(i -> i.getString("receiptNo")).toList()));
    }

    @Test
    void centers_triage_with_legal_transitions_and_only_their_own_alerts() {
        Api partner = anonymous.asDemo("partner");
        Api.Reply filed = file(partner, null, body("ひだまり市若葉2-3-5", "\"personName\":\"佐藤ハナ\","));
        assertEquals(201, filed.status(), filed::toString);
        long id = filed.json().getJsonNumber("id").longValue();
        Api core = anonymous.asDemo("core");
        Api.Reply list = core.get("api/v1/alerts?status=received&size=100");
        assertEquals(200, list.status(), list::toString);
        assertTrue(list.body().contains(filed.json().getString("receiptNo")), "core sees every center's alerts");
        assertFalse(list.body().contains("佐藤ハナ"), "no personal fields in the list");
        Api.Reply detail = core.get("api/v1/alerts/" + id);
        assertEquals(200, detail.status(), detail::toString);
        assertEquals("佐藤ハナ", detail.json().getJsonObject("person").getString("name"));

        String username = "minami" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Minami-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"role\":\"staff\",\"centerCode\":\"hidamari-minami1\"}").status());
        Api minami = anonymous.as(username, password);
        assertEquals(404, minami.get("api/v1/alerts/" + id).status(), "another center's alert does not exist for them");
        assertFalse(minami.get("api/v1/alerts?size=100").body().contains(filed.json().getString("receiptNo")));
        assertEquals(403, minami.get("api/v1/alerts?center=hidamari-kita1").status());

        assertEquals(200, core.postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"acknowledge\"}").status());
        assertEquals(409, core.postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"acknowledge\"}").status(),
                "acknowledging twice is an illegal transition");
        assertEquals(400, core.postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"dance\"}").status());
        Api.Reply moved = core.postJson("api/v1/alerts/" + id + "/events",
                "{\"type\":\"transfer\",\"toCenter\":\"hidamari-minami1\",\"note\":\"担当地域の境界のため\"}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(200, minami.get("api/v1/alerts/" + id).status(), "after the transfer the new center sees it");
        assertEquals(200, minami.postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"acknowledge\"}").status());
        Api.Reply resolved = minami.postJson("api/v1/alerts/" + id + "/events",
                "{\"type\":\"resolve\",\"outcome\":\"safe_no_issue\",\"note\":\"訪問し安否確認\"}");
        assertEquals(200, resolved.status(), resolved::toString);
        assertEquals("resolved", resolved.json().getString("status"));
        assertTrue(resolved.json().getJsonArray("events").size() >= 4, "the timeline keeps every step");
        assertEquals(409, minami.postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"resolve\",\"outcome\":\"other\"}").status());
        assertTrue(partner.get("api/v1/alerts/mine").body().contains("\"status\":\"resolved\""), "the partner sees the status");
        assertFalse(partner.get("api/v1/alerts/mine").body().contains("訪問し安否確認"), "never staff notes");
        assertEquals(403, partner.get("api/v1/alerts/" + id).status());
    }

    @Test
    void an_unknown_address_goes_to_the_core_center_and_a_point_to_the_nearest_town() {
        Api partner = anonymous.asDemo("partner");
        Api.Reply nowhere = file(partner, null, body("どこにもない町1-1", ""));
        assertEquals(201, nowhere.status(), nowhere::toString);
        assertEquals("none", nowhere.json().getString("routing"));
        assertEquals("hidamari-core", nowhere.json().getJsonObject("center").getString("code"));
        Api.Reply point = file(partner, null, body(null, "\"lat\":35.7748,\"lon\":139.4183,"));
        assertEquals(201, point.status(), point::toString);
        assertEquals("town", point.json().getString("routing"));
    }

    @Test
    void mistakes_are_400_and_only_partners_file() {
        Api partner = anonymous.asDemo("partner");
        Api.Reply bad = partner.postJson("api/v1/alerts", "{\"anomalies\":[\"x\"],\"urgency\":\"soon\",\"observedAt\":\"yesterday\"}");
        assertEquals(400, bad.status(), bad::toString);
        for (String field : new String[]{"address", "observedAt", "anomalies", "urgency", "reporterName", "reporterPhone"}) {
            assertTrue(bad.body().contains("\"field\":\"" + field + "\""), () -> field + " in " + bad.body());
        }
        assertEquals(400, partner.postJson("api/v1/alerts", "[1,2]").status());
        assertEquals(400, file(partner, "x".repeat(101), body("ひだまり市若葉2-3-5", "")).status());
        assertEquals(401, anonymous.postJson("api/v1/alerts", body("ひだまり市若葉2-3-5", "")).status());
        assertEquals(403, anonymous.asDemo("staff").postJson("api/v1/alerts", body("ひだまり市若葉2-3-5", "")).status());
        assertEquals(403, anonymous.asDemo("staff").get("api/v1/alerts/mine").status());
    }

    @Test
    void another_organisation_sees_none_of_these_alerts() {
        Api.Reply org = admin.postJson("api/v1/partners", "{\"name\":\"検証新聞店" + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"type\":\"newspaper\",\"municipality\":\"990001\",\"agreementDate\":\"2026-04-01\"}");
        assertEquals(201, org.status(), org::toString);
        String username = "news" + UUID.randomUUID().toString().substring(0, 8);
        String password = "News-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"partner\",\"partnerId\":" + org.json().getJsonNumber("id").longValue() + "}").status());
        Api news = anonymous.as(username, password);
        assertEquals(0, news.get("api/v1/alerts/mine").json().getJsonArray("items").size());
        Api.Reply filed = file(news, null, body("ひだまり市若葉2-3-5", ""));
        assertEquals(201, filed.status());
        assertEquals(1, news.get("api/v1/alerts/mine").json().getJsonArray("items").size());
        assertFalse(anonymous.asDemo("partner").get("api/v1/alerts/mine").body().contains(filed.json().getString("receiptNo")));
    }

    /**
     * The hourly limit per organisation (TSUNAGU_ALERTS_PER_HOUR in the ITs' environment, far above what any
     * other IT files for one organisation): a new organisation files up to it, the next alert is 429 with
     * Retry-After and a problem body, a retry of an alert already filed still answers 200 (not counted),
     * another organisation files on, and admins find one notice in the audit log.
     */
    @Test
    void an_organisation_over_its_hourly_limit_gets_429_with_retry_after_and_admins_a_notice() throws Exception {
        int limit = Integer.parseInt(System.getenv().getOrDefault("TSUNAGU_ALERTS_PER_HOUR", "150"));
        Api.Reply org = admin.postJson("api/v1/partners", "{\"name\":\"上限テスト配送" + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"type\":\"delivery\",\"municipality\":\"990001\",\"agreementDate\":\"2026-04-01\"}");
        assertEquals(201, org.status(), org::toString);
        String orgId = Long.toString(org.json().getJsonNumber("id").longValue());
        String username = "p" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Partner-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"partner\",\"partnerId\":" + orgId + "}").status());
        Api partner = anonymous.as(username, password);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String info = body("ひだまり市若葉2-3-5", "").replace("\"urgency\":\"urgent\"", "\"urgency\":\"info\"");
        // an emergency first, then a flood of information alerts after it (all to the same center)
        Api.Reply emergency = file(partner, run + "-emergency", info.replace("\"urgency\":\"info\"", "\"urgency\":\"emergency\""));
        assertEquals(201, emergency.status(), emergency::toString);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < limit - 1; i++) {
                String key = run + "-" + i;
                replies.add(pool.submit(() -> file(partner, key, info)));
            }
            for (var f : replies) {
                Api.Reply r = f.get();
                assertEquals(201, r.status(), "within the limit: " + r);
            }
        } finally {
            pool.shutdownNow();
        }
        Api.Reply over = file(partner, run + "-over", info);
        assertEquals(429, over.status(), over::toString);
        assertTrue(over.isProblem(), over::toString);
        long wait = Long.parseLong(over.raw().headers().firstValue("Retry-After").orElse("0"));
        assertTrue(wait >= 1 && wait <= 3601, "Retry-After: until the first alert of the hour leaves it: " + wait);
        assertEquals(429, file(partner, null, info).status(), "without a key alike");

        Api.Reply retry = file(partner, run + "-0", info);
        assertEquals(200, retry.status(), "a retry of an alert already filed is answered, never refused: " + retry);
        assertEquals(limit, partner.get("api/v1/alerts/mine").json().getJsonArray("items").size(), "nothing beyond the limit");
        assertEquals(201, file(newPartner("上限なし配送"), null, info).status(), "another organisation files on");

        Api.Reply notices = admin.get("api/v1/audit?action=alert.rate_limited&size=100");
        assertEquals(200, notices.status(), notices::toString);
        var mine = notices.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("targetId", "").equals(orgId)).toList();
        assertEquals(1, mine.size(), "one notice for the organisation, however often it is refused: " + notices.body());
        assertEquals("partner", mine.get(0).getString("targetType"));
        assertFalse(notices.body().contains("若葉") || notices.body().contains("山田"), "no personal data in the notice");

        // the board (TSUNAGU_BOARD_SIZE rows in the ITs, fewer than the flood) keeps the older emergency on top,
        // in order open → emergency, urgent, info → oldest, and says how many it left out
        FacesSession.Page board = FacesSession.loggedIn(Api.loopback(base), "core", Api.DEMO_PASSWORD)
                .get("staff/alerts?center=hidamari-kita1");
        assertEquals(200, board.status());
        String receipt = emergency.json().getString("receiptNo");
        assertTrue(board.contains(receipt), "the open emergency is on the board despite the flood after it");
        assertTrue(board.html().contains("id=\"board-more\"") && board.contains("ほか"), "「ほか N 件」 when cut");
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("<tr class=\"urgency-(\\w+)").matcher(board.html());
        java.util.List<String> order = java.util.List.of("emergency", "urgent", "info");
        int last = 0;
        int shown = 0;
        while (rows.find()) {
            int rank = order.indexOf(rows.group(1));
            assertTrue(rank >= last, "emergency, urgent, info: " + rows.group(1) + " after " + order.get(last));
            last = rank;
            shown++;
        }
        assertEquals(Integer.parseInt(System.getenv().getOrDefault("TSUNAGU_BOARD_SIZE", "120")), shown, "a full board");
    }
}
