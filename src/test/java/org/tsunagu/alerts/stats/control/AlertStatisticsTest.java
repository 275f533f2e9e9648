package org.tsunagu.alerts.stats.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.alerts.stats.control.AlertStatistics.Dimension;
import org.tsunagu.alerts.stats.control.AlertStatistics.Fact;
import org.tsunagu.alerts.stats.control.AlertStatistics.Figures;
import org.tsunagu.alerts.stats.control.AlertStatistics.Query;
import org.tsunagu.alerts.stats.control.AlertStatistics.Row;
import org.tsunagu.alerts.entity.Anomaly;
import org.tsunagu.alerts.entity.Outcome;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monthly figures without a database: months in Japan time, grouping, exact medians, parameters. */
class AlertStatisticsTest {

    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final YearMonth NOW = YearMonth.of(2026, 9);

    long ids;

    Fact fact(String filedAt, Integer minutesToAck, String center, PartnerType type, Outcome outcome, Anomaly... anomalies) {
        Instant filed = Instant.parse(filedAt);
        return new Fact(++ids, filed, minutesToAck == null ? null : filed.plus(Duration.ofMinutes(minutesToAck)),
                center, center.equals("kita") ? "北センター" : "南センター", type, outcome, EnumSet.copyOf(Set.of(anomalies)));
    }

    static Query query(YearMonth from, YearMonth to, Dimension... dims) {
        return new Query(from, to, List.of(dims));
    }

    @Test
    void the_month_is_the_japan_time_month_of_filing() {
        List<Fact> facts = List.of(
                fact("2026-03-31T14:59:59Z", null, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN), // 23:59 JST: March
                fact("2026-03-31T15:00:00Z", null, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN), // 0:00 JST: April
                fact("2026-04-30T15:00:00Z", null, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN)); // May 1 JST
        Figures f = AlertStatistics.tabulate(query(APRIL, APRIL), facts);
        assertEquals(1, f.total().count());
        assertEquals(List.of(APRIL), f.rows().stream().map(Row::month).toList());
        assertEquals(1, f.rows().get(0).count());
    }

    @Test
    void without_dimensions_every_month_is_a_row_also_the_empty_ones() {
        List<Fact> facts = List.of(fact("2026-05-10T01:00:00Z", 10, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN));
        Figures f = AlertStatistics.tabulate(query(APRIL, YearMonth.of(2026, 6)), facts);
        assertEquals(List.of(0L, 1L, 0L), f.rows().stream().map(Row::count).toList());
        assertNull(f.rows().get(0).medianMinutesToAcknowledge(), "no acknowledged alert: no median");
        assertEquals(new BigDecimal("10.0"), f.rows().get(1).medianMinutesToAcknowledge());
        assertEquals(3, f.months().size());
    }

    @Test
    void grouped_by_anomaly_an_alert_counts_once_per_anomaly_but_once_in_the_totals() {
        List<Fact> facts = List.of(
                fact("2026-04-02T01:00:00Z", 5, "kita", PartnerType.NEWSPAPER, Outcome.SAFE_NO_ISSUE,
                        Anomaly.MAIL_PILING_UP, Anomaly.NO_RESPONSE),
                fact("2026-04-03T01:00:00Z", null, "kita", PartnerType.UTILITY, null, Anomaly.NO_RESPONSE));
        Figures f = AlertStatistics.tabulate(query(APRIL, APRIL, Dimension.ANOMALY), facts);
        assertEquals("mail_piling_up=1, no_response=2", f.rows().stream()
                .map(r -> r.values().get(Dimension.ANOMALY).code() + "=" + r.count()).collect(Collectors.joining(", ")));
        assertEquals(3, f.rows().stream().mapToLong(Row::count).sum());
        assertEquals(2, f.total().count(), "the totals count alerts");
        assertEquals(2, f.months().get(0).count());
        assertTrue(f.note().contains("異変ごとに1件"), f.note());
        assertTrue(!AlertStatistics.tabulate(query(APRIL, APRIL), facts).note().contains("異変ごとに"),
                "the anomaly note only when grouped by anomaly");
    }

    @Test
    void several_dimensions_give_one_row_per_combination_that_occurs_in_a_stable_order() {
        List<Fact> facts = List.of(
                fact("2026-04-02T01:00:00Z", 5, "minami", PartnerType.NEWSPAPER, Outcome.POLICE, Anomaly.NOT_SEEN),
                fact("2026-04-02T02:00:00Z", 7, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN),
                fact("2026-04-02T03:00:00Z", 9, "kita", PartnerType.NEWSPAPER, Outcome.SAFE_NO_ISSUE, Anomaly.NOT_SEEN),
                fact("2026-05-02T03:00:00Z", 9, "kita", PartnerType.DELIVERY, Outcome.SAFE_NO_ISSUE, Anomaly.NOT_SEEN));
        Figures f = AlertStatistics.tabulate(query(APRIL, YearMonth.of(2026, 5), Dimension.CENTER, Dimension.OUTCOME,
                Dimension.PARTNER_TYPE), facts);
        assertEquals(List.of(
                        "2026-04 kita safe_no_issue newspaper 1",
                        "2026-04 kita unresolved newspaper 1",
                        "2026-04 minami police newspaper 1",
                        "2026-05 kita safe_no_issue delivery 1"),
                f.rows().stream().map(r -> r.month() + " " + r.values().get(Dimension.CENTER).code() + " "
                        + r.values().get(Dimension.OUTCOME).code() + " " + r.values().get(Dimension.PARTNER_TYPE).code()
                        + " " + r.count()).toList());
        Row unresolved = f.rows().get(1);
        assertEquals("未対応", unresolved.values().get(Dimension.OUTCOME).label());
        assertEquals("北センター", unresolved.values().get(Dimension.CENTER).label());
        assertEquals("新聞販売", unresolved.values().get(Dimension.PARTNER_TYPE).label());
    }

    @Test
    void the_median_is_exact_the_middle_one_or_the_mean_of_the_two_middle_ones() {
        assertNull(AlertStatistics.medianMinutes(List.of()));
        assertEquals(new BigDecimal("7.0"), AlertStatistics.medianMinutes(minutes(30, 7, 1)));
        assertEquals(new BigDecimal("6.0"), AlertStatistics.medianMinutes(minutes(1, 5, 7, 600)));
        assertEquals(new BigDecimal("0.5"), AlertStatistics.medianMinutes(List.of(0L, 60_000L)));
        assertEquals(new BigDecimal("0.3"), AlertStatistics.medianMinutes(List.of(15_000L)), "15 s = 0.25 min, rounded half up");
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("2026-04-02T01:00:00Z", 4, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN));
        facts.add(fact("2026-04-02T02:00:00Z", 12, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN));
        facts.add(fact("2026-04-02T03:00:00Z", null, "kita", PartnerType.NEWSPAPER, null, Anomaly.NOT_SEEN));
        Row april = AlertStatistics.tabulate(query(APRIL, APRIL), facts).rows().get(0);
        assertEquals(3, april.count());
        assertEquals(2, april.acknowledged());
        assertEquals(new BigDecimal("8.0"), april.medianMinutesToAcknowledge(), "unacknowledged alerts are not waits");
    }

    static List<Long> minutes(long... m) {
        List<Long> out = new ArrayList<>();
        for (long x : m) {
            out.add(x * 60_000);
        }
        return out;
    }

    @Test
    void parameters_default_to_the_last_six_months_and_accept_comma_lists() {
        Query q = Query.parse(null, null, null, NOW);
        assertEquals(APRIL, q.from());
        assertEquals(NOW, q.to());
        Query grouped = Query.parse("2026-01", "2026-02", List.of("center,anomaly", "outcome", "month", "center"), NOW);
        assertEquals(List.of(Dimension.CENTER, Dimension.ANOMALY, Dimension.OUTCOME), grouped.groupBy());
        assertEquals("alerts-2026-01_2026-02.csv", grouped.fileName());
        assertEquals(Instant.parse("2025-12-31T15:00:00Z"), grouped.start());
        assertEquals(Instant.parse("2026-02-28T15:00:00Z"), grouped.end());
        assertEquals(60, Query.parse("2021-10", "2026-09", null, NOW).months().size(), "60 months is allowed");
    }

    @Test
    void every_mistake_is_reported_together_naming_its_field() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Query.parse("2026-13", "April", List.of("center,colour"), NOW));
        assertEquals(400, e.status());
        assertEquals(Set.of("from", "to", "groupBy"), e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertEquals("from", field(() -> Query.parse("2026-09", "2026-04", null, NOW)));
        assertEquals("to", field(() -> Query.parse("2021-09", "2026-09", null, NOW)), "61 months is too long");
        assertEquals("from", field(() -> Query.parse("26-04", null, null, NOW)));
        assertEquals("to", field(() -> Query.parse(null, "2026-4", null, NOW)));
    }

    static String field(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(1, e.errors().size(), e.errors().toString());
        return e.errors().get(0).field();
    }
}
