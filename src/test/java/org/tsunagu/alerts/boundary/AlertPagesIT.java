package org.tsunagu.alerts.boundary;

import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.FacesSession.Page;
import org.tsunagu.PortalIT;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert pages over HTTP, for what a browser test cannot show: the same confirmed form sent
 * twice (double tap, reload, retry) files one alert; the partner's pages show status only; staff
 * of another center cannot open an alert's page; the 未送信 list is for core staff only.
 */
class AlertPagesIT extends PortalIT {

    FacesSession as(String user) {
        return FacesSession.loggedIn(Api.loopback(base), user, Api.DEMO_PASSWORD);
    }

    @Test
    void the_same_form_sent_twice_files_one_alert() {
        FacesSession partner = as("partner");
        Page form = partner.get("partner/report");
        assertEquals(200, form.status());
        String placeNote = "二重送信" + UUID.randomUUID().toString().substring(0, 8);
        Page confirm = partner.post(form, "report", Map.of("report:urgency", "info",
                "report:anomalies", List.of("laundry_left", "shutters_closed"), "report:address", "ひだまり市若葉2-3-5",
                "report:placeNote", placeNote, "report:personName", "見守 太郎"), "report:review");
        assertTrue(confirm.contains("report:send"), "the confirmation step comes before anything is filed");
        Page first = partner.post(confirm, "report", Map.of(), "report:send");
        Page second = partner.post(confirm, "report", Map.of(), "report:send");
        String receipt = first.text("receipt-no");
        assertNotNull(receipt, first::html);
        assertEquals(receipt, second.text("receipt-no"), "the second send shows the first alert's receipt");
        assertTrue(first.uri().getQuery().contains(receipt), "the receipt is its own GET page (a reload files nothing)");
        String mine = anonymous.asDemo("partner").get("api/v1/alerts/mine").body();
        assertEquals(1, count(mine, receipt), "one alert for two sends");

        // the preference links of a posted page never carry the form's fields
        assertFalse(confirm.html().contains(enc(placeNote)) || confirm.html().contains("report%3AplaceNote"),
                "posted personal data must not end up in links");
    }

    @Test
    void a_retry_from_the_unsent_page_is_audited() throws InterruptedException {
        // SMTP is not listening in this IT: the alert's email fails and waits on the 未送信 list
        Api.Reply filed = anonymous.asDemo("partner").postJson("api/v1/alerts", "{\"address\":\"ひだまり市若葉2-3-5\","
                + "\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"no_response\"],\"urgency\":\"info\","
                + "\"reporterName\":\"配達員\",\"reporterPhone\":\"090-1111-2222\"}");
        assertEquals(201, filed.status(), filed::toString);
        String receipt = filed.json().getString("receiptNo");
        FacesSession core = as("core");
        Page unsent = core.get("staff/unsent");
        for (int i = 0; i < 60 && !unsent.contains(receipt); i++) {
            Thread.sleep(500);
            unsent = core.get("staff/unsent");
        }
        assertTrue(unsent.contains(receipt), "the failed email is listed");
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(receipt)
                + "(?:(?!</tr>).)*?name=\"notification\" value=\"([0-9]+)\"", java.util.regex.Pattern.DOTALL).matcher(unsent.html());
        assertTrue(row.find(), "a retry button on the alert's row");
        String notification = row.group(1);
        String form = FacesSession.formContaining(unsent, "value=\"" + notification + "\"");
        core.post(unsent, form, Map.of(), form + ":go");
        String audit = anonymous.asDemo("admin").get("api/v1/audit?action=notification.retry&size=100").body();
        assertTrue(audit.contains("\"targetId\":\"" + notification + "\"") && audit.contains("\"actor\":\"core\""),
                () -> "the page's retry is in the audit log: " + audit);
    }

    @Test
    void partners_see_status_only_and_other_centers_see_nothing() {
        Api partnerApi = anonymous.asDemo("partner");
        String secret = "職員メモ" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply filed = partnerApi.postJson("api/v1/alerts", "{\"address\":\"ひだまり市若葉2-3-5\",\"observedAt\":\"2026-11-23T09:40:00+09:00\","
                + "\"anomalies\":[\"unwell\"],\"urgency\":\"urgent\",\"personName\":\"若葉 はな\",\"reporterName\":\"配達員\",\"reporterPhone\":\"090-1111-2222\"}");
        assertEquals(201, filed.status(), filed::toString);
        long id = filed.json().getJsonNumber("id").longValue();
        String receipt = filed.json().getString("receiptNo");

        FacesSession core = as("core");
        Page detail = core.get("staff/alert?id=" + id);
        assertTrue(detail.contains("若葉 はな"), "staff of the municipality read the personal fields");
        Page acknowledged = core.post(detail, "acknowledge", Map.of(), "acknowledge:go");
        assertEquals("確認済み", acknowledged.text("alert-status"), acknowledged::html);
        Page noted = core.post(acknowledged, "note", Map.of("note:kind", "訪問", "note:text", secret), "note:go");
        assertTrue(noted.contains(secret));
        Page again = core.post(detail, "acknowledge", Map.of(), "acknowledge:go");
        // a stale page pressed again: the page shows the alert as it is now, the timeline has one acknowledgement
        assertEquals("確認済み", again.text("alert-status"), again::html);
        assertEquals(1, count(again.html(), "<strong>確認</strong>"), "acknowledged once");
        Page unresolved = core.post(noted, "resolve", Map.of("resolve:outcome", ""), "resolve:go");
        assertTrue(unresolved.contains("結果を選んでください"), unresolved::html);

        FacesSession partner = as("partner");
        Page history = partner.get("partner/");
        assertTrue(history.contains(receipt) && history.contains("確認中"), "the partner sees the status");
        assertFalse(history.contains(secret), "never staff notes");
        Page receiptPage = partner.get("partner/receipt?no=" + receipt);
        assertEquals(receipt, receiptPage.text("receipt-no"));
        assertFalse(receiptPage.contains(secret));

        // staff of another center: the page does not reveal the alert; the 未送信 list is not theirs
        String username = "minami" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Minami-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"staff\",\"centerCode\":\"hidamari-minami1\",\"displayName\":\"南 一郎\"}").status());
        FacesSession minami = FacesSession.loggedIn(Api.loopback(base), username, password);
        Page foreign = minami.get("staff/alert?id=" + id);
        assertFalse(foreign.contains("若葉 はな"));
        assertTrue(foreign.contains("通報が見つかりません"));
        assertFalse(minami.get("staff/alerts").contains(receipt), "the board lists only the own center's alerts");
        assertTrue(minami.get("staff/unsent").contains("基幹型センターの職員と管理者だけ"));
        assertEquals(403, minami.get("partner/").status(), "staff are not partners");
        assertEquals(403, partner.get("staff/alerts").status(), "partners are not staff");

        // after a transfer both centers see the timeline; only the new one acts
        Page moved = core.post(core.get("staff/alert?id=" + id), "transfer",
                Map.of("transfer:to", "hidamari-minami1", "transfer:reason", "担当地域の境界のため"), "transfer:go");
        assertTrue(moved.contains("担当地域の境界のため"), moved::html);
        Page atMinami = minami.get("staff/alert?id=" + id);
        assertTrue(atMinami.contains("若葉 はな") && atMinami.contains("acknowledge:go"), "the new center acts on it");
        assertTrue(minami.get("staff/alerts").contains(receipt));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
