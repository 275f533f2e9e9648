package org.tsunagu.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsunagu.calendar.entity.Schedule;

class RecurrenceTest {

    static final ScheduleParser PARSER = new ScheduleParser(LocalDate.of(2026, 4, 1));

    @ParameterizedTest
    @ValueSource(strings = {"毎月第2・第4水曜日 13:30〜15:00（8月は休み）", "隔週月曜日 13:00〜15:00（祝日の場合は休み）",
            "月〜金 9:00〜19:00、土 9:00〜13:00（日曜・祝日・年末年始休み）", "24時間365日", "土日祝 10:00〜16:00",
            "毎週月曜日", "毎月最終金曜日 18:30〜20:00", "月〜金 9:00〜24:00", "毎週火曜日 10:00〜11:30（全8回・9月〜10月）",
            "毎月10日 10時～12時", "毎月5日・20日（日曜・祝日休み）", "第3火曜日 午後", "毎月第1～3水曜日（午前10時～午後3時）"})
    void encodeDecodeRoundTrip(String text) {
        String rules = PARSER.parse(text).rules();
        Recurrence decoded = Recurrence.decode(rules);
        assertEquals(rules, decoded.encode());
        assertEquals(decoded.blocks(), Recurrence.decode(decoded.encode() + "").blocks());
        Recurrence fresh = Recurrence.decode(rules.replace("\r\n", "\n"));
        LocalDate from = LocalDate.of(2026, 1, 1);
        assertEquals(decoded.nextDates(from, 200), fresh.nextDates(from, 200));
    }

    @Test
    void decodedRulesAreCachedByText() {
        String rules = PARSER.parse("毎週木曜日 13:00〜16:00").rules();
        assertSame(Recurrence.decode(rules), Recurrence.decode(rules));
    }

    @Test
    void emptyNeverOccurs() {
        assertSame(Recurrence.EMPTY, Recurrence.of(Schedule.none()));
        assertSame(Recurrence.EMPTY, Recurrence.of(Schedule.unparsed("不定期", "x")));
        assertTrue(Recurrence.EMPTY.weekdays().isEmpty());
        assertEquals(List.of(), Recurrence.EMPTY.nextDates(LocalDate.of(2026, 1, 1), 5));
        assertEquals(List.of(), Recurrence.EMPTY.slotsOn(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void blocksBuiltByHandFollowTheRfcMeaning() {
        Recur<LocalDate> rule = new Recur<>("FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU");
        Recurrence r = new Recurrence(List.of(new Recurrence.Block(rule, LocalDate.of(2026, 1, 6),
                new Recurrence.Slot(LocalTime.of(10, 0), LocalTime.of(11, 0)), false, false, false, false)));
        assertEquals(List.of(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 5, 5)),
                r.nextDates(LocalDate.of(2026, 1, 1), 3));
        assertEquals(Set.of(DayOfWeek.TUESDAY), r.weekdays());
        String encoded = r.encode();
        assertTrue(encoded.contains("RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU"), encoded);
        assertEquals(r.nextDates(LocalDate.of(2026, 1, 1), 10), Recurrence.decode(encoded).nextDates(LocalDate.of(2026, 1, 1), 10));
    }

    @Test
    void daysOfTheMonthFollowTheRfcMeaning() {
        Recur<LocalDate> rule = new Recur<>("FREQ=MONTHLY;BYMONTHDAY=1,31");
        Recurrence r = new Recurrence(List.of(new Recurrence.Block(rule, LocalDate.of(2026, 1, 1), null,
                false, false, false, false)));
        assertEquals(List.of(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1)), r.nextDates(LocalDate.of(2026, 1, 2), 5),
                "months without a 31st are skipped");
        assertEquals(Set.of(DayOfWeek.values()), r.weekdays());
        Recur<LocalDate> weekdaysOnly = new Recur<>("FREQ=MONTHLY;BYMONTHDAY=10;BYDAY=MO,TU,WE,TH,FR");
        Recurrence limited = new Recurrence(List.of(new Recurrence.Block(weekdaysOnly, LocalDate.of(2026, 1, 1),
                null, false, false, false, false)));
        assertEquals(List.of(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 6, 10)), limited.nextDates(LocalDate.of(2026, 1, 1), 4), "1/10 and 5/10 are Saturday and Sunday");
        Recur<LocalDate> bimonthly = new Recur<>("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15");
        Recurrence every2 = new Recurrence(List.of(new Recurrence.Block(bimonthly, LocalDate.of(2026, 1, 15),
                null, false, false, false, false)));
        assertEquals(List.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 15)), every2.nextDates(LocalDate.of(2026, 1, 1), 2));
    }

    @Test
    void rulesItCannotEvaluateAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Recurrence.decode(
                "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=WEEKLY;BYMONTHDAY=10\r\nEND:VEVENT\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.decode(
                "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1\r\nEND:VEVENT\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.decode(
                "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=10;BYDAY=2WE\r\nEND:VEVENT\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.decode(
                "BEGIN:VEVENT\r\nDTSTART:20260101T100000\r\nDTEND:20260101T110000\r\nRRULE:FREQ=YEARLY;BYMONTH=1\r\nEND:VEVENT\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.decode(
                "BEGIN:VEVENT\r\nDTSTART:20260101T100000\r\nDTEND:20260101T110000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.decode("RRULE:FREQ=WEEKLY"));
    }

    @Test
    void evaluationIsCheapEnoughForASearchFilter() {
        Recurrence r = Recurrence.decode(PARSER.parse("月〜金 9:00〜12:00／14:00〜17:30（土・日・祝日・年末年始休診）").rules());
        LocalDate day = LocalDate.of(2026, 9, 22);
        int hits = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            if (r.occursOn(day.plusDays(i % 366))) {
                hits++;
            }
        }
        long micros = (System.nanoTime() - start) / 1000;
        assertTrue(hits > 200_000);
        assertTrue(micros < 2_000_000, "1M evaluations took " + micros + " µs");
    }
}
