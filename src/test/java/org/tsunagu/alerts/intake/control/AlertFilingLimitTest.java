package org.tsunagu.alerts.intake.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hourly filing limit of an organisation: under it nothing waits; at it, until the window's first alert leaves. */
class AlertFilingLimitTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void under_the_limit_an_alert_is_admitted() {
        assertEquals(OptionalLong.empty(), AlertIntake.retryAfter(0, null, NOW, 1000));
        assertEquals(OptionalLong.empty(), AlertIntake.retryAfter(999, NOW.minusSeconds(3000), NOW, 1000));
    }

    @Test
    void at_the_limit_the_wait_is_until_the_first_alert_of_the_hour_leaves_it() {
        Instant first = NOW.minus(Duration.ofMinutes(50));
        assertEquals(OptionalLong.of(601), AlertIntake.retryAfter(1000, first, NOW, 1000), "10 minutes, rounded up");
        assertEquals(OptionalLong.of(601), AlertIntake.retryAfter(5000, first, NOW, 1000), "beyond it alike");
    }

    @Test
    void the_wait_is_never_below_one_second() {
        assertEquals(OptionalLong.of(1), AlertIntake.retryAfter(3, NOW.minus(Duration.ofHours(1)), NOW, 3));
        assertEquals(OptionalLong.of(3601), AlertIntake.retryAfter(3, null, NOW, 3), "no first alert known: a whole hour");
    }
}
