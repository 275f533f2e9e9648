package org.tsunagu.notifications.boundary;

import org.tsunagu.alerts.boundary.AlertsIT;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A filed alert reaches its center by email through the outbox (GreenMail on 127.0.0.1, on the port
 * the build chose for this failsafe fork and gives the fork's portal as tsunagu.smtp.port): receipt number, urgency, center and a link, no personal data.
 * When the mail server is down the email waits on the 未送信 list and is retried (back-off 1 s, 2 s
 * in the ITs) until it gets through. Tests do not depend on each other's order.
 */
public class NotificationsIT extends PortalIT {

    static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("tsunagu.it.smtp.port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    /** A test that stopped the server leaves one running for the next, whatever the order. */
    @AfterEach
    void smtpRunsAgain() {
        if (!smtp.isRunning()) {
            startSmtp();
        }
    }

    static Optional<MimeMessage> awaitMail(String subjectPart, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Optional<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().contains(subjectPart);
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    public static String text(MimeMessage m) throws Exception {
        String body = GreenMailUtil.getBody(m);
        return new String(jakarta.mail.internet.MimeUtility.decode(
                new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                m.getEncoding() == null ? "7bit" : m.getEncoding()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The 未送信 entry for a receipt number, waiting up to {@code millis} for it to satisfy {@code until}. */
    static Optional<JsonObject> awaitUnsent(Api core, String receipt, long millis, java.util.function.Predicate<Optional<JsonObject>> until)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        Optional<JsonObject> entry;
        do {
            Api.Reply r = core.get("api/v1/notifications/unsent");
            assertEquals(200, r.status(), r::toString);
            entry = r.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getString("receiptNo", "").equals(receipt)).findFirst();
            if (until.test(entry)) {
                return entry;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return entry;
    }

    @Test
    void smtp_down_then_up_the_alert_waits_on_the_unsent_list_then_is_delivered() throws Exception {
        smtp.stop();
        Api partner = anonymous.asDemo("partner");
        Api core = anonymous.asDemo("core");
        Api.Reply filed = partner.postJson("api/v1/alerts", AlertsIT.body("ひだまり市若葉2-3-5",
                "\"personName\":\"高橋ミツ\",\"placeNote\":\"1階奥\","));
        assertEquals(201, filed.status(), filed::toString);
        String receipt = filed.json().getString("receiptNo");

        Optional<JsonObject> waiting = awaitUnsent(core, receipt, 20_000,
                e -> e.isPresent() && e.get().getInt("attempts") >= 2);
        assertTrue(waiting.isPresent(), "on the 未送信 list while the mail server is down: " + receipt);
        JsonObject entry = waiting.get();
        assertTrue(entry.getInt("attempts") >= 2, "retried by the back-off (1 s, 2 s in the ITs): " + entry);
        assertFalse(entry.getString("lastError").isBlank(), entry::toString);
        assertEquals("new", entry.getString("kind"));
        assertEquals("hidamari-kita1", entry.getJsonObject("center").getString("code"));
        assertEquals(filed.json().getJsonNumber("id").longValue(), entry.getJsonNumber("alertId").longValue());
        assertTrue(entry.containsKey("nextAttemptAt") && entry.containsKey("createdAt"), entry::toString);
        String listed = core.get("api/v1/notifications/unsent").body();
        for (String personal : new String[]{"高橋ミツ", "若葉2-3-5", "1階奥", "新聞が3日分", "80代女性", "山田", "099-000-0000"}) {
            assertFalse(listed.contains(personal), "no personal data on the list: " + personal);
        }
        assertEquals(403, anonymous.asDemo("staff").get("api/v1/notifications/unsent").status(), "core and admin only");
        assertEquals(403, partner.get("api/v1/notifications/unsent").status());
        assertEquals(200, admin.get("api/v1/notifications/unsent").status());
        long id = entry.getJsonNumber("id").longValue();
        Api.Reply retried = core.postJson("api/v1/notifications/" + id + "/retry", "");
        assertEquals(200, retried.status(), retried::toString);

        startSmtp();
        Optional<MimeMessage> mail = awaitMail(receipt, 20_000);
        assertTrue(mail.isPresent(), "delivered once the mail server is back: " + receipt);
        String text = text(mail.get());
        assertTrue(text.contains(receipt), text);
        for (String personal : new String[]{"高橋ミツ", "若葉2-3-5", "1階奥", "新聞が3日分", "80代女性", "山田", "099-000-0000"}) {
            assertFalse(text.contains(personal) || mail.get().getSubject().contains(personal), "no personal data: " + personal);
        }
        Optional<JsonObject> gone = awaitUnsent(core, receipt, 10_000, Optional::isEmpty);
        assertTrue(gone.isEmpty(), "no longer unsent: " + gone);

        Api.Reply detail = core.get("api/v1/notifications/" + id);
        assertEquals(200, detail.status(), detail::toString);
        var history = detail.json().getJsonArray("history").getValuesAs(JsonObject.class);
        assertTrue(history.size() >= 3, "every attempt recorded: " + history);
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i + 1, history.get(i).getInt("attempt"), history::toString);
            boolean last = i == history.size() - 1;
            assertEquals(last ? "sent" : "failed", history.get(i).getString("outcome"), history::toString);
            assertEquals(!last, history.get(i).containsKey("error"), history::toString);
        }
        assertEquals(history.size(), detail.json().getInt("attempts"));
        assertTrue(detail.json().containsKey("sentAt"), detail::toString);
        Api.Reply again = core.postJson("api/v1/notifications/" + id + "/retry", "");
        assertEquals(409, again.status(), "a sent notification is not retried: " + again);
        assertTrue(again.isProblem(), again::toString);
        assertEquals(404, core.postJson("api/v1/notifications/999999999/retry", "").status());
    }

    @Test
    void an_unacknowledged_emergency_is_escalated_to_the_core_center() throws Exception {
        Api partner = anonymous.asDemo("partner");
        Api.Reply filed = partner.postJson("api/v1/alerts", AlertsIT.body("ひだまり市若葉2-3-5", "")
                .replace("\"urgency\":\"urgent\"", "\"urgency\":\"emergency\""));
        assertEquals(201, filed.status(), filed::toString);
        String receipt = filed.json().getString("receiptNo");
        Optional<MimeMessage> escalation = awaitMail("未確認の見守り通報 " + receipt, 30_000);
        assertTrue(escalation.isPresent(), "escalation email for " + receipt);
        assertEquals("kikan@example.invalid", escalation.get().getAllRecipients()[0].toString(), "to the core center");
        Api.Reply detail = anonymous.asDemo("core").get("api/v1/alerts/" + filed.json().getJsonNumber("id").longValue());
        assertTrue(detail.json().getBoolean("escalated"), detail::toString);
    }

    @Test
    void the_center_gets_an_email_without_personal_data() throws Exception {
        Api partner = anonymous.asDemo("partner");
        Api.Reply filed = partner.postJson("api/v1/alerts", AlertsIT.body("ひだまり市若葉2-3-5",
                "\"personName\":\"鈴木タロウ\",\"placeNote\":\"2階角部屋\","));
        assertEquals(201, filed.status(), filed::toString);
        String receipt = filed.json().getString("receiptNo");
        long deadline = System.currentTimeMillis() + 30_000;
        Optional<MimeMessage> mail = Optional.empty();
        while (mail.isEmpty() && System.currentTimeMillis() < deadline) {
            mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().contains(receipt);
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).findFirst();
            Thread.sleep(200);
        }
        assertTrue(mail.isPresent(), "an email for " + receipt + " within 30 s");
        MimeMessage m = mail.get();
        assertEquals("wakaba@example.invalid", m.getAllRecipients()[0].toString(), "the responsible center's address");
        String body = GreenMailUtil.getBody(m);
        String text = new String(jakarta.mail.internet.MimeUtility.decode(
                new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                m.getEncoding() == null ? "7bit" : m.getEncoding()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains(receipt) && text.contains("当日中に確認"), text);
        for (String personal : new String[]{"鈴木タロウ", "若葉2-3-5", "2階角部屋", "新聞が3日分", "80代女性", "山田", "099-000-0000"}) {
            assertFalse(text.contains(personal) || m.getSubject().contains(personal), "no personal data: " + personal);
        }
    }

    /**
     * After an outage a backlog of information mails does not hold back an emergency filed after them:
     * the outbox sends by priority, in one SMTP session per round, and the 未送信 page shows the backlog.
     * (NotificationPriorityTest runs the same order on 2,000 seeded rows; MailBatchTest the one session.)
     */
    @Test
    void after_an_outage_an_emergency_goes_before_the_backlog_of_information_mails() throws Exception {
        smtp.stop();
        Api partner = AlertsIT.newPartner(admin, anonymous, "滞留テスト配送");
        String info = AlertsIT.body("ひだまり市若葉2-3-5", "").replace("\"urgency\":\"urgent\"", "\"urgency\":\"info\"");
        java.util.Set<String> backlog = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                replies.add(pool.submit(() -> partner.postJson("api/v1/alerts", info)));
            }
            for (var f : replies) {
                Api.Reply r = f.get();
                assertEquals(201, r.status(), r::toString);
                backlog.add(r.json().getString("receiptNo"));
            }
        } finally {
            pool.shutdownNow();
        }
        Api.Reply emergency = partner.postJson("api/v1/alerts", info.replace("\"urgency\":\"info\"", "\"urgency\":\"emergency\""));
        assertEquals(201, emergency.status(), emergency::toString);
        String receipt = emergency.json().getString("receiptNo");
        Api core = anonymous.asDemo("core");
        assertTrue(awaitUnsent(core, receipt, 20_000, e -> e.isPresent() && e.get().getInt("attempts") >= 1).isPresent(),
                "the emergency was tried during the outage, like the backlog before it");

        org.tsunagu.FacesSession.Page page = org.tsunagu.FacesSession.loggedIn(Api.loopback(base), "core", Api.DEMO_PASSWORD)
                .get("staff/unsent");
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("送信待ちのメール: ([0-9,]+) 件（最も古いものは ([^、]+) 作成、([0-9,]+) 分")
                .matcher(page.html());
        assertTrue(size.find(), "the backlog's size and age on the 未送信 page: " + page.html());
        assertTrue(Integer.parseInt(size.group(1).replace(",", "")) >= 61, size.group());

        startSmtp();
        Optional<MimeMessage> mail = awaitMail(receipt, 10_000);
        assertTrue(mail.isPresent(), "the emergency is emailed within seconds of the server's return: " + receipt);
        int before = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains(receipt)) {
                break;
            }
            String subject = m.getSubject();
            before += backlog.stream().anyMatch(subject::contains) ? 1 : 0;
        }
        assertTrue(before <= 5, "the information mails filed before it wait behind it: " + before + " sent first");
        for (String r : backlog) {
            assertTrue(awaitMail(r, 30_000).isPresent(), "the backlog follows: " + r);
        }
    }
}
