package org.tsunagu.alerts.stats.boundary;

import org.tsunagu.calendar.control.JapanTime;
import org.tsunagu.alerts.boundary.AlertsIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monthly statistics, the audit log and retention, black-box. The database is shared with the other
 * IT classes of the build, so every count is a difference before/after this test's own alerts, which
 * go to ひだまり市桜ケ丘 (hidamari-chubu2), a center no other IT files alerts to. The build sets
 * TSUNAGU_ALERT_RETENTION=PT20S and TSUNAGU_RETENTION_INTERVAL=PT2S (pom.xml).
 */
class AlertStatsIT extends PortalIT {

    static final String CENTER = "hidamari-chubu2";
    static final String CENTER_NAME = "ひだまり市桜ケ丘地域包括支援センター";
    static final String ADDRESS = "ひだまり市桜ケ丘2-15-7";
    static final String MARKER = "（保存期間経過により削除）";

    /** Last month to next month (Japan time): the counts survive a month boundary during the test. */
    static String range() {
        YearMonth now = YearMonth.from(Instant.now().atZone(JapanTime.ZONE));
        return "from=" + now.minusMonths(1) + "&to=" + now.plusMonths(1);
    }

    record Account(Api api, String username, String password) {
    }

    Account staffOf(String center) {
        String username = "stats" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Stats-" + UUID.randomUUID();
        Api.Reply created = admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"staff\",\"centerCode\":\"" + center + "\"}");
        assertEquals(201, created.status(), created::toString);
        return new Account(anonymous.as(username, password), username, password);
    }

    long file(String anomalies, String extra) {
        String json = AlertsIT.body(ADDRESS, extra).replace("[\"mail_piling_up\",\"no_response\"]", anomalies);
        Api.Reply filed = anonymous.asDemo("partner").postJson("api/v1/alerts", json);
        assertEquals(201, filed.status(), filed::toString);
        assertEquals(CENTER, filed.json().getJsonObject("center").getString("code"), "routed to 桜ケ丘");
        return filed.json().getJsonNumber("id").longValue();
    }

    static void event(Api who, long id, String json) {
        Api.Reply r = who.postJson("api/v1/alerts/" + id + "/events", json);
        assertEquals(200, r.status(), r::toString);
    }

    static JsonObject stats(Api who, String groupBy) {
        Api.Reply r = who.get("api/v1/stats/alerts?" + range() + (groupBy == null ? "" : "&groupBy=" + groupBy));
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/json"), r::toString);
        return r.json();
    }

    static List<JsonObject> rows(JsonObject stats) {
        return stats.getJsonArray("rows").getValuesAs(JsonObject.class);
    }

    static long sum(JsonObject stats, Predicate<JsonObject> which) {
        return rows(stats).stream().filter(which).mapToLong(r -> r.getJsonNumber("count").longValue()).sum();
    }

    static long acknowledged(JsonObject stats, Predicate<JsonObject> which) {
        return rows(stats).stream().filter(which).mapToLong(r -> r.getJsonNumber("acknowledged").longValue()).sum();
    }

    static Predicate<JsonObject> at(String center) {
        return r -> r.getJsonObject("center").getString("code").equals(center);
    }

    static Predicate<JsonObject> is(String dimension, String code) {
        return r -> r.getJsonObject(dimension).getString("code").equals(code);
    }

    @Test
    void alerts_are_counted_by_center_anomaly_and_outcome_with_the_median_time_to_acknowledge() {
        Account staff = staffOf(CENTER);
        Account elsewhere = staffOf("hidamari-minami2");
        Api core = anonymous.asDemo("core");
        JsonObject byCenter = stats(core, "center");
        JsonObject byAnomaly = stats(core, "center,anomaly");
        JsonObject byOutcome = stats(core, "center,outcome");
        long ownBefore = stats(staff.api(), null).getJsonObject("totals").getJsonNumber("count").longValue();
        long otherBefore = stats(elsewhere.api(), null).getJsonObject("totals").getJsonNumber("count").longValue();

        long first = file("[\"mail_piling_up\",\"no_response\"]", "");
        long second = file("[\"not_seen\"]", "");
        event(staff.api(), first, "{\"type\":\"acknowledge\"}");
        event(staff.api(), first, "{\"type\":\"resolve\",\"outcome\":\"safe_no_issue\",\"note\":\"訪問し安否確認\"}");
        assertTrue(second > first);

        JsonObject centerAfter = stats(core, "center");
        assertEquals(2, sum(centerAfter, at(CENTER)) - sum(byCenter, at(CENTER)), centerAfter::toString);
        assertEquals(1, acknowledged(centerAfter, at(CENTER)) - acknowledged(byCenter, at(CENTER)));
        JsonObject row = rows(centerAfter).stream().filter(at(CENTER)).filter(r -> r.getJsonNumber("acknowledged").longValue() > 0)
                .findFirst().orElseThrow();
        assertEquals(CENTER_NAME, row.getJsonObject("center").getString("label"));
        assertTrue(row.getJsonNumber("medianMinutesToAcknowledge").doubleValue() >= 0, row::toString);
        assertTrue(row.getJsonNumber("medianMinutesToAcknowledge").doubleValue() < 60, "acknowledged within seconds: " + row);

        JsonObject anomalyAfter = stats(core, "center,anomaly");
        for (String anomaly : List.of("mail_piling_up", "no_response", "not_seen")) {
            assertEquals(1, sum(anomalyAfter, at(CENTER).and(is("anomaly", anomaly)))
                    - sum(byAnomaly, at(CENTER).and(is("anomaly", anomaly))), anomaly);
        }
        assertEquals(3, sum(anomalyAfter, at(CENTER)) - sum(byAnomaly, at(CENTER)), "one per anomaly: 2 + 1");
        assertTrue(anomalyAfter.getString("note").contains("異変ごとに1件"), anomalyAfter::toString);
        assertEquals(2, anomalyAfter.getJsonObject("totals").getJsonNumber("count").longValue()
                - byAnomaly.getJsonObject("totals").getJsonNumber("count").longValue(), "the totals count alerts once");

        JsonObject outcomeAfter = stats(core, "center,outcome");
        assertEquals(1, sum(outcomeAfter, at(CENTER).and(is("outcome", "safe_no_issue")))
                - sum(byOutcome, at(CENTER).and(is("outcome", "safe_no_issue"))));
        assertEquals(1, sum(outcomeAfter, at(CENTER).and(is("outcome", "unresolved")))
                - sum(byOutcome, at(CENTER).and(is("outcome", "unresolved"))));
        assertTrue(rows(outcomeAfter).stream().filter(is("outcome", "unresolved"))
                .allMatch(r -> r.getJsonObject("outcome").getString("label").equals("未対応")));

        JsonObject own = stats(staff.api(), "center");
        assertEquals(List.of(CENTER), own.getJsonArray("centers").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList(), "staff count their own center only");
        assertTrue(rows(own).stream().allMatch(at(CENTER)), own::toString);
        assertEquals(2, own.getJsonObject("totals").getJsonNumber("count").longValue() - ownBefore);
        JsonObject other = stats(elsewhere.api(), "center");
        assertTrue(rows(other).stream().noneMatch(at(CENTER)), "another center's staff never see 桜ケ丘: " + other);
        assertEquals(otherBefore, other.getJsonObject("totals").getJsonNumber("count").longValue());
        assertTrue(stats(core, null).getJsonArray("centers").size() >= 7, "core: every center of the municipality");
        assertEquals(200, admin.get("api/v1/stats/alerts?" + range()).status(), "admin: every center");

        JsonObject plain = stats(core, null);
        assertEquals(3, plain.getJsonArray("rows").size(), "without groupBy one row per month, also empty months");
        assertEquals(3, plain.getJsonObject("totals").getJsonArray("months").size());
        assertTrue(plain.getJsonArray("groupBy").isEmpty());
        assertTrue(rows(plain).stream().allMatch(r -> r.get("medianMinutesToAcknowledge") != null));
    }

    HttpResponse<byte[]> getCsv(Account who, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Api.loopback(base).resolve("api/v1/stats/alerts?" + query))
                .header("Accept", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void the_csv_has_a_bom_a_japanese_header_and_a_file_name() throws Exception {
        Account staff = staffOf(CENTER);
        file("[\"lost_wandering\"]", "");
        HttpResponse<byte[]> csv = getCsv(staff, range() + "&groupBy=center,anomaly");
        assertEquals(200, csv.statusCode(), () -> text(csv.body()));
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").toLowerCase().matches("text/csv; ?charset=utf-8"),
                csv.headers()::toString);
        byte[] body = csv.body();
        assertTrue(body.length > 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF, "UTF-8 BOM");
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals("月,センター,センターコード,異変,異変コード,件数,確認済み件数,確認までの時間の中央値（分）", lines[0]);
        assertTrue(List.of(lines).stream().anyMatch(l -> l.contains(CENTER_NAME + "," + CENTER + ",道に迷っている・徘徊,lost_wandering,")),
                () -> String.join("\n", lines));
        YearMonth now = YearMonth.from(Instant.now().atZone(JapanTime.ZONE));
        assertEquals("attachment; filename=\"alerts-" + now.minusMonths(1) + "_" + now.plusMonths(1) + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));

        Api.Reply json = staff.api().get("api/v1/stats/alerts?" + range());
        assertTrue(json.contentType().startsWith("application/json"), "JSON unless CSV is asked for: " + json);
        HttpResponse<byte[]> bad = getCsv(staff, "from=2026-13");
        assertEquals(400, bad.statusCode());
        assertTrue(text(bad.body()).contains("\"field\":\"from\""), () -> text(bad.body()));
    }

    static Set<String> fields(Api.Reply r) {
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.isProblem(), r::toString);
        return r.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field"))
                .collect(Collectors.toSet());
    }

    @Test
    void mistakes_are_400_naming_the_field_and_only_center_staff_and_admins_may_ask() {
        Api core = anonymous.asDemo("core");
        assertEquals(Set.of("groupBy"), fields(core.get("api/v1/stats/alerts?groupBy=center,colour")));
        assertEquals(Set.of("from"), fields(core.get("api/v1/stats/alerts?from=2026-13&to=2026-12")));
        assertEquals(Set.of("to"), fields(core.get("api/v1/stats/alerts?from=2026-01&to=April")));
        assertEquals(Set.of("from"), fields(core.get("api/v1/stats/alerts?from=2026-09&to=2026-04")));
        assertEquals(Set.of("to"), fields(core.get("api/v1/stats/alerts?from=2020-01&to=2025-01")), "61 months");
        assertEquals(200, core.get("api/v1/stats/alerts?from=2020-02&to=2025-01").status(), "60 months");
        assertEquals(Set.of("from", "to", "groupBy"), fields(core.get("api/v1/stats/alerts?from=x&to=y&groupBy=z")),
                "every mistake at once");
        assertEquals(403, anonymous.asDemo("partner").get("api/v1/stats/alerts").status());
        assertEquals(401, anonymous.get("api/v1/stats/alerts").status());
    }

    @Test
    void the_audit_log_shows_who_read_an_alert_to_core_and_admin_but_not_to_staff() {
        Account staff = staffOf(CENTER);
        long id = file("[\"unwell\"]", "\"personName\":\"監査花子\",");
        assertEquals(200, staff.api().get("api/v1/alerts/" + id).status());

        Api core = anonymous.asDemo("core");
        Api.Reply log = core.get("api/v1/audit?actor=" + staff.username() + "&action=alert.read");
        assertEquals(200, log.status(), log::toString);
        List<JsonObject> items = log.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), log::toString);
        assertEquals(Long.toString(id), items.get(0).getString("targetId"));
        assertEquals("alert", items.get(0).getString("targetType"));
        assertTrue(items.get(0).getString("receiptNo").matches("W-\\d{4}-\\d{6}"), log::toString);
        assertFalse(log.body().contains("監査花子") || log.body().contains(ADDRESS), "no personal fields");

        Api.Reply newest = admin.get("api/v1/audit?size=5");
        assertEquals(200, newest.status(), newest::toString);
        List<JsonObject> recent = newest.json().getJsonArray("items").getValuesAs(JsonObject.class);
        for (int i = 1; i < recent.size(); i++) {
            assertFalse(Instant.parse(recent.get(i - 1).getString("at")).isBefore(Instant.parse(recent.get(i).getString("at"))),
                    "newest first");
        }
        assertEquals(1, admin.get("api/v1/audit?actor=" + staff.username() + "&action=alert.read").json()
                .getJsonNumber("total").longValue());

        assertEquals(403, staff.api().get("api/v1/audit").status());
        assertEquals(403, anonymous.asDemo("partner").get("api/v1/audit").status());
        assertEquals(Set.of("from", "size"), fields(core.get("api/v1/audit?from=2026-02-30&size=1000")));
    }

    /** A browser-like client with cookies that signs in through the login form. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        final URI root = Api.loopback(base);

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        Browser login(String user, String password) throws Exception {
            String page = get("login?next=" + Api.q("/staff/")).body();
            Matcher form = Pattern.compile("<form id=\"login\"[^>]*action=\"([^\"]+)\"").matcher(page);
            assertTrue(form.find(), page);
            StringBuilder body = new StringBuilder();
            Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(page);
            while (hidden.find()) {
                body.append(Api.q(hidden.group(1))).append('=')
                        .append(Api.q(hidden.group(2).replace("&#47;", "/").replace("&amp;", "&"))).append('&');
            }
            body.append("username=").append(Api.q(user)).append("&password=").append(Api.q(password))
                    .append("&submit=").append(Api.q("ログイン"));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(root.resolve(form.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, r.statusCode(), r.body());
            return this;
        }
    }

    @Test
    void the_pages_show_a_table_a_chart_and_a_csv_download_with_the_page_login() throws Exception {
        Account staff = staffOf(CENTER);
        file("[\"appearance\"]", "");
        Browser browser = new Browser().login(staff.username(), staff.password());
        HttpResponse<String> page = browser.get("staff/stats?groupBy=anomaly");
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<table class=\"figures\""), html);
        assertTrue(html.contains("<caption>") && html.contains("scope=\"col\"") && html.contains("scope=\"row\""), html);
        assertTrue(html.contains("季節に合わない服装・身なりの乱れ"), "the anomaly's label in the table");
        assertTrue(html.contains("<canvas") && html.contains("aria-label=\"月別の通報件数の棒グラフ"), "the chart, labelled");
        assertTrue(html.contains("for=\"from\"") && html.contains("for=\"to\""), "labelled month inputs");
        Matcher link = Pattern.compile("href=\"([^\"]*/staff/stats\\.csv\\?[^\"]+)\"").matcher(html);
        assertTrue(link.find(), html);
        String csvPath = link.group(1).replace("&amp;", "&"); // absolute: the context path is in the link
        HttpResponse<byte[]> csv = browser.bytes(csvPath);
        assertEquals(200, csv.statusCode(), () -> text(csv.body()));
        assertEquals((byte) 0xEF, csv.body()[0], "BOM");
        assertTrue(text(csv.body()).contains("月,異変,異変コード,件数"), () -> text(csv.body()));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"alerts-"));

        HttpResponse<String> bad = browser.get("staff/stats?from=2026-13&groupBy=colour");
        assertEquals(200, bad.statusCode(), "a mistake is explained, nothing breaks");
        assertTrue(bad.body().contains("YYYY-MM の形式") && bad.body().contains("不明な集計軸"), bad.body());
        assertEquals(400, browser.bytes("staff/stats.csv?from=2026-13").statusCode());
        assertEquals(302, new Browser().get("staff/stats.csv").statusCode(), "the download needs the login");

        assertEquals(403, browser.get("staff/audit").statusCode(), "staff may not read the audit log");
        Browser core = new Browser().login("core", Api.DEMO_PASSWORD);
        HttpResponse<String> audit = core.get("staff/audit?action=alert.read");
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains("<caption id=\"audit-caption\">") && audit.body().contains("通報の閲覧"), audit.body());
        HttpResponse<String> wrong = core.get("staff/audit?from=yesterday");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("YYYY-MM-DD の形式"), wrong.body());
    }

    @Test
    void after_the_retention_period_personal_fields_are_gone_and_the_statistics_still_count_the_alert() throws Exception {
        Account staff = staffOf(CENTER);
        Api core = anonymous.asDemo("core");
        JsonObject before = stats(core, "center,outcome");
        long id = file("[\"smell_noise\"]", "\"personName\":\"保存太郎\",\"placeNote\":\"裏口\",");
        event(staff.api(), id, "{\"type\":\"acknowledge\"}");
        event(staff.api(), id, "{\"type\":\"note\",\"note\":\"長女に電話\"}");
        event(staff.api(), id, "{\"type\":\"resolve\",\"outcome\":\"connected_to_support\",\"note\":\"ケアマネにつないだ\"}");
        JsonObject detail = staff.api().get("api/v1/alerts/" + id).json();
        assertEquals("保存太郎", detail.getJsonObject("person").getString("name"), "kept until the period is over");

        long deadline = System.currentTimeMillis() + 60_000;
        while (!detail.containsKey("anonymisedAt") && System.currentTimeMillis() < deadline) {
            Thread.sleep(2_000);
            detail = staff.api().get("api/v1/alerts/" + id).json();
        }
        JsonObject erased = detail;
        assertTrue(erased.containsKey("anonymisedAt"), erased::toString);
        assertEquals(MARKER, erased.getString("reporterName"));
        assertEquals(MARKER, erased.getString("reporterPhone"));
        assertEquals("ひだまり市桜ケ丘二丁目", erased.getString("address"), "the town only");
        assertFalse(erased.containsKey("person") || erased.containsKey("placeNote") || erased.containsKey("details"), erased::toString);
        assertTrue(erased.getJsonArray("events").getValuesAs(JsonObject.class).stream().noneMatch(e -> e.containsKey("note")),
                "timeline notes erased");
        assertFalse(erased.toString().contains("長女") || erased.toString().contains("保存太郎"));
        assertEquals("resolved", erased.getString("status"));
        assertEquals(JsonValue.ValueType.ARRAY, erased.get("anomalies").getValueType());
        assertEquals(409, staff.api().postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"note\",\"note\":\"追記\"}").status(),
                "no new personal text after the erasure");

        JsonObject after = stats(core, "center,outcome");
        assertEquals(1, sum(after, at(CENTER).and(is("outcome", "connected_to_support")))
                - sum(before, at(CENTER).and(is("outcome", "connected_to_support"))), "still counted");
        Api.Reply audit = admin.get("api/v1/audit?action=alert.anonymise&actor=system&size=100");
        assertTrue(audit.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("targetId").equals(Long.toString(id))), audit::toString);
        assertNotNull(erased.getString("receiptNo"));
    }
}
