package org.tsunagu.alerts.entity;

import org.junit.jupiter.api.Test;
import org.tsunagu.areas.entity.GeoPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a complete report, shared by the API and the partner form. */
class ReportTest {

    static final Instant NOW = Instant.parse("2026-11-23T00:40:00Z");

    static Report report(String address, GeoPoint point, Instant observed, Urgency urgency, Set<Anomaly> anomalies,
                         String other, String details, String name, String phone) {
        return new Report("k", address, null, point, observed, urgency, anomalies, other, null, details, name, phone);
    }

    @Test
    void a_complete_report_has_no_problems() {
        Report r = report("若葉2-3-5", null, NOW.minusSeconds(600), Urgency.URGENT, EnumSet.of(Anomaly.NOT_SEEN), null, null,
                "配達員", "090");
        assertTrue(r.problems(NOW).isEmpty());
        r.validate();
    }

    @Test
    void everything_missing_is_named_field_by_field() {
        Map<String, String> p = report(" ", null, null, null, EnumSet.noneOf(Anomaly.class), null, null, "", null).problems(NOW);
        assertEquals(Set.of("urgency", "anomalies", "address", "observedAt", "reporterName", "reporterPhone"), p.keySet());
        assertTrue(p.values().stream().allMatch(m -> m.chars().anyMatch(c -> c > 0x3000)), "messages are Japanese");
        assertThrows(IllegalArgumentException.class,
                () -> report(null, null, null, null, Set.of(), null, null, null, null).validate());
    }

    @Test
    void a_point_replaces_the_address_and_other_needs_words() {
        Report located = report(null, new GeoPoint(35.7, 139.6), NOW, Urgency.INFO, EnumSet.of(Anomaly.OTHER), null, null,
                "配達員", "090");
        assertEquals(Set.of("otherAnomaly"), located.problems(NOW).keySet());
        Report explained = report(null, new GeoPoint(35.7, 139.6), NOW, Urgency.INFO, EnumSet.of(Anomaly.OTHER), "玄関が開いたまま",
                null, "配達員", "090");
        assertTrue(explained.problems(NOW).isEmpty());
    }

    @Test
    void a_phone_clock_may_be_a_little_ahead_but_not_more() {
        Report slightlyAhead = report("若葉", null, NOW.plus(Duration.ofMinutes(5)), Urgency.INFO, EnumSet.of(Anomaly.NOT_SEEN),
                null, null, "a", "b");
        assertFalse(slightlyAhead.problems(NOW).containsKey("observedAt"));
        Report future = report("若葉", null, NOW.plus(Duration.ofHours(2)), Urgency.INFO, EnumSet.of(Anomaly.NOT_SEEN),
                null, null, "a", "b");
        assertEquals("気づいた日時が未来になっています", future.problems(NOW).get("observedAt"));
    }

    @Test
    void texts_longer_than_their_columns_are_named() {
        Report r = report("若".repeat(301), null, NOW, Urgency.INFO, EnumSet.of(Anomaly.NOT_SEEN), null, "x".repeat(4001),
                "配達員", "0".repeat(41));
        assertEquals(Set.of("address", "details", "reporterPhone"), r.problems(NOW).keySet());
    }

    @Test
    void the_text_never_shows_personal_data() {
        assertEquals("Report[redacted]", report("若葉2-3-5", null, NOW, Urgency.INFO, Set.of(Anomaly.NOT_SEEN), null, "秘密",
                "配達員", "090").toString());
    }
}
