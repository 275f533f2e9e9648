package org.tsunagu.alerts.privacy.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** TSUNAGU_ALERT_RETENTION: a calendar period in Japan time, or an exact duration for tests. */
class AlertRetentionTest {

    static final Instant NOW = Instant.parse("2031-03-01T03:00:00Z"); // 12:00 JST

    @Test
    void a_calendar_period_counts_years_and_months_in_japan() {
        assertEquals(Instant.parse("2026-03-01T03:00:00Z"), AlertRetention.Limit.parse("P5Y").cutoff(NOW));
        // 2031-03-01 08:30 JST minus one month is 2031-02-01 08:30 JST
        assertEquals(Instant.parse("2031-01-31T23:30:00Z"),
                AlertRetention.Limit.parse("p1m").cutoff(Instant.parse("2031-02-28T23:30:00Z")));
    }

    @Test
    void an_exact_duration_allows_seconds() {
        assertEquals(NOW.minusSeconds(20), AlertRetention.Limit.parse("PT20S").cutoff(NOW));
        assertEquals(NOW.minusSeconds(2 * 86400 + 3 * 3600), AlertRetention.Limit.parse("P2DT3H").cutoff(NOW));
    }

    @Test
    void nonsense_zero_and_negative_values_are_refused() {
        for (String bad : new String[]{"", "5 years", "P0D", "PT0S", "P-1Y", "PT-5S", null}) {
            assertThrows(IllegalArgumentException.class, () -> AlertRetention.Limit.parse(bad), String.valueOf(bad));
        }
    }
}
