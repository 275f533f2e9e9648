package org.tsunagu.notifications.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TSUNAGU_NOTIFICATIONS_BACKOFF: ISO-8601 durations, comma separated, the last one repeats; nonsense refused. */
class BackoffTest {

    @Test
    void theDefaultIsOneFiveThirtyMinutes() {
        assertEquals(Backoff.parse("PT1M,PT5M,PT30M"), Backoff.DEFAULT);
        assertEquals("PT1M,PT5M,PT30M", Backoff.DEFAULT.toString());
    }

    @Test
    void stepsAreTakenInOrderAndTheLastRepeats() {
        Backoff b = Backoff.parse(" PT10S , PT2M,PT1H ");
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofHours(1)), b.steps());
        assertEquals(Duration.ofSeconds(10), b.after(1));
        assertEquals(Duration.ofMinutes(2), b.after(2));
        assertEquals(Duration.ofHours(1), b.after(3));
        assertEquals(Duration.ofHours(1), b.after(1000));
        assertEquals(Duration.ofMinutes(5), Backoff.parse("PT5M").after(7), "a single step repeats from the start");
    }

    @Test
    void malformedOrNonPositiveValuesAreRefusedWithTheOffendingPart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backoff.parse("PT1M,5 minutes"));
        assertTrue(e.getMessage().contains("5 minutes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backoff.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Backoff.parse("PT1M,,PT5M"));
        assertThrows(IllegalArgumentException.class, () -> Backoff.parse("PT0S"));
        assertThrows(IllegalArgumentException.class, () -> Backoff.parse("-PT1M"));
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.after(0));
    }
}
