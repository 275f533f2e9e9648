package org.tsunagu.alerts.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.alerts.entity.Urgency;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Acknowledgement deadlines, including the next business day across weekends, 祝日 and 年末年始. */
class AlertSlaTest {

    static final AlertSla SLA = new AlertSla(Duration.ofMinutes(10), Duration.ofMinutes(60));

    @Test
    void emergencyAndUrgentCountMinutes() {
        Instant filed = Instant.parse("2026-11-23T01:00:00Z");
        assertEquals(Instant.parse("2026-11-23T01:10:00Z"), SLA.deadline(Urgency.EMERGENCY, filed));
        assertEquals(Instant.parse("2026-11-23T02:00:00Z"), SLA.deadline(Urgency.URGENT, filed));
    }

    @Test
    void informationIsDueAtFiveOnTheNextBusinessDay() {
        // Friday 2026-11-20 10:00 JST → Monday 11-23 is 勤労感謝の日 → Tuesday 11-24 17:00 JST
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), SLA.deadline(Urgency.INFO, Instant.parse("2026-11-20T01:00:00Z")));
        assertEquals(LocalDate.of(2027, 1, 4), AlertSla.nextBusinessDay(LocalDate.of(2026, 12, 28)), "年末年始");
        assertEquals(LocalDate.of(2026, 9, 24), AlertSla.nextBusinessDay(LocalDate.of(2026, 9, 18)), "敬老の日, 国民の休日, 秋分の日");
        assertEquals(LocalDate.of(2026, 11, 26), AlertSla.nextBusinessDay(LocalDate.of(2026, 11, 25)));
    }
}
