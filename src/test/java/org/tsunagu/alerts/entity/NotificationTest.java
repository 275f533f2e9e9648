package org.tsunagu.alerts.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The outbox back-off: 1, 5, 30 minutes, then every 30; every attempt counted. */
class NotificationTest {

    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void failuresBackOffThenKeepTryingEveryHalfHour() {
        Notification n = new Notification(null, "new", " center@example.invalid ", "s", "b", T0);
        assertEquals("center@example.invalid", n.getRecipient());
        assertEquals(T0, n.getNextAttemptAt(), "due at once");
        long[] minutes = {1, 5, 30, 30, 30};
        Instant at = T0;
        for (int i = 0; i < minutes.length; i++) {
            n.failed(at, "connection refused");
            assertEquals(at.plus(Duration.ofMinutes(minutes[i])), n.getNextAttemptAt());
            assertEquals(i + 1, n.getAttempts());
            at = n.getNextAttemptAt();
        }
        n.sent(at);
        assertEquals(at, n.getSentAt());
        assertNull(n.getLastError());
        assertEquals(6, n.getAttempts());
    }

    @Test
    void longErrorsAreCutAndBlankRecipientsAreNone() {
        Notification n = new Notification(null, "new", " ", "s", "b", T0);
        assertNull(n.getRecipient());
        n.failed(T0, "x".repeat(900));
        assertEquals(500, n.getLastError().length());
    }
}
