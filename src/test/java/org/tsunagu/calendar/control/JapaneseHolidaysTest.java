package org.tsunagu.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseHolidaysTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2026-01-01, 元日",
            "2026-01-12, 成人の日",
            "2026-02-11, 建国記念の日",
            "2026-02-23, 天皇誕生日",
            "2026-03-20, 春分の日",
            "2026-04-29, 昭和の日",
            "2026-05-03, 憲法記念日",
            "2026-05-04, みどりの日",
            "2026-05-05, こどもの日",
            "2026-05-06, 振替休日",
            "2026-07-20, 海の日",
            "2026-08-11, 山の日",
            "2026-09-21, 敬老の日",
            "2026-09-22, 国民の休日",
            "2026-09-23, 秋分の日",
            "2026-10-12, スポーツの日",
            "2026-11-03, 文化の日",
            "2026-11-23, 勤労感謝の日",
            "2025-11-24, 振替休日",
            "2025-02-24, 振替休日",
            "2024-02-12, 振替休日",
            "2024-09-23, 振替休日",
            "2024-03-20, 春分の日",
            "2027-03-21, 春分の日",
            "2027-03-22, 振替休日",
            "2027-09-23, 秋分の日",
            "2030-03-20, 春分の日",
            "2030-09-23, 秋分の日",
            "2032-09-21, 国民の休日",
            "2019-04-30, 国民の休日",
            "2019-05-01, 天皇の即位の日",
            "2019-05-02, 国民の休日",
            "2019-10-22, 即位礼正殿の儀の行われる日",
            "2020-07-23, 海の日",
            "2020-07-24, スポーツの日",
            "2020-08-10, 山の日",
            "2021-07-22, 海の日",
            "2021-07-23, スポーツの日",
            "2021-08-08, 山の日",
            "2021-08-09, 振替休日",
            "2015-09-22, 国民の休日",
            "2018-12-23, 天皇誕生日",
            "2018-12-24, 振替休日",
            "2009-09-22, 国民の休日",
            "2008-05-06, 振替休日",
            "1999-01-15, 成人の日",
            "1999-10-10, 体育の日",
            "1999-10-11, 振替休日",
            "2000-01-10, 成人の日",
            "1988-04-29, 天皇誕生日",
            "1990-04-29, みどりの日",
            "1990-04-30, 振替休日",
            "1989-02-24, 昭和天皇の大喪の礼",
            "1950-03-21, 春分の日",
            "1950-09-23, 秋分の日",
    })
    void knownHolidays(LocalDate date, String name) {
        assertTrue(JapaneseHolidays.isHoliday(date), date + " is a holiday");
        assertEquals(Optional.of(name), JapaneseHolidays.nameOf(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-09-24", "2026-01-02", "2026-12-29", "2026-12-23", "2019-02-23", "2020-07-20",
            "2020-10-12", "2021-08-11", "2025-11-25", "2026-05-07", "2024-02-13", "1995-07-20", "2015-08-11"})
    void ordinaryDays(LocalDate date) {
        assertFalse(JapaneseHolidays.isHoliday(date));
        assertEquals(Optional.empty(), JapaneseHolidays.nameOf(date));
    }

    @Test
    void the2026Calendar() {
        assertEquals(List.of("2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29",
                "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21",
                "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23"),
                JapaneseHolidays.holidaysIn(2026).stream().map(LocalDate::toString).toList());
    }

    @Test
    void everyYearHasItsSixteenHolidaysPlusDerivedOnes() {
        for (int year = 2020; year <= 2099; year++) {
            int count = JapaneseHolidays.holidaysIn(year).size();
            assertTrue(count >= 16 && count <= 22, year + " has " + count);
        }
    }

    @Test
    void equinoxesAgreeWithTheAlmanacForTheComing_years() {
        // 国立天文台 暦要項 (published up to 2027) and the common approximation for later years.
        assertEquals(20, JapaneseHolidays.vernalEquinoxDay(2025));
        assertEquals(23, JapaneseHolidays.autumnalEquinoxDay(2025));
        assertEquals(20, JapaneseHolidays.vernalEquinoxDay(2028));
        assertEquals(22, JapaneseHolidays.autumnalEquinoxDay(2028));
        assertEquals(22, JapaneseHolidays.autumnalEquinoxDay(2044));
    }

    @Test
    void outsideTheSupportedRangeNothingIsKnown() {
        assertFalse(JapaneseHolidays.isHoliday(LocalDate.of(1900, 1, 1)));
        assertEquals(List.of(), JapaneseHolidays.holidaysIn(2200));
    }

    @Test
    void concurrentFirstUseAgrees() {
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        IntStream.range(0, 64).parallel().forEach(i -> sizes.add(JapaneseHolidays.holidaysIn(2040 + i % 4).size()));
        assertEquals(64, sizes.size());
        assertTrue(sizes.stream().allMatch(s -> s >= 16));
    }
}
