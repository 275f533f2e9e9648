package org.tsunagu.alerts.boundary;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
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
 * A filed alert reaches its center by email through the outbox (GreenMail on 127.0.0.1:3025, the
 * port the build gives the portal): receipt number, urgency, center and a link, no personal data.
 */
class NotificationsIT extends PortalIT {

    static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
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
}
