package org.tsunagu.notifications.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnsentPageTest {

    @Test
    void the_last_error_is_shown_without_java_class_names() {
        assertEquals("Couldn't connect to host, port: 127.0.0.1, 25; timeout 5000 (Connection refused)",
                UnsentPage.readable("MailConnectException: Couldn't connect to host, port: 127.0.0.1, 25; timeout 5000"
                        + " (ConnectException: Connection refused)"));
        assertEquals("the center has no notification address",
                UnsentPage.readable("MessagingException: the center has no notification address"));
        assertEquals("550 mailbox unavailable", UnsentPage.readable("jakarta.mail.SendFailedException: 550 mailbox unavailable"));
        assertEquals("", UnsentPage.readable(null));
    }
}
