package org.tsunagu.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsunagu.calendar.entity.Schedule;

class ScheduleParserTest {

    /** A Wednesday; 隔週 rules are anchored on the first matching day from here (隔週月曜 → 4/6, 9/7, 9/21 …). */
    static final LocalDate REFERENCE = LocalDate.of(2026, 4, 1);
    static final ScheduleParser PARSER = new ScheduleParser(REFERENCE);

    static Recurrence parse(String text) {
        Schedule s = PARSER.parse(text);
        assertTrue(s.isParsed(), () -> text + " → " + s.warning());
        assertNull(s.warning());
        assertEquals(text, s.text());
        return Recurrence.decode(s.rules());
    }

    static Set<DayOfWeek> days(String spec) {
        if (spec.isBlank()) {
            return EnumSet.noneOf(DayOfWeek.class);
        }
        return Arrays.stream(spec.split(" ")).map(d -> switch (d) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        }).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    /**
     * text | weekdays | the first three dates from 2026-09-01 (a Tuesday; 9/21 敬老の日, 9/22 国民の休日,
     * 9/23 秋分の日) | time ranges on the first of them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            毎週月曜日 13:30〜15:30                       | MO                   | 2026-09-07 2026-09-14 2026-09-21 | 13:30〜15:30
            毎週月曜日 13:30〜15:00（祝日の場合は休み）    | MO                   | 2026-09-07 2026-09-14 2026-09-28 | 13:30〜15:00
            毎週月曜日 13:30〜14:30（祝日は休み）          | MO                   | 2026-09-07 2026-09-14 2026-09-28 | 13:30〜14:30
            毎週月曜日 13:30〜14:30、祝日休み              | MO                   | 2026-09-07 2026-09-14 2026-09-28 | 13:30〜14:30
            毎週火曜日 10:00〜11:00                       | TU                   | 2026-09-01 2026-09-08 2026-09-15 | 10:00〜11:00
            毎週火曜日 13:30〜14:30（祝日は休み）          | TU                   | 2026-09-01 2026-09-08 2026-09-15 | 13:30〜14:30
            毎週水曜日 13:30〜14:30（祝日は休み）          | WE                   | 2026-09-02 2026-09-09 2026-09-16 | 13:30〜14:30
            毎週木曜日 13:00〜16:00                       | TH                   | 2026-09-03 2026-09-10 2026-09-17 | 13:00〜16:00
            毎週金曜日 13:30〜15:30（8月は休み）           | FR                   | 2026-09-04 2026-09-11 2026-09-18 | 13:30〜15:30
            毎週土曜日 14:00〜16:00（年末年始は休み）      | SA                   | 2026-09-05 2026-09-12 2026-09-19 | 14:00〜16:00
            毎週月・水・金曜日 10:00〜15:00                | MO WE FR             | 2026-09-02 2026-09-04 2026-09-07 | 10:00〜15:00
            毎週月・水・金曜日　１０：００〜１５：００      | MO WE FR             | 2026-09-02 2026-09-04 2026-09-07 | 10:00〜15:00
            毎週水・土曜日 10:00〜14:00                    | WE SA                | 2026-09-02 2026-09-05 2026-09-09 | 10:00〜14:00
            毎週火・木曜日 10:00〜11:00                    | TU TH                | 2026-09-01 2026-09-03 2026-09-08 | 10:00〜11:00
            毎週月曜と木曜 10:00〜11:00                    | MO TH                | 2026-09-03 2026-09-07 2026-09-10 | 10:00〜11:00
            毎週水曜 午前10時〜正午                        | WE                   | 2026-09-02 2026-09-09 2026-09-16 | 10:00〜12:00
            毎週金曜日 13時30分〜15時                      | FR                   | 2026-09-04 2026-09-11 2026-09-18 | 13:30〜15:00
            毎週木曜日 9時半〜11時                         | TH                   | 2026-09-03 2026-09-10 2026-09-17 | 09:30〜11:00
            毎週火曜日 午後1時〜午後3時半                   | TU                   | 2026-09-01 2026-09-08 2026-09-15 | 13:00〜15:30
            毎週月曜日 10時から12時まで                     | MO                   | 2026-09-07 2026-09-14 2026-09-21 | 10:00〜12:00
            毎週土曜日 10:00-12:00                         | SA                   | 2026-09-05 2026-09-12 2026-09-19 | 10:00〜12:00
            毎週土曜日 10:00～12:00                        | SA                   | 2026-09-05 2026-09-12 2026-09-19 | 10:00〜12:00
            隔週月曜日 13:30〜15:30                       | MO                   | 2026-09-07 2026-09-21 2026-10-05 | 13:30〜15:30
            隔週月曜日 13:00〜15:00（祝日の場合は休み）    | MO                   | 2026-09-07 2026-10-05 2026-10-19 | 13:00〜15:00
            隔週金曜日 9:30〜10:30                         | FR                   | 2026-09-04 2026-09-18 2026-10-02 | 09:30〜10:30
            隔週土曜日 10:00〜12:00（8月は休み）           | SA                   | 2026-09-05 2026-09-19 2026-10-03 | 10:00〜12:00
            毎月第1月曜日 10:00〜11:00                     | MO                   | 2026-09-07 2026-10-05 2026-11-02 | 10:00〜11:00
            毎月第3月曜日 14:00〜16:00                     | MO                   | 2026-09-21 2026-10-19 2026-11-16 | 14:00〜16:00
            毎月第3月曜日 14:00〜16:00（祝日の場合は休み）  | MO                   | 2026-10-19 2026-11-16 2026-12-21 | 14:00〜16:00
            毎月第5月曜日 10:00〜11:00                     | MO                   | 2026-11-30 2027-03-29 2027-05-31 | 10:00〜11:00
            毎月第1・第3土曜日 13:00〜15:00                | SA                   | 2026-09-05 2026-09-19 2026-10-03 | 13:00〜15:00
            毎月第１・第３土曜日　１０：３０〜１２：００    | SA                   | 2026-09-05 2026-09-19 2026-10-03 | 10:30〜12:00
            毎月第2・第4水曜日 13:30〜15:00（8月は休み）   | WE                   | 2026-09-09 2026-09-23 2026-10-14 | 13:30〜15:00
            毎月第2・第4水曜 10:00〜11:30                  | WE                   | 2026-09-09 2026-09-23 2026-10-14 | 10:00〜11:30
            第2・4水曜日 10:00〜11:30                      | WE                   | 2026-09-09 2026-09-23 2026-10-14 | 10:00〜11:30
            毎月第2・第4水曜日 13:30〜15:00（祝日休み）    | WE                   | 2026-09-09 2026-10-14 2026-10-28 | 13:30〜15:00
            毎月第1水曜と第3金曜 10:00〜12:00              | WE FR                | 2026-09-02 2026-09-18 2026-10-07 | 10:00〜12:00
            毎月第1水曜・第3金曜 10:00〜12:00              | WE FR                | 2026-09-02 2026-09-18 2026-10-07 | 10:00〜12:00
            毎月第1・第3土・日曜日 10:00〜12:00            | SA SU                | 2026-09-05 2026-09-06 2026-09-19 | 10:00〜12:00
            毎月最終金曜日 18:30〜20:00                    | FR                   | 2026-09-25 2026-10-30 2026-11-27 | 18:30〜20:00
            毎月最終土曜日 10:00〜12:00（年末年始は休み）  | SA                   | 2026-09-26 2026-10-31 2026-11-28 | 10:00〜12:00
            毎月第2木曜日 13:00〜15:00（8月・12月は休み）  | TH                   | 2026-09-10 2026-10-08 2026-11-12 | 13:00〜15:00
            月〜金 9:00〜17:00                            | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            月〜金 8:30〜17:15（土・日・祝日休み）         | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 08:30〜17:15
            月曜〜金曜 9:00〜17:00                         | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            月曜日から金曜日 9:00〜17:00                   | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            火〜土 9:30〜13:00／14:30〜18:00（月・日・祝日休診） | TU WE TH FR SA | 2026-09-01 2026-09-02 2026-09-03 | 09:30〜13:00 14:30〜18:00
            月〜土 9:00〜12:00／14:00〜18:00（日曜・祝日休診） | MO TU WE TH FR SA | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜12:00 14:00〜18:00
            月〜日 7:00〜20:00                            | MO TU WE TH FR SA SU | 2026-09-01 2026-09-02 2026-09-03 | 07:00〜20:00
            金〜月 10:00〜16:00                           | FR SA SU MO          | 2026-09-04 2026-09-05 2026-09-06 | 10:00〜16:00
            月・火・水・金・土 9:00〜12:00／15:00〜18:00（日曜・祝日休診） | MO TU WE FR SA | 2026-09-01 2026-09-02 2026-09-04 | 09:00〜12:00 15:00〜18:00
            月・水・木・金・土 10:00〜13:00／15:00〜19:00（火・日・祝日休診） | MO WE TH FR SA | 2026-09-02 2026-09-03 2026-09-04 | 10:00〜13:00 15:00〜19:00
            月・水・木・金・土 9:00〜12:30／15:00〜19:00（訪問診療は午後／火・日・祝日休診） | MO WE TH FR SA | 2026-09-02 2026-09-03 2026-09-04 | 09:00〜12:30 15:00〜19:00
            月〜金 9:00〜12:00／14:00〜17:00、土 9:00〜12:00（日曜・祝日休診） | MO TU WE TH FR SA | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜12:00 14:00〜17:00
            月〜金 9:00〜19:00、土 9:00〜13:00（日曜・祝日休み） | MO TU WE TH FR SA | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜19:00
            月〜金 9:00〜19:00 土 9:00〜13:00               | MO TU WE TH FR SA    | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜19:00
            月・火・水・金 9:00〜18:30、木・土 9:00〜13:00（日曜・祝日休み） | MO TU WE TH FR SA | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜18:30
            平日 9:00〜17:00                              | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            土日 10:00〜16:00                             | SA SU                | 2026-09-05 2026-09-06 2026-09-12 | 10:00〜16:00
            土日祝 10:00〜16:00                           | MO TU WE TH FR SA SU | 2026-09-05 2026-09-06 2026-09-12 | 10:00〜16:00
            火曜日以外の平日 9:00〜18:00                   | MO WE TH FR          | 2026-09-02 2026-09-03 2026-09-04 | 09:00〜18:00
            水曜日以外の曜日 10:00〜18:00                  | MO TU TH FR SA SU    | 2026-09-01 2026-09-03 2026-09-04 | 10:00〜18:00
            毎日 10:00〜19:00                             | MO TU WE TH FR SA SU | 2026-09-01 2026-09-02 2026-09-03 | 10:00〜19:00
            年中無休 9:00〜21:00                          | MO TU WE TH FR SA SU | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜21:00
            24時間365日                                   | MO TU WE TH FR SA SU | 2026-09-01 2026-09-02 2026-09-03 | 00:00〜24:00
            24時間営業                                    | MO TU WE TH FR SA SU | 2026-09-01 2026-09-02 2026-09-03 | 00:00〜24:00
            24時間対応（救急外来）                         | MO TU WE TH FR SA SU | 2026-09-01 2026-09-02 2026-09-03 | 00:00〜24:00
            月〜金 9:00〜17:00（緊急時は24時間対応）        | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            月〜金 9:00〜17:30（24時間連絡体制あり）        | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:30
            月〜金 9:00〜11:30（予約制、土・日・祝日休診）   | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜11:30
            月〜金 8:30〜11:00（受付時間、土・日・祝日休診） | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 08:30〜11:00
            月〜金 9:00〜17:00（外来は午前のみ）            | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            月〜金 9:00〜17:00（弁護士相談は毎月第3木曜日・要予約） | MO TU WE TH FR | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            毎週火曜日 10:00〜11:30（全8回・9月〜10月）     | TU                   | 2026-09-01 2026-09-08 2026-09-15 | 10:00〜11:30
            毎週水曜日 14:00〜16:00（要予約）               | WE                   | 2026-09-02 2026-09-09 2026-09-16 | 14:00〜16:00
            毎週月曜日                                    | MO                   | 2026-09-07 2026-09-14 2026-09-21 |
            毎週月曜日（祝日は休み）                        | MO                   | 2026-09-07 2026-09-14 2026-09-28 |
            受付時間 月〜金 9:00〜17:00                     | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜17:00
            月〜金 9:00〜24:00                            | MO TU WE TH FR       | 2026-09-01 2026-09-02 2026-09-03 | 09:00〜24:00
            毎月第2・4金曜日（午前9時～午後2時）         | FR                   | 2026-09-11 2026-09-25 2026-10-09 | 09:00〜14:00
            毎月第2・4金曜日（午前9時〜午後2時、8月は休み）   | FR                   | 2026-09-11 2026-09-25 2026-10-09 | 09:00〜14:00
            毎月第1～3水曜日（午前10時～午後3時）        | WE                   | 2026-09-02 2026-09-09 2026-09-16 | 10:00〜15:00
            毎月第1〜第3水曜日 10:00〜15:00       | WE                   | 2026-09-02 2026-09-09 2026-09-16 | 10:00〜15:00
            毎月第2～4月曜日 13:00〜15:00（祝日は休み） | MO                   | 2026-09-14 2026-09-28 2026-10-19 | 13:00〜15:00
            第1日曜日（10:00〜11:00）           | SU                   | 2026-09-06 2026-10-04 2026-11-01 | 10:00〜11:00
            毎月10日 10時～12時                | MO TU WE TH FR SA SU | 2026-09-10 2026-10-10 2026-11-10 | 10:00〜12:00
            毎月10日　10時～12時                | MO TU WE TH FR SA SU | 2026-09-10 2026-10-10 2026-11-10 | 10:00〜12:00
            毎月10日                        | MO TU WE TH FR SA SU | 2026-09-10 2026-10-10 2026-11-10 | 
            毎月5日・20日 13:00〜15:00         | MO TU WE TH FR SA SU | 2026-09-05 2026-09-20 2026-10-05 | 13:00〜15:00
            毎月5・20日（午後1時～3時）             | MO TU WE TH FR SA SU | 2026-09-05 2026-09-20 2026-10-05 | 13:00〜15:00
            毎月15日 10:00〜12:00（8月は休み）     | MO TU WE TH FR SA SU | 2026-09-15 2026-10-15 2026-11-15 | 10:00〜12:00
            毎月31日 10:00〜12:00            | MO TU WE TH FR SA SU | 2026-10-31 2026-12-31 2027-01-31 | 10:00〜12:00
            毎月20日 10:00〜12:00（日曜・祝日休み）   | MO TU WE TH FR SA    | 2026-10-20 2026-11-20 2027-01-20 | 10:00〜12:00
            第3火曜日 午後                     | TU                   | 2026-09-15 2026-10-20 2026-11-17 | 
            第3火曜日（午後）                    | TU                   | 2026-09-15 2026-10-20 2026-11-17 | 
            毎月第3火曜日の午後                   | TU                   | 2026-09-15 2026-10-20 2026-11-17 | 
            毎週水曜日 午前中                    | WE                   | 2026-09-02 2026-09-09 2026-09-16 | 
            毎週木曜日 午前のみ（祝日休み）             | TH                   | 2026-09-03 2026-09-10 2026-09-17 | 
            毎週火曜日 午後 1時〜3時               | TU                   | 2026-09-01 2026-09-08 2026-09-15 | 13:00〜15:00
            第3火曜日 午後 1:00〜3:00               | TU                   | 2026-09-15 2026-10-20 2026-11-17 | 13:00〜15:00
            毎週火曜日 午前 10時〜午後 3時              | TU                   | 2026-09-01 2026-09-08 2026-09-15 | 10:00〜15:00
            毎週火曜日 午後1時半～3時               | TU                   | 2026-09-01 2026-09-08 2026-09-15 | 13:30〜15:00
            """)
    void parses(String text, String weekdays, String firstThree, String slots) {
        Recurrence r = parse(text);
        assertEquals(days(weekdays), r.weekdays(), "weekdays");
        List<LocalDate> expected = Arrays.stream(firstThree.split(" ")).map(LocalDate::parse).toList();
        assertEquals(expected, r.nextDates(LocalDate.of(2026, 9, 1), 3), "next dates");
        String actualSlots = r.slotsOn(expected.get(0)).stream().map(Recurrence.Slot::toString)
                .collect(Collectors.joining(" "));
        assertEquals(slots == null ? "" : slots.strip(), actualSlots, "slots");
    }

    @Test
    void aTextReadTwiceGivesTheSameAnswerInAScheduleOfItsOwn() {
        ScheduleParser parser = new ScheduleParser(REFERENCE);
        Schedule first = parser.parse("月〜金 9:00〜18:00（土・日・祝日休み）");
        Schedule again = parser.parse("月〜金 9:00〜18:00（土・日・祝日休み）");
        assertTrue(first != again, "each resource embeds its own schedule");
        assertEquals(first.rules(), again.rules());
        assertEquals(first.text(), again.text());
        Schedule odd = parser.parse("不定期");
        Schedule oddAgain = parser.parse("不定期");
        assertFalse(oddAgain.isParsed());
        assertEquals(odd.warning(), oddAgain.warning(), "a text not understood is remembered with its reason");
        assertEquals(new ScheduleParser(REFERENCE).parse("毎週水曜日 10:00〜12:00").rules(),
                parser.parse("毎週水曜日 10:00〜12:00").rules());
    }

    @Test
    void aMondayClosedOnHolidaysIsNotHeldOnKeirouNoHi() {
        Recurrence r = parse("毎週月曜日 13:30〜15:00（祝日の場合は休み）");
        assertFalse(r.occursOn(LocalDate.of(2026, 9, 21)));
        assertTrue(r.occursOn(LocalDate.of(2026, 9, 28)));
        assertEquals(List.of(), r.slotsOn(LocalDate.of(2026, 9, 21)));
    }

    @Test
    void withoutAHolidayClosureItIsHeldOnHolidays() {
        assertTrue(parse("毎週月曜日 13:30〜15:30").occursOn(LocalDate.of(2026, 9, 21)));
        assertTrue(parse("月〜金 9:00〜17:00").occursOn(LocalDate.of(2026, 9, 22)));
        assertFalse(parse("平日 9:00〜17:00").occursOn(LocalDate.of(2026, 9, 22)), "平日 excludes 祝日");
        assertFalse(parse("火曜日以外の平日 9:00〜18:00").occursOn(LocalDate.of(2026, 9, 23)));
    }

    @Test
    void holidaysOpenOnDoWhateverWeekdayTheyFallOn() {
        Recurrence r = parse("土日祝 10:00〜16:00");
        assertTrue(r.occursOn(LocalDate.of(2026, 9, 22)), "国民の休日 (Tuesday)");
        assertTrue(r.occursOn(LocalDate.of(2025, 11, 24)), "振替休日 (Monday)");
        assertFalse(r.occursOn(LocalDate.of(2026, 9, 24)));
    }

    @Test
    void theThirdMondayInAMonthWithFiveMondays() {
        Recurrence r = parse("毎月第3月曜日 10:00〜12:00");
        // June 2026 has five Mondays (1, 8, 15, 22, 29): only the 15th.
        assertEquals(List.of(LocalDate.of(2026, 6, 15)), r.nextDates(LocalDate.of(2026, 6, 1), 5).subList(0, 1));
        for (int d = 1; d <= 30; d++) {
            assertEquals(d == 15, r.occursOn(LocalDate.of(2026, 6, d)), "June " + d);
        }
        Recurrence last = parse("毎月最終月曜日 10:00〜12:00");
        assertTrue(last.occursOn(LocalDate.of(2026, 6, 29)));
        assertFalse(last.occursOn(LocalDate.of(2026, 6, 22)));
        assertTrue(last.occursOn(LocalDate.of(2026, 7, 27)), "July's last Monday is its 4th");
    }

    @Test
    void yearEndClosureCoversDecember29ToJanuary3() {
        Recurrence r = parse("毎日 10:00〜19:00（年末年始休み）");
        for (LocalDate d = LocalDate.of(2026, 12, 29); !d.isAfter(LocalDate.of(2027, 1, 3)); d = d.plusDays(1)) {
            assertFalse(r.occursOn(d), d.toString());
        }
        assertTrue(r.occursOn(LocalDate.of(2026, 12, 28)));
        assertTrue(r.occursOn(LocalDate.of(2027, 1, 4)));
        assertEquals(List.of(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4)),
                r.nextDates(LocalDate.of(2026, 12, 28), 2));
        Recurrence saturday = parse("毎週土曜日 14:00〜16:00（年末年始は休み）");
        assertFalse(saturday.occursOn(LocalDate.of(2027, 1, 2)));
        assertTrue(saturday.occursOn(LocalDate.of(2026, 12, 26)));
    }

    @Test
    void monthExceptionsAndRestrictions() {
        Recurrence august = parse("毎月第2・第4水曜日 13:30〜15:00（8月は休み）");
        assertFalse(august.occursOn(LocalDate.of(2026, 8, 12)));
        assertTrue(august.occursOn(LocalDate.of(2026, 7, 22)));
        assertEquals(List.of(LocalDate.of(2026, 7, 22), LocalDate.of(2026, 9, 9)),
                august.nextDates(LocalDate.of(2026, 7, 16), 2));
        Recurrence two = parse("毎週金曜日 14:00〜15:30（8月・12月は休み）");
        assertFalse(two.occursOn(LocalDate.of(2026, 12, 4)));
        assertFalse(two.occursOn(LocalDate.of(2026, 8, 7)));
        assertTrue(two.occursOn(LocalDate.of(2026, 11, 27)));
        Recurrence course = parse("毎週月曜日 10:00〜11:30（全8回・5月〜6月）");
        assertEquals(LocalDate.of(2027, 5, 3), course.nextDates(LocalDate.of(2026, 9, 1), 1).get(0));
        assertFalse(course.occursOn(LocalDate.of(2026, 7, 6)));
    }

    @Test
    void severalClosuresJoinedByNakaguro() {
        Recurrence r = parse("毎週月曜日 13:30〜15:00（祝日の場合は休み・年末年始は休み）");
        assertFalse(r.occursOn(LocalDate.of(2026, 9, 21)));
        assertFalse(r.occursOn(LocalDate.of(2028, 1, 3)));
        assertTrue(r.occursOn(LocalDate.of(2026, 12, 28)));
    }

    @Test
    void closedWeekdaysAreRemovedFromTheOpenOnes() {
        Recurrence r = parse("毎日 9:00〜18:00（日曜・祝日休み）");
        assertEquals(days("MO TU WE TH FR SA"), r.weekdays());
        assertFalse(r.occursOn(LocalDate.of(2026, 9, 23)));
    }

    @Test
    void biweeklyIsMarkedAsAnAssumedAnchor() {
        Schedule s = PARSER.parse("隔週火曜日 14:00〜16:00");
        assertTrue(s.rules().contains("INTERVAL=2"));
        assertTrue(s.rules().contains("X-TSUNAGU-ANCHOR:ASSUMED"));
        assertTrue(s.rules().contains("DTSTART:20260407T140000"), s.rules());
    }

    @Test
    void rulesAreRfc5545Lines() {
        Schedule s = PARSER.parse("毎月第2・第4水曜日 13:30〜15:00（8月は休み）");
        assertEquals("""
                BEGIN:VEVENT\r
                DTSTART:20260408T133000\r
                DTEND:20260408T150000\r
                RRULE:FREQ=MONTHLY;BYMONTH=1,2,3,4,5,6,7,9,10,11,12;BYDAY=2WE,4WE\r
                END:VEVENT\r
                """, s.rules());
        Schedule clinic = PARSER.parse("月〜金 9:00〜12:00／14:00〜17:30（土・日・祝日・年末年始休診）");
        assertEquals("""
                BEGIN:VEVENT\r
                DTSTART:20260401T090000\r
                DTEND:20260401T120000\r
                RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r
                X-TSUNAGU-CLOSED:HOLIDAYS\r
                X-TSUNAGU-CLOSED:YEAR-END\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                DTSTART:20260401T140000\r
                DTEND:20260401T173000\r
                RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r
                X-TSUNAGU-CLOSED:HOLIDAYS\r
                X-TSUNAGU-CLOSED:YEAR-END\r
                END:VEVENT\r
                """, clinic.rules());
    }

    @Test
    void blankIsNone() {
        assertFalse(PARSER.parse(null).isParsed());
        assertNull(PARSER.parse("  ").text());
        assertNull(PARSER.parse("").warning());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            不定期（お問い合わせください）                          | 日程を読み取れませんでした（不定期）
            年3回開催（日程は広報ひだまりでお知らせします）          | 日程を読み取れませんでした（年3回・日付の記載なし）
            年６回（奇数月・日程は広報ひだまりに掲載）               | 日程を読み取れませんでした（年6回・日付の記載なし）
            月1回程度（日程は町会の掲示板でお知らせします）          | 日程を読み取れませんでした（月1回・日付の記載なし）
            毎月1回（日程は回覧板でお知らせします）                  | 日程を読み取れませんでした（月1回・日付の記載なし）
            各店の営業時間                                          | 日程を読み取れませんでした（曜日・時間が決まっていません）
            朝刊の配達時（毎日）                                    | 日程を読み取れませんでした（「朝刊の配達時」が分かりません）
            9:00〜17:00                                            | 日程を読み取れませんでした（曜日の記載がありません）
            毎月水曜日 10:00〜12:00                                 | 日程を読み取れませんでした（毎月の何週目か書かれていません）
            毎月第6水曜日 10:00〜12:00                              | 日程を読み取れませんでした（第6週はありません）
            毎週月曜日 15:00〜13:00                                 | 日程を読み取れませんでした（時間帯「15:00〜13:00」が正しくありません）
            毎週月曜日 25:00〜26:00                                 | 日程を読み取れませんでした（時刻「25:00」が正しくありません）
            毎週月曜日 13:00〜15:00（お盆休み）                      | 日程を読み取れませんでした（「お盆休み」が分かりません）
            毎週月曜日 13:00〜15:00（雨の日はお休み）                | 日程を読み取れませんでした（「雨の日はお休み」が分かりません）
            毎週月曜日 13:00〜15:00（月曜休み）                      | 日程を読み取れませんでした（開催日がすべて休みの曜日です）
            毎週月曜日 13:00〜15:00 ほか                            | 日程を読み取れませんでした（「ほか」が分かりません）
            毎週月曜日 13:00〜                                      | 日程を読み取れませんでした（「毎週月曜日13:00〜」が分かりません）
            夏休み期間中の平日 10:00〜12:00                          | 日程を読み取れませんでした（「夏休み期間中の平日」が分かりません）
            不定期                                      | 日程を読み取れませんでした（不定期）
            週不確定日曜日　13:00～14:00                      | 日程を読み取れませんでした（何週目か決まっていません）
            第3火曜日 午前 13:00〜15:00                     | 日程を読み取れませんでした（時刻「午前 13:00」が正しくありません）
            毎週水曜日（午後）13:00〜15:00                     | 日程を読み取れませんでした（「午後」と時間帯が両方書かれています）
            毎月第3～1水曜日 10:00〜12:00                    | 日程を読み取れませんでした（「毎月第3〜1水曜日」が分かりません）
            毎月第4～6水曜日 10:00〜12:00                    | 日程を読み取れませんでした（第6週はありません）
            毎月32日 10:00〜12:00                        | 日程を読み取れませんでした（32日はありません）
            毎月10日と第3火曜日 10:00〜12:00                  | 日程を読み取れませんでした（「毎月10日と第3火曜日」が分かりません）
            毎月10日 10:00〜12:00（12:00〜13:00）           | 日程を読み取れませんでした（曜日の記載がありません）
            毎月10日 10:00〜12:00（日・月・火・水・木・金・土曜休み）      | 日程を読み取れませんでした（開催日がすべて休みの曜日です）
            毎週月曜 午前、木曜 午後                            | 日程を読み取れませんでした（「毎週月曜午前木曜午後」が分かりません）
            10日 10:00〜12:00                          | 日程を読み取れませんでした（「10日」が分かりません）
            """)
    void irregularOrNotUnderstoodTextIsKeptWithAReason(String text, String reason) {
        Schedule s = PARSER.parse(text);
        assertFalse(s.isParsed());
        assertEquals(text, s.text());
        assertEquals(reason, s.warning());
        assertTrue(Recurrence.of(s).isEmpty());
        assertTrue(Recurrence.of(s).weekdays().isEmpty());
        assertFalse(Recurrence.of(s).occursOn(LocalDate.of(2026, 9, 7)));
    }

    /** The date search ({@code ScheduleFilter}) asks {@link Recurrence#occursOn} exactly this. */
    @Test
    void dayOfMonthRulesOccurOnThatDayOnly() {
        Recurrence tenth = parse("毎月10日 10時～12時");
        assertTrue(tenth.occursOn(LocalDate.of(2026, 12, 10)));
        assertFalse(tenth.occursOn(LocalDate.of(2026, 12, 11)));
        assertFalse(tenth.occursOn(LocalDate.of(2026, 12, 9)));
        assertEquals(List.of(new Recurrence.Slot(LocalTime.of(10, 0), LocalTime.of(12, 0))),
                tenth.slotsOn(LocalDate.of(2026, 12, 10)));
        assertEquals(EnumSet.allOf(DayOfWeek.class), tenth.weekdays(), "the 10th falls on every weekday in turn");
        Schedule s = PARSER.parse("毎月10日 10時～12時");
        assertTrue(s.rules().contains("RRULE:FREQ=MONTHLY;BYMONTHDAY=10\r\n"), s.rules());
        Recurrence twice = parse("毎月5日・20日");
        for (int d = 1; d <= 31; d++) {
            assertEquals(d == 5 || d == 20, twice.occursOn(LocalDate.of(2026, 12, d)), "December " + d);
        }
        Recurrence notOnSunday = parse("毎月10日 10:00〜12:00（日曜休み）");
        assertFalse(notOnSunday.occursOn(LocalDate.of(2027, 1, 10)), "a Sunday");
        assertTrue(notOnSunday.occursOn(LocalDate.of(2027, 2, 10)));
        Recurrence last = parse("毎月31日");
        assertFalse(last.occursOn(LocalDate.of(2026, 11, 30)), "no 31st in November: not moved to the 30th");
        assertTrue(last.occursOn(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void weekRangesAreEveryWeekInTheRange() {
        Recurrence r = parse("毎月第1～3水曜日（午前10時～午後3時）");
        // December 2026: Wednesdays 2, 9, 16, 23, 30.
        assertTrue(r.occursOn(LocalDate.of(2026, 12, 2)));
        assertTrue(r.occursOn(LocalDate.of(2026, 12, 9)));
        assertTrue(r.occursOn(LocalDate.of(2026, 12, 16)), "the 3rd Wednesday");
        assertFalse(r.occursOn(LocalDate.of(2026, 12, 23)), "the 4th Wednesday");
        assertFalse(r.occursOn(LocalDate.of(2026, 12, 30)), "the 5th Wednesday");
        assertFalse(r.occursOn(LocalDate.of(2026, 12, 17)));
        assertEquals(List.of(new Recurrence.Slot(LocalTime.of(10, 0), LocalTime.of(15, 0))),
                r.slotsOn(LocalDate.of(2026, 12, 16)));
        assertTrue(PARSER.parse("毎月第1～3水曜日（午前10時～午後3時）").rules().contains("BYDAY=1WE,2WE,3WE"));
    }

    @Test
    void onlyMorningOrAfternoonGivesTheDaysWithoutATime() {
        Schedule s = PARSER.parse("第3火曜日 午後");
        assertTrue(s.rules().contains("DTSTART;VALUE=DATE:20260421\r\n"), s.rules());
        assertFalse(s.rules().contains("DTEND"), "no invented clock time");
        Recurrence r = Recurrence.decode(s.rules());
        assertTrue(r.occursOn(LocalDate.of(2026, 12, 15)));
        assertFalse(r.occursOn(LocalDate.of(2026, 12, 8)));
        assertEquals(List.of(), r.slotsOn(LocalDate.of(2026, 12, 15)));
        assertEquals("第3火曜日 午後", s.text(), "the text, with its 午後, is what residents are shown");
        assertEquals(parse("第3火曜日").blocks(), r.blocks());
    }

    @Test
    void wholeDayAndMidnightEnd() {
        Recurrence r = parse("24時間365日");
        assertTrue(r.slotsOn(LocalDate.of(2026, 1, 1)).get(0).wholeDay());
        assertEquals(LocalTime.MAX, parse("月〜金 9:00〜24:00").slotsOn(LocalDate.of(2026, 9, 1)).get(0).end());
    }
}
