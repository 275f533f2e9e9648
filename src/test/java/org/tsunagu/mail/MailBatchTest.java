package org.tsunagu.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backlog goes out through one SMTP session per batch (GreenMail on loopback), not one connection
 * and handshake per mail; an unreachable server costs one connection attempt per batch, not one per mail.
 */
class MailBatchTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Mail mail(int port) {
        Mail m = new Mail();
        m.host = "127.0.0.1";
        m.port = port;
        m.user = Optional.empty();
        m.password = Optional.empty();
        m.starttls = false;
        m.from = "tsunagu@localhost";
        m.publicAddress = new org.tsunagu.web.PublicAddress("http://127.0.0.1:8080");
        m.configure();
        return m;
    }

    @Test
    void a_batch_of_two_hundred_mails_uses_one_connection() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Mail mail = mail(port);
            long started = System.nanoTime();
            try (Mail.Batch batch = mail.batch()) {
                for (int i = 0; i < 200; i++) {
                    batch.send("center" + (i % 7) + "@example.invalid", "【つなぐ】見守り通報 W-2026-" + i, "受付番号: " + i);
                }
                assertEquals(1, batch.connections(), "one SMTP session for the batch");
            }
            assertTrue(smtp.waitForIncomingEmail(10_000, 200), "all 200 delivered");
            assertEquals(200, smtp.getReceivedMessages().length);
            assertEquals("【つなぐ】見守り通報 W-2026-0", smtp.getReceivedMessages()[0].getSubject(), "in the order sent");
            assertTrue(System.nanoTime() - started < 30_000_000_000L, "well within the minute");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void an_unreachable_server_is_tried_once_per_batch() throws Exception {
        Mail mail = mail(freePort()); // nothing listens there
        try (Mail.Batch batch = mail.batch()) {
            MessagingException first = assertThrows(MessagingException.class, () -> batch.send("a@example.invalid", "s", "b"));
            for (int i = 0; i < 50; i++) {
                MessagingException again = assertThrows(MessagingException.class, () -> batch.send("b@example.invalid", "s", "b"));
                assertSame(first, again, "the same failure, no new attempt");
            }
            assertEquals(1, batch.connections());
        }
    }

    @Test
    void a_mail_without_a_recipient_fails_alone() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Mail.Batch batch = mail(port).batch()) {
            assertThrows(MessagingException.class, () -> batch.send(null, "s", "b"));
            batch.send("c@example.invalid", "s", "b");
            assertTrue(smtp.waitForIncomingEmail(5_000, 1));
        } finally {
            smtp.stop();
        }
    }
}
