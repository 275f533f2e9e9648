package org.tsunagu.mail;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With tsunagu.smtp.starttls the mail session requires STARTTLS instead of only trying it. */
class MailTest {

    @Test
    void starttls_when_enabled_is_required() {
        Properties p = Mail.sessionProperties("smtp.example.jp", 587, true, true);
        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"), "no fallback to plain text");
        assertEquals("true", p.getProperty("mail.smtp.auth"));
        assertEquals("587", p.getProperty("mail.smtp.port"));
    }

    @Test
    void without_starttls_plain_smtp_as_configured() {
        Properties p = Mail.sessionProperties("127.0.0.1", 25, false, false);
        assertEquals("false", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("false", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("false", p.getProperty("mail.smtp.auth"));
        assertEquals("5000", p.getProperty("mail.smtp.timeout"));
    }
}
