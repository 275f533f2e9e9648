package org.tsunagu.notifications.entity;

import org.tsunagu.notifications.entity.AlreadySent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox back-off (configured, last step repeating), every attempt recorded, retry on demand. */
class NotificationTest {

    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    static Notification fresh(String recipient) {
        return new Notification("new", null, recipient, "s", "b", 1L, "W-2026-000001", Notification.Priority.INFO, T0);
    }

    @Test
    void failuresBackOffByTheDefaultThenKeepTryingEveryHalfHour() {
        Notification n = fresh(" center@example.invalid ");
        assertEquals("center@example.invalid", n.getRecipient());
        assertEquals(T0, n.getNextAttemptAt(), "due at once");
        long[] minutes = {1, 5, 30, 30, 30};
        Instant at = T0;
        for (int i = 0; i < minutes.length; i++) {
            NotificationAttempt attempt = n.failed(at, "connection refused", Backoff.DEFAULT);
            assertEquals(at.plus(Duration.ofMinutes(minutes[i])), n.getNextAttemptAt());
            assertEquals(i + 1, n.getAttempts());
            assertEquals(i + 1, attempt.getNumber(), "attempts are numbered from 1");
            assertEquals(NotificationAttempt.Outcome.FAILED, attempt.getOutcome());
            assertEquals(at, attempt.getAt());
            assertEquals("connection refused", attempt.getError());
            assertSame(n, attempt.getNotification());
            at = n.getNextAttemptAt();
        }
        NotificationAttempt last = n.sent(at);
        assertEquals(at, n.getSentAt());
        assertNull(n.getLastError());
        assertEquals(6, n.getAttempts());
        assertEquals(6, last.getNumber());
        assertEquals(NotificationAttempt.Outcome.SENT, last.getOutcome());
        assertNull(last.getError());
    }

    @Test
    void aConfiguredBackoffIsFollowedAndItsLastStepRepeats() {
        Notification n = fresh("c@example.invalid");
        Backoff seconds = Backoff.parse("PT1S,PT2S");
        n.failed(T0, "down", seconds);
        assertEquals(T0.plusSeconds(1), n.getNextAttemptAt());
        n.failed(T0.plusSeconds(1), "down", seconds);
        assertEquals(T0.plusSeconds(3), n.getNextAttemptAt());
        n.failed(T0.plusSeconds(3), "down", seconds);
        assertEquals(T0.plusSeconds(5), n.getNextAttemptAt(), "the last step repeats");
    }

    @Test
    void staffCanMakeAFailedNotificationDueNowButNotASentOne() {
        Notification n = fresh("c@example.invalid");
        n.failed(T0, "down", Backoff.DEFAULT);
        Instant later = T0.plusSeconds(10);
        n.retryNow(later);
        assertEquals(later, n.getNextAttemptAt());
        assertEquals(1, n.getAttempts(), "a retry request is not an attempt");
        n.sent(later);
        assertTrue(n.isSent());
        assertThrows(AlreadySent.class, () -> n.retryNow(later));
        assertThrows(AlreadySent.class, () -> n.failed(later, "x", Backoff.DEFAULT));
        assertThrows(AlreadySent.class, () -> n.sent(later));
        assertEquals(2, n.getAttempts());
    }

    @Test
    void longErrorsAreCutToOneLineAndBlankRecipientsAreNone() {
        Notification n = fresh(" ");
        assertNull(n.getRecipient());
        assertFalse(n.isSent());
        NotificationAttempt a = n.failed(T0, "x".repeat(900), Backoff.DEFAULT);
        assertEquals(Notification.MAX_ERROR, n.getLastError().length());
        assertEquals(n.getLastError(), a.getError());
        n.failed(T0, "Couldn't connect\n  nested:\tConnectException", Backoff.DEFAULT);
        assertEquals("Couldn't connect nested: ConnectException", n.getLastError());
        n.failed(T0, null, Backoff.DEFAULT);
        assertEquals("unknown", n.getLastError());
    }
}
