package org.tsunagu.alerts.entity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 保存期間経過: what {@link Alert#anonymise} erases, what it keeps for the statistics, and when it refuses. */
class AlertAnonymisationTest {

    @org.junit.jupiter.api.BeforeAll
    static void keys() {
        org.tsunagu.persistence.EncryptedText.use(org.tsunagu.persistence.FieldCipher.parse("t:" + org.tsunagu.persistence.FieldCipher.newKey()));
    }


    static final Instant FILED = Instant.parse("2026-04-01T01:00:00Z");

    Account partner;
    Center center;
    Center other;
    Town town;

    @BeforeEach
    void setUp() {
        Municipality nerima = new Municipality("131202", "東京都", "練馬区");
        partner = Account.partner("shinbun.tanaka", "hash",
                new PartnerOrganisation(nerima, "テスト新聞", PartnerType.NEWSPAPER, LocalDate.of(2024, 4, 1)));
        center = new Center("C01", "光が丘地域包括支援センター", CenterKind.COMMISSIONED, "練馬区光が丘2-9-6", "03-0000-0001");
        other = new Center("C02", "石神井地域包括支援センター", CenterKind.COMMISSIONED, "練馬区石神井町3-30-26", "03-0000-0002");
        town = new Town(nerima, "光が丘二丁目", null, new GeoPoint(35.76, 139.63), center);
    }

    Alert alert(Routing routing, Town where) {
        Report report = new Report("key-7", "練馬区光が丘2-5-1", "2階角部屋", new GeoPoint(35.761, 139.631),
                FILED.minus(Duration.ofHours(1)), Urgency.URGENT, EnumSet.of(Anomaly.MAIL_PILING_UP, Anomaly.OTHER),
                "郵便受けに張り紙", new PersonSeen("練馬 花子", "80代", "女性", "青い帽子"), "新聞が3日分",
                "田中 一郎", "090-1234-5678");
        return new Alert(9, partner, report, center, routing, "住所の町丁目「光が丘二丁目」（5番地）の担当: 光が丘", where, FILED);
    }

    Alert resolved(Routing routing, Town where) {
        Alert a = alert(routing, where);
        a.acknowledge("staff1", FILED.plusSeconds(600));
        a.addNote("staff1", "長男（090-9999-0000）に連絡", FILED.plusSeconds(900));
        a.resolve("staff1", Outcome.CONNECTED_TO_SUPPORT, "訪問し本人と面談", FILED.plusSeconds(3600));
        return a;
    }

    @Test
    void personal_fields_and_notes_are_erased_and_the_address_shrinks_to_the_town() {
        Alert a = resolved(Routing.BLOCK, town);
        Instant at = FILED.plus(Duration.ofDays(365 * 5 + 2));
        assertTrue(a.anonymise(at));
        assertAll(
                () -> assertEquals("練馬区光が丘二丁目", a.getAddress()),
                () -> assertNull(a.getPlaceNote()),
                () -> assertNull(a.getPoint()),
                () -> assertNull(a.getPerson()),
                () -> assertNull(a.getDetails()),
                () -> assertNull(a.getOtherAnomaly()),
                () -> assertEquals(Alert.ERASED, a.getReporterName()),
                () -> assertEquals(Alert.ERASED, a.getReporterPhone()),
                () -> assertNull(a.getIdempotencyKey()),
                () -> assertFalse(a.getRoutingReason().contains("5番地"), a.getRoutingReason()),
                () -> assertTrue(a.getEvents().stream().allMatch(e -> e.getNote() == null), "timeline notes erased"),
                () -> assertEquals(at, a.getAnonymisedAt()),
                () -> assertTrue(a.isAnonymised()));
    }

    @Test
    void what_the_statistics_count_is_kept() {
        Alert a = resolved(Routing.TOWN, town);
        int events = a.getEvents().size();
        a.anonymise(FILED.plus(Duration.ofDays(2000)));
        assertAll(
                () -> assertEquals(EnumSet.of(Anomaly.MAIL_PILING_UP, Anomaly.OTHER), a.getAnomalies()),
                () -> assertEquals(Urgency.URGENT, a.getUrgency()),
                () -> assertEquals(center, a.getCenter()),
                () -> assertEquals(PartnerType.NEWSPAPER, a.getPartner().getType()),
                () -> assertEquals(Outcome.CONNECTED_TO_SUPPORT, a.getOutcome()),
                () -> assertEquals(AlertStatus.RESOLVED, a.getStatus()),
                () -> assertEquals(FILED, a.getFiledAt()),
                () -> assertEquals(FILED.plusSeconds(600), a.getAcknowledgedAt()),
                () -> assertEquals(FILED.plusSeconds(3600), a.getResolvedAt()),
                () -> assertEquals("W-2026-000009", a.getReceiptNo()),
                () -> assertEquals(town, a.getTown()),
                () -> assertEquals(events, a.getEvents().size(), "the timeline's steps stay, only their notes go"),
                () -> assertTrue(a.getRoutingReason().contains("光が丘"), "a town routing reason names no more than the town"));
    }

    @Test
    void without_a_town_the_address_becomes_the_marker() {
        Alert a = resolved(Routing.NONE, null);
        a.anonymise(FILED.plus(Duration.ofDays(2000)));
        assertEquals(Alert.ERASED, a.getAddress());
    }

    @Test
    void open_alerts_are_refused_and_a_second_run_changes_nothing() {
        Alert open = alert(Routing.TOWN, town);
        assertThrows(IllegalTransitionException.class, () -> open.anonymise(FILED.plusSeconds(60)));
        open.acknowledge("staff1", FILED.plusSeconds(60));
        assertThrows(IllegalTransitionException.class, () -> open.anonymise(FILED.plusSeconds(120)));
        assertEquals("田中 一郎", open.getReporterName(), "nothing erased from an open alert");
        assertNull(open.getAnonymisedAt());

        Alert done = resolved(Routing.TOWN, town);
        Instant first = FILED.plus(Duration.ofDays(2000));
        assertTrue(done.anonymise(first));
        assertFalse(done.anonymise(first.plusSeconds(10)));
        assertEquals(first, done.getAnonymisedAt(), "the first time is kept");
        assertThrows(IllegalArgumentException.class, () -> resolved(Routing.TOWN, town).anonymise(null));
    }

    @Test
    void an_anonymised_alert_cannot_be_reopened_by_the_workflow() {
        Alert a = resolved(Routing.TOWN, town);
        a.anonymise(FILED.plus(Duration.ofDays(2000)));
        assertThrows(IllegalTransitionException.class, () -> a.transfer("core1", other, "誤り", FILED.plus(Duration.ofDays(2001))));
        assertThrows(IllegalTransitionException.class, () -> a.acknowledge("core1", FILED.plus(Duration.ofDays(2001))));
        assertThrows(IllegalTransitionException.class, () -> a.addNote("core1", "新しいメモ", FILED.plus(Duration.ofDays(2001))),
                "no new personal text after the erasure");
    }
}
