package org.tsunagu.alerts.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;

class AlertTest {

    static final Instant FILED = Instant.parse("2026-04-01T01:00:00Z");
    static final PersonSeen PERSON = new PersonSeen("練馬 花子", "80代", "女性", "青い帽子、杖をついている");

    Account partnerAccount;
    Center hikarigaoka;
    Center shakujii;

    /** The entity seals its personal fields itself: a ring of its own for these tests. */
    @org.junit.jupiter.api.BeforeAll
    static void keys() {
        org.tsunagu.persistence.EncryptedText.use(org.tsunagu.persistence.FieldCipher.parse("t:" + org.tsunagu.persistence.FieldCipher.newKey()));
    }

    @Test
    void personal_fields_are_held_sealed_and_bound_to_the_alert() throws Exception {
        Alert one = fileAlert(1, FILED);
        Alert two = fileAlert(2, FILED);
        java.lang.reflect.Field details = Alert.class.getDeclaredField("details");
        details.setAccessible(true);
        String stored = (String) details.get(one);
        assertTrue(stored.startsWith("gcm2:t:") && !stored.contains("新聞"), stored);
        assertEquals("新聞が3日分たまっている", one.getDetails());
        assertEquals("練馬 花子", one.getPerson().name());
        assertEquals("玄関前", one.getPlaceNote());
        // a copy of one alert's sealed text into another alert's row does not open there
        details.set(two, stored);
        assertThrows(IllegalStateException.class, two::getDetails);
        java.lang.reflect.Field reporter = Alert.class.getDeclaredField("reporterName");
        reporter.setAccessible(true);
        reporter.set(one, stored);
        assertThrows(IllegalStateException.class, one::getReporterName, "nor in another column");
        java.lang.reflect.Field note = AlertEvent.class.getDeclaredField("note");
        note.setAccessible(true);
        AlertEvent filedTwo = two.getEvents().get(0);
        note.set(filedTwo, note.get(one.getEvents().get(0)));
        assertThrows(IllegalStateException.class, filedTwo::getNote, "a timeline note is bound to its alert");
        assertEquals("光が丘二丁目 → 光が丘", one.getEvents().get(0).getNote());
    }

    @BeforeEach
    void setUp() {
        PartnerOrganisation paper = new PartnerOrganisation(new Municipality("131202", "東京都", "練馬区"),
                "テスト新聞", PartnerType.NEWSPAPER, LocalDate.of(2024, 4, 1));
        partnerAccount = Account.partner("shinbun.tanaka", "hash", paper);
        hikarigaoka = new Center("C01", "光が丘地域包括支援センター", CenterKind.COMMISSIONED, "練馬区光が丘2-9-6", "03-0000-0001");
        shakujii = new Center("C02", "石神井地域包括支援センター", CenterKind.COMMISSIONED, "練馬区石神井町3-30-26", "03-0000-0002");
    }

    static Report report(String address, GeoPoint point, Set<Anomaly> anomalies, String reporterName, String reporterPhone) {
        return new Report("key-1", address, "玄関前", point, FILED.minus(Duration.ofHours(1)), Urgency.URGENT,
                anomalies, null, PERSON, "新聞が3日分たまっている", reporterName, reporterPhone);
    }

    static Report validReport() {
        return report("練馬区光が丘二丁目1番", null, EnumSet.of(Anomaly.MAIL_PILING_UP, Anomaly.NO_RESPONSE),
                "田中 一郎", "090-1234-5678");
    }

    Alert fileAlert(long sequence, Instant filedAt) {
        return new Alert(sequence, partnerAccount, validReport(), hikarigaoka, Routing.TOWN,
                "光が丘二丁目 → 光が丘", null, filedAt);
    }

    Alert newAlert() {
        return fileAlert(9, FILED);
    }

    static Instant later(int minutes) {
        return FILED.plus(Duration.ofMinutes(minutes));
    }

    @Nested
    @DisplayName("受付番号 receipt number")
    class ReceiptNumber {

        @Test
        @DisplayName("W-YYYY-NNNNNN with a six-digit zero-padded sequence")
        void format() {
            assertEquals("W-2026-000009", fileAlert(9, FILED).getReceiptNo());
            assertEquals("W-2026-123456", Alert.receiptNumber(123456, FILED));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "2026-12-31T14:59:59Z, W-2026-000009",  // 23:59:59 JST on 31 Dec
                "2026-12-31T15:00:00Z, W-2027-000009",  // midnight JST: already the new year
                "2026-12-31T15:30:00Z, W-2027-000009",
                "2027-01-01T00:00:00Z, W-2027-000009"})
        @DisplayName("the year is the Japan-time year of filing")
        void japanYear(Instant filedAt, String expected) {
            assertEquals(expected, Alert.receiptNumber(9, filedAt));
        }

        @Test
        @DisplayName("the constructor uses the Japan-time year too")
        void constructorUsesJapanYear() {
            Alert alert = fileAlert(9, Instant.parse("2026-12-31T15:30:00Z"));
            assertEquals("W-2027-000009", alert.getReceiptNo());
        }
    }

    @Nested
    @DisplayName("filing")
    class Filing {

        @Test
        @DisplayName("a new alert is received, copies the report and starts its timeline with FILED")
        void newAlert() {
            Alert alert = AlertTest.this.newAlert();
            assertAll(
                    () -> assertEquals(AlertStatus.RECEIVED, alert.getStatus()),
                    () -> assertSame(hikarigaoka, alert.getCenter()),
                    () -> assertSame(partnerAccount.getPartner(), alert.getPartner()),
                    () -> assertSame(partnerAccount, alert.getFiledBy()),
                    () -> assertEquals("key-1", alert.getIdempotencyKey()),
                    () -> assertEquals("練馬区光が丘二丁目1番", alert.getAddress()),
                    () -> assertEquals(EnumSet.of(Anomaly.MAIL_PILING_UP, Anomaly.NO_RESPONSE), alert.getAnomalies()),
                    () -> assertEquals(Urgency.URGENT, alert.getUrgency()),
                    () -> assertEquals("田中 一郎", alert.getReporterName()),
                    () -> assertEquals(Routing.TOWN, alert.getRouting()),
                    () -> assertFalse(alert.isEscalated()),
                    () -> assertNull(alert.getAcknowledgedAt()),
                    () -> assertNull(alert.getResolvedAt()),
                    () -> assertNull(alert.getPoint()));
            assertEquals(1, alert.getEvents().size());
            AlertEvent filed = alert.getEvents().get(0);
            assertAll(
                    () -> assertEquals(AlertEventType.FILED, filed.getType()),
                    () -> assertEquals("shinbun.tanaka", filed.getActor()),
                    () -> assertEquals(FILED, filed.getOccurredAt()),
                    () -> assertEquals("光が丘二丁目 → 光が丘", filed.getNote()),
                    () -> assertSame(alert, filed.getAlert()));
        }

        @Test
        @DisplayName("the alert keeps its own copy of the anomalies")
        void anomaliesAreCopied() {
            Set<Anomaly> anomalies = EnumSet.of(Anomaly.NOT_SEEN);
            Alert alert = new Alert(1, partnerAccount,
                    report("練馬区光が丘1", null, anomalies, "田中", "090"), hikarigaoka, Routing.TOWN, "r", null, FILED);
            anomalies.add(Anomaly.UNWELL);
            alert.getAnomalies().add(Anomaly.OTHER);
            assertEquals(EnumSet.of(Anomaly.NOT_SEEN), alert.getAnomalies());
        }

        @Test
        @DisplayName("a point without an address is enough")
        void pointWithoutAddress() {
            GeoPoint point = new GeoPoint(35.7637, 139.6294);
            Alert alert = new Alert(1, partnerAccount, report("  ", point, EnumSet.of(Anomaly.LOST_WANDERING), "田中", "090"),
                    hikarigaoka, Routing.NONE, "no town", null, FILED);
            assertEquals(point, alert.getPoint());
        }

        static Stream<Arguments> invalidReports() {
            Set<Anomaly> some = EnumSet.of(Anomaly.NOT_SEEN);
            return Stream.of(
                    Arguments.of("no anomalies", report("練馬区光が丘1", null, EnumSet.noneOf(Anomaly.class), "田中", "090")),
                    Arguments.of("null anomalies", report("練馬区光が丘1", null, null, "田中", "090")),
                    Arguments.of("no address and no point", report(null, null, some, "田中", "090")),
                    Arguments.of("blank address and no point", report("   ", null, some, "田中", "090")),
                    Arguments.of("missing reporter name", report("練馬区光が丘1", null, some, null, "090")),
                    Arguments.of("blank reporter name", report("練馬区光が丘1", null, some, " ", "090")),
                    Arguments.of("missing reporter phone", report("練馬区光が丘1", null, some, "田中", null)),
                    Arguments.of("missing urgency", new Report("k", "練馬区光が丘1", null, null, FILED, null, some,
                            null, null, null, "田中", "090")),
                    Arguments.of("missing observedAt", new Report("k", "練馬区光が丘1", null, null, null, Urgency.INFO,
                            some, null, null, null, "田中", "090")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidReports")
        @DisplayName("invalid reports are refused with IllegalArgumentException")
        void invalidReport(String why, Report report) {
            assertThrows(IllegalArgumentException.class, report::validate);
            assertThrows(IllegalArgumentException.class,
                    () -> new Alert(1, partnerAccount, report, hikarigaoka, Routing.TOWN, "r", null, FILED));
        }

        @Test
        @DisplayName("only partner accounts file alerts, and an alert always has a center and a routing reason")
        void requiredParties() {
            Account staff = Account.staff("staff.one", "hash", hikarigaoka);
            assertThrows(IllegalArgumentException.class,
                    () -> new Alert(1, staff, validReport(), hikarigaoka, Routing.TOWN, "r", null, FILED));
            assertThrows(IllegalArgumentException.class,
                    () -> new Alert(1, null, validReport(), hikarigaoka, Routing.TOWN, "r", null, FILED));
            assertThrows(IllegalArgumentException.class,
                    () -> new Alert(1, partnerAccount, validReport(), null, Routing.TOWN, "r", null, FILED));
            assertThrows(IllegalArgumentException.class,
                    () -> new Alert(1, partnerAccount, validReport(), hikarigaoka, null, "r", null, FILED));
            assertThrows(IllegalArgumentException.class,
                    () -> new Alert(1, partnerAccount, validReport(), hikarigaoka, Routing.TOWN, null, null, FILED));
        }
    }

    @Nested
    @DisplayName("lifecycle received → acknowledged → in_progress → resolved")
    class Lifecycle {

        @Test
        @DisplayName("the legal path sets status, timestamps and a timeline entry per step, in order")
        void fullLifecycle() {
            Alert alert = newAlert();

            alert.acknowledge("staff.sato", later(5));
            assertEquals(AlertStatus.ACKNOWLEDGED, alert.getStatus());
            assertEquals(later(5), alert.getAcknowledgedAt());

            alert.assign("staff.sato", "  佐藤  ", later(10));
            assertEquals(AlertStatus.IN_PROGRESS, alert.getStatus());
            assertEquals("佐藤", alert.getAssignee());

            alert.addNote("staff.sato", "訪問予定", later(20));
            assertEquals(AlertStatus.IN_PROGRESS, alert.getStatus(), "a note does not change the status");

            alert.resolve("staff.sato", Outcome.SAFE_NO_ISSUE, "ご本人と面会、問題なし", later(60));
            assertEquals(AlertStatus.RESOLVED, alert.getStatus());
            assertEquals(Outcome.SAFE_NO_ISSUE, alert.getOutcome());
            assertEquals(later(60), alert.getResolvedAt());
            assertFalse(alert.getStatus().isOpen());

            List<AlertEvent> events = alert.getEvents();
            assertEquals(List.of(AlertEventType.FILED, AlertEventType.ACKNOWLEDGE, AlertEventType.ASSIGN,
                    AlertEventType.NOTE, AlertEventType.RESOLVE), events.stream().map(AlertEvent::getType).toList());
            assertEquals(List.of("shinbun.tanaka", "staff.sato", "staff.sato", "staff.sato", "staff.sato"),
                    events.stream().map(AlertEvent::getActor).toList());
            assertEquals(List.of(FILED, later(5), later(10), later(20), later(60)),
                    events.stream().map(AlertEvent::getOccurredAt).toList());
            assertEquals("佐藤", events.get(2).getAssignee());
            assertEquals("訪問予定", events.get(3).getNote());
            assertEquals(Outcome.SAFE_NO_ISSUE, events.get(4).getOutcome());
            assertEquals("ご本人と面会、問題なし", events.get(4).getNote());
        }

        @Test
        @DisplayName("an acknowledged alert may be resolved directly, without an assignee")
        void resolveFromAcknowledged() {
            Alert alert = newAlert();
            alert.acknowledge("staff", later(1));
            alert.resolve("staff", Outcome.NOT_APPLICABLE, null, later(2));
            assertEquals(AlertStatus.RESOLVED, alert.getStatus());
            assertNull(alert.getEvents().get(2).getNote());
        }

        @Test
        @DisplayName("reassigning while in progress replaces the assignee")
        void reassign() {
            Alert alert = newAlert();
            alert.acknowledge("staff", later(1));
            alert.assign("staff", "佐藤", later(2));
            alert.assign("staff", "鈴木", later(3));
            assertEquals(AlertStatus.IN_PROGRESS, alert.getStatus());
            assertEquals("鈴木", alert.getAssignee());
        }

        @Test
        @DisplayName("assign and resolve need an assignee and an outcome; notes need text")
        void requiredArguments() {
            Alert alert = newAlert();
            alert.acknowledge("staff", later(1));
            assertThrows(IllegalArgumentException.class, () -> alert.assign("staff", " ", later(2)));
            assertThrows(IllegalArgumentException.class, () -> alert.assign("staff", null, later(2)));
            assertThrows(IllegalArgumentException.class, () -> alert.resolve("staff", null, "n", later(2)));
            assertThrows(IllegalArgumentException.class, () -> alert.addNote("staff", "  ", later(2)));
            assertEquals(AlertStatus.ACKNOWLEDGED, alert.getStatus());
            assertEquals(2, alert.getEvents().size(), "refused actions leave no timeline entry");
        }

        @Test
        @DisplayName("the timeline handed out cannot be changed")
        void eventsAreReadOnly() {
            Alert alert = newAlert();
            assertThrows(UnsupportedOperationException.class, () -> alert.getEvents().clear());
        }
    }

    @Nested
    @DisplayName("illegal transitions")
    class IllegalTransitions {

        Alert received() {
            return newAlert();
        }

        Alert acknowledged() {
            Alert a = newAlert();
            a.acknowledge("staff", later(1));
            return a;
        }

        Alert inProgress() {
            Alert a = acknowledged();
            a.assign("staff", "佐藤", later(2));
            return a;
        }

        Alert resolved() {
            Alert a = inProgress();
            a.resolve("staff", Outcome.SAFE_NO_ISSUE, null, later(3));
            return a;
        }

        Alert transferred() {
            Alert a = newAlert();
            a.transfer("core", shakujii, "住所は石神井町", later(1));
            return a;
        }

        void assertIllegal(Alert alert, Consumer<Alert> action) {
            AlertStatus before = alert.getStatus();
            int events = alert.getEvents().size();
            assertThrows(IllegalTransitionException.class, () -> action.accept(alert));
            assertEquals(before, alert.getStatus(), "status unchanged");
            assertEquals(events, alert.getEvents().size(), "no timeline entry");
        }

        @Test
        @DisplayName("resolve from received / transferred")
        void resolveBeforeAcknowledge() {
            assertIllegal(received(), a -> a.resolve("staff", Outcome.SAFE_NO_ISSUE, null, later(9)));
            assertIllegal(transferred(), a -> a.resolve("staff", Outcome.SAFE_NO_ISSUE, null, later(9)));
        }

        @Test
        @DisplayName("assign before acknowledge")
        void assignBeforeAcknowledge() {
            assertIllegal(received(), a -> a.assign("staff", "佐藤", later(9)));
            assertIllegal(transferred(), a -> a.assign("staff", "佐藤", later(9)));
        }

        @Test
        @DisplayName("acknowledge twice, or once work has started, or after resolve")
        void acknowledgeTwice() {
            assertIllegal(acknowledged(), a -> a.acknowledge("staff", later(9)));
            assertIllegal(inProgress(), a -> a.acknowledge("staff", later(9)));
            assertIllegal(resolved(), a -> a.acknowledge("staff", later(9)));
        }

        @Test
        @DisplayName("nothing but a note after resolve")
        void afterResolve() {
            assertIllegal(resolved(), a -> a.assign("staff", "鈴木", later(9)));
            assertIllegal(resolved(), a -> a.transfer("staff", shakujii, "理由", later(9)));
            assertIllegal(resolved(), a -> a.resolve("staff", Outcome.OTHER, null, later(9)));
        }

        @Test
        @DisplayName("transfer to the center that already has the alert")
        void transferToSameCenter() {
            assertIllegal(received(), a -> a.transfer("staff", hikarigaoka, "理由", later(9)));
            Center sameCode = new Center("C01", "別名", CenterKind.DIRECT, "どこか", "03");
            assertIllegal(received(), a -> a.transfer("staff", sameCode, "理由", later(9)));
            assertIllegal(transferred(), a -> a.transfer("staff", shakujii, "理由", later(9)));
        }

        @Test
        @DisplayName("the exception names the refused action and the current status")
        void message() {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> resolved().assign("staff", "鈴木", later(9)));
            assertEquals("cannot assign an alert that is resolved", e.getMessage());
        }
    }

    @Nested
    @DisplayName("transfer between centers")
    class Transfer {

        @Test
        @DisplayName("moves the alert, clears the assignee and records both centers")
        void transferInProgress() {
            Alert alert = newAlert();
            alert.acknowledge("staff.hikari", later(1));
            alert.assign("staff.hikari", "佐藤", later(2));

            alert.transfer("staff.hikari", shakujii, "  住所は石神井町の管轄  ", later(3));

            assertSame(shakujii, alert.getCenter());
            assertEquals(AlertStatus.TRANSFERRED, alert.getStatus());
            assertNull(alert.getAssignee());
            assertTrue(alert.getStatus().awaitsAcknowledgement());
            assertEquals("受付", alert.getStatus().partnerLabel(), "partners see a transferred alert as received");
            AlertEvent transfer = alert.getEvents().get(alert.getEvents().size() - 1);
            assertAll(
                    () -> assertEquals(AlertEventType.TRANSFER, transfer.getType()),
                    () -> assertEquals("staff.hikari", transfer.getActor()),
                    () -> assertSame(hikarigaoka, transfer.getFromCenter()),
                    () -> assertSame(shakujii, transfer.getToCenter()),
                    () -> assertEquals("住所は石神井町の管轄", transfer.getNote()));
        }

        @Test
        @DisplayName("the new center can acknowledge and finish the alert")
        void newCenterAcknowledges() {
            Alert alert = newAlert();
            alert.transfer("core", shakujii, "住所は石神井町", later(1));
            alert.acknowledge("staff.shakujii", later(2));
            assertEquals(AlertStatus.ACKNOWLEDGED, alert.getStatus());
            assertEquals(later(2), alert.getAcknowledgedAt());
            alert.assign("staff.shakujii", "鈴木", later(3));
            alert.resolve("staff.shakujii", Outcome.CONNECTED_TO_SUPPORT, null, later(4));
            assertEquals(List.of(AlertEventType.FILED, AlertEventType.TRANSFER, AlertEventType.ACKNOWLEDGE,
                            AlertEventType.ASSIGN, AlertEventType.RESOLVE),
                    alert.getEvents().stream().map(AlertEvent::getType).toList());
        }

        @Test
        @DisplayName("a transferred alert may be transferred on to a third center")
        void transferOnwards() {
            Center third = new Center("C03", "大泉地域包括支援センター", CenterKind.COMMISSIONED, "練馬区大泉", "03-0000-0003");
            Alert alert = newAlert();
            alert.transfer("core", shakujii, "理由1", later(1));
            alert.transfer("staff.shakujii", third, "理由2", later(2));
            assertSame(third, alert.getCenter());
            AlertEvent last = alert.getEvents().get(2);
            assertSame(shakujii, last.getFromCenter());
            assertSame(third, last.getToCenter());
        }

        @Test
        @DisplayName("needs a target center and a reason")
        void needsTargetAndReason() {
            Alert alert = newAlert();
            assertThrows(IllegalArgumentException.class, () -> alert.transfer("core", null, "理由", later(1)));
            assertThrows(IllegalArgumentException.class, () -> alert.transfer("core", shakujii, " ", later(1)));
            assertThrows(IllegalArgumentException.class, () -> alert.transfer("core", shakujii, null, later(1)));
            assertSame(hikarigaoka, alert.getCenter());
            assertEquals(AlertStatus.RECEIVED, alert.getStatus());
        }
    }

    @Nested
    @DisplayName("escalation")
    class Escalation {

        @Test
        @DisplayName("an unacknowledged alert escalates once, by the system")
        void onlyOnce() {
            Alert alert = newAlert();
            assertTrue(alert.escalate(later(30)));
            assertTrue(alert.isEscalated());
            assertFalse(alert.escalate(later(60)));
            List<AlertEvent> events = alert.getEvents();
            assertEquals(2, events.size());
            assertEquals(AlertEventType.ESCALATE, events.get(1).getType());
            assertEquals("system", events.get(1).getActor());
            assertEquals(later(30), events.get(1).getOccurredAt());
            assertEquals(AlertStatus.RECEIVED, alert.getStatus(), "escalation does not change the status");
        }

        @Test
        @DisplayName("a transferred alert still awaiting acknowledgement escalates")
        void transferred() {
            Alert alert = newAlert();
            alert.transfer("core", shakujii, "理由", later(1));
            assertTrue(alert.escalate(later(30)));
        }

        @Test
        @DisplayName("the deadline of a transferred alert runs from the transfer")
        void awaitingSinceTransfer() {
            Alert alert = newAlert();
            assertEquals(alert.getFiledAt(), alert.awaitingSince());
            alert.transfer("core", shakujii, "理由", later(20));
            assertEquals(later(20), alert.awaitingSince());
        }

        @Test
        @DisplayName("acknowledged, in-progress and resolved alerts do not escalate")
        void notAfterAcknowledge() {
            Alert alert = newAlert();
            alert.acknowledge("staff", later(1));
            assertFalse(alert.escalate(later(30)));
            alert.assign("staff", "佐藤", later(31));
            assertFalse(alert.escalate(later(32)));
            alert.resolve("staff", Outcome.SAFE_NO_ISSUE, null, later(33));
            assertFalse(alert.escalate(later(34)));
            assertFalse(alert.isEscalated());
            assertTrue(alert.getEvents().stream().noneMatch(e -> e.getType() == AlertEventType.ESCALATE));
        }

        @Test
        @DisplayName("an escalated alert can still be acknowledged")
        void acknowledgeAfterEscalation() {
            Alert alert = newAlert();
            alert.escalate(later(30));
            alert.acknowledge("core", later(40));
            assertEquals(AlertStatus.ACKNOWLEDGED, alert.getStatus());
            assertTrue(alert.isEscalated());
        }
    }

    @Nested
    @DisplayName("personal data is never in toString")
    class Redaction {

        @Test
        void reportToString() {
            String s = validReport().toString();
            assertEquals("Report[redacted]", s);
            for (String secret : List.of("練馬区光が丘二丁目1番", "田中", "090-1234-5678", "新聞が3日分", "練馬 花子", "key-1")) {
                assertFalse(s.contains(secret), secret);
            }
        }

        @Test
        void personSeenToString() {
            String s = PERSON.toString();
            assertEquals("PersonSeen[redacted]", s);
            for (String secret : List.of("練馬", "花子", "80代", "女性", "青い帽子")) {
                assertFalse(s.contains(secret), secret);
            }
        }

        @Test
        @DisplayName("PersonSeen strips its fields and turns blanks into null")
        void personSeenNormalises() {
            PersonSeen p = new PersonSeen("  山田 太郎 ", " ", null, "\t白いシャツ ");
            assertEquals("山田 太郎", p.name());
            assertNull(p.approximateAge());
            assertNull(p.sex());
            assertEquals("白いシャツ", p.description());
        }
    }
}
