package org.tsunagu.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tsunagu.calendar.entity.Schedule;
import org.tsunagu.csv.CsvTable;

/**
 * Every schedule cell of the published-style salon sample ({@code ../shared/data/open-data/
 * tsunagu_salons_real_schedule_styles.csv}), worded as municipal and 社協 salon lists word them.
 */
class SalonScheduleStylesTest {

    static final ScheduleParser PARSER = new ScheduleParser(LocalDate.of(2026, 4, 1));
    static final LocalDate FROM = LocalDate.of(2026, 9, 1);

    /** external_id → the first three dates from 2026-09-01 and the time ranges on the first, or the kept reason. */
    static final Map<String, String> EXPECTED = table("""
            salon-001 | 2026-09-11 2026-09-25 2026-10-09 | 09:00〜14:00
            salon-002 | 2026-09-02 2026-09-09 2026-09-16 | 10:00〜15:00
            salon-003 | 2026-09-02 2026-09-09 2026-09-16 | 13:00〜16:00
            salon-004 | 2026-09-06 2026-10-04 2026-11-01 | 10:00〜11:00
            salon-005 | 2026-09-10 2026-10-10 2026-11-10 | 10:00〜12:00
            salon-006 | 2026-09-03 2026-09-07 2026-09-10 | 10:00〜11:30
            salon-007 | 2026-09-15 2026-10-20 2026-11-17 |
            salon-008 | 日程を読み取れませんでした（何週目か決まっていません）
            salon-009 | 2026-09-11 2026-09-25 2026-10-09 | 09:30〜11:30
            salon-010 | 2026-09-02 2026-09-04 2026-09-07 | 10:00〜11:00
            """);

    static Map<String, String> table(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.strip().split("\n")) {
            int bar = line.indexOf('|');
            m.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
        }
        return m;
    }

    static Map<String, String> schedulesById() throws IOException {
        Path csv = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "open-data",
                "tsunagu_salons_real_schedule_styles.csv");
        if (!Files.exists(csv)) {
            fail("Salon sample missing: " + csv.toAbsolutePath() + " (set -Dtsunagu.shared=<shared dir>)");
        }
        Map<String, String> byId = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.parse(Files.readAllBytes(csv), List.of("external_id", "schedule")).rows()) {
            byId.put(row.get("external_id"), row.get("schedule"));
        }
        return byId;
    }

    @Test
    void everyScheduleCellIsParsedExceptTheIrregularOne() throws IOException {
        Map<String, String> schedules = schedulesById();
        assertEquals(EXPECTED.keySet(), schedules.keySet(), "every row of the sample is checked");
        for (Map.Entry<String, String> e : schedules.entrySet()) {
            String id = e.getKey();
            String text = e.getValue();
            assertFalse(text.isEmpty(), id);
            Schedule s = PARSER.parse(text);
            assertEquals(text, s.text(), id);
            String expected = EXPECTED.get(id);
            if (expected.startsWith("日程を読み取れませんでした")) {
                assertFalse(s.isParsed(), id + " " + text + " stays text");
                assertEquals(expected, s.warning(), id);
                assertTrue(Recurrence.of(s).isEmpty(), id);
                continue;
            }
            assertTrue(s.isParsed(), () -> id + " " + text + " → " + s.warning());
            assertNull(s.warning(), id);
            String[] parts = expected.split("\\|", -1);
            List<LocalDate> dates = Arrays.stream(parts[0].strip().split(" ")).map(LocalDate::parse).toList();
            Recurrence r = Recurrence.of(s);
            assertEquals(dates, r.nextDates(FROM, 3), id + " " + text);
            assertEquals(parts.length > 1 ? parts[1].strip() : "", r.slotsOn(dates.get(0)).stream()
                    .map(Recurrence.Slot::toString).collect(Collectors.joining(" ")), id + " " + text);
        }
    }

    @Test
    void theRealWordingsSayWhatTheyMean() throws IOException {
        Map<String, String> schedules = schedulesById();
        assertEquals("毎月10日　10時～12時", schedules.get("salon-005"), "the sample still has this wording");
        Recurrence tenth = Recurrence.of(PARSER.parse(schedules.get("salon-005")));
        assertTrue(tenth.occursOn(LocalDate.of(2026, 12, 10)));
        assertFalse(tenth.occursOn(LocalDate.of(2026, 12, 11)));
        Recurrence firstToThird = Recurrence.of(PARSER.parse(schedules.get("salon-002")));
        assertTrue(firstToThird.occursOn(LocalDate.of(2026, 12, 16)), "the 3rd Wednesday");
        assertFalse(firstToThird.occursOn(LocalDate.of(2026, 12, 23)), "the 4th Wednesday");
        Schedule afternoon = PARSER.parse(schedules.get("salon-007"));
        assertFalse(afternoon.rules().contains("DTEND"), "「午後」 alone gets no invented clock time");
        Recurrence noAugust = Recurrence.of(PARSER.parse(schedules.get("salon-009")));
        assertFalse(noAugust.occursOn(LocalDate.of(2026, 8, 14)), "（8月は休み）: the 2nd Friday of August");
        assertTrue(noAugust.occursOn(LocalDate.of(2026, 7, 10)));
    }
}
