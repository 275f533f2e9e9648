package org.tsunagu.accounts.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-address login throttle: a sliding window of failures per address. */
class LoginThrottleTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15));

    @Test
    void an_address_may_fail_up_to_the_limit_then_waits_until_its_oldest_failure_leaves_the_window() {
        throttle.failed("10.0.0.1", T0);
        throttle.failed("10.0.0.1", T0.plusSeconds(60));
        assertTrue(throttle.retryAfter("10.0.0.1", T0.plusSeconds(61)).isEmpty(), "two of three");
        throttle.failed("10.0.0.1", T0.plusSeconds(120));
        assertEquals(Optional.of(Duration.ofMinutes(15).minusSeconds(121)), throttle.retryAfter("10.0.0.1", T0.plusSeconds(121)));
        assertTrue(throttle.retryAfter("10.0.0.1", T0.plus(Duration.ofMinutes(15)).minusSeconds(1)).isPresent());
        assertTrue(throttle.retryAfter("10.0.0.1", T0.plus(Duration.ofMinutes(15))).isEmpty(), "the oldest failure has left");
    }

    @Test
    void addresses_are_counted_apart() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1", T0);
        }
        assertTrue(throttle.retryAfter("10.0.0.1", T0).isPresent());
        assertTrue(throttle.retryAfter("10.0.0.2", T0).isEmpty());
        assertTrue(throttle.retryAfter("2001:db8::1", T0).isEmpty());
    }

    @Test
    void old_failures_are_forgotten() {
        throttle.failed("10.0.0.1", T0);
        throttle.failed("10.0.0.1", T0.plus(Duration.ofMinutes(10)));
        throttle.failed("10.0.0.1", T0.plus(Duration.ofMinutes(20)));
        assertTrue(throttle.retryAfter("10.0.0.1", T0.plus(Duration.ofMinutes(20))).isEmpty(), "only two in the last 15 minutes");
    }
}
