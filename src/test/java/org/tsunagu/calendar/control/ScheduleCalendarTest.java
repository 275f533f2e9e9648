package org.tsunagu.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RDate;
import org.junit.jupiter.api.Test;
import org.tsunagu.calendar.entity.Schedule;

class ScheduleCalendarTest {

    static final ScheduleParser PARSER = new ScheduleParser(LocalDate.of(2026, 4, 1));
    static final ScheduleCalendar CALENDAR = new ScheduleCalendar();
    static final LocalDate FROM = LocalDate.of(2026, 9, 1);

    static Calendar parseBack(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(p -> p.getValue()).orElse(null);
    }

    @Test
    void aWeeklySalonClosedOnHolidaysAndAtYearEnd() throws Exception {
        Schedule s = PARSER.parse("毎週月曜日 13:30〜15:00（祝日の場合は休み・年末年始は休み）");
        String ics = CALENDAR.ics("salon-1", "サロン", "宮前地区会館", "https://example.jp/salon", s, FROM);
        assertTrue(ics.contains("PRODID:-//Tsunagu//JA"));
        assertTrue(ics.contains("BEGIN:VTIMEZONE"));
        Calendar cal = parseBack(ics);
        List<VEvent> events = cal.getComponents("VEVENT");
        assertEquals(1, events.size());
        VEvent event = events.get(0);
        assertEquals("FREQ=WEEKLY;BYDAY=MO", value(event, "RRULE"));
        assertEquals("20260907T133000", value(event, "DTSTART"));
        assertEquals("20260907T150000", value(event, "DTEND"));
        assertEquals("Asia/Tokyo", event.getProperty("DTSTART").get().getParameter("TZID").get().getValue());
        DtStart<?> start = event.getStartDate().get();
        assertEquals(13, ((ZonedDateTime) start.getDate()).getHour());
        assertEquals(9 * 3600, ((ZonedDateTime) start.getDate()).getOffset().getTotalSeconds());
        ExDate<?> ex = event.<ExDate<?>>getProperty("EXDATE").get();
        List<LocalDate> excluded = ex.getDates().stream().map(t -> LocalDate.from((Temporal) t)).toList();
        assertTrue(excluded.contains(LocalDate.of(2026, 9, 21)), "敬老の日");
        assertTrue(excluded.contains(LocalDate.of(2026, 10, 12)), "スポーツの日");
        assertTrue(excluded.contains(LocalDate.of(2028, 1, 3)), "年末年始 (a plain Monday)");
        assertFalse(excluded.contains(LocalDate.of(2026, 12, 28)));
        assertTrue(excluded.stream().allMatch(d -> d.isBefore(FROM.plusYears(2))));
        assertEquals("サロン", value(event, "SUMMARY"));
        assertEquals("宮前地区会館", value(event, "LOCATION"));
        assertEquals("https://example.jp/salon", value(event, "URL"));
        assertEquals(s.text(), value(event, "DESCRIPTION"));
        assertEquals("salon-1-1", value(event, "UID"));
    }

    @Test
    void oneEventPerRuleBlock() throws Exception {
        Schedule s = PARSER.parse("月〜金 9:00〜12:00／14:00〜17:00、土 9:00〜12:00（日曜・祝日休診）");
        List<VEvent> events = parseBack(CALENDAR.ics("clinic", "診療所", null, null, s, FROM)).getComponents("VEVENT");
        assertEquals(3, events.size());
        assertEquals(List.of("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;BYDAY=SA"),
                events.stream().map(e -> value(e, "RRULE")).toList());
        assertEquals(List.of("20260901T090000", "20260901T140000", "20260905T090000"),
                events.stream().map(e -> value(e, "DTSTART")).toList());
        assertTrue(value(events.get(1), "EXDATE").contains("20260922T140000"), "国民の休日 is closed");
        assertFalse(value(events.get(2), "EXDATE").contains("20260905"), "Saturdays that are not holidays stay");
    }

    @Test
    void monthlyRuleStartsOnItsFirstOccurrenceWithoutExclusionsWhenNoneApply() throws Exception {
        Schedule s = PARSER.parse("毎月第2・第4水曜日 13:30〜15:00（8月は休み）");
        VEvent e = parseBack(CALENDAR.ics("x", "体操", null, null, s, FROM)).<VEvent>getComponent("VEVENT").get();
        assertEquals("FREQ=MONTHLY;BYMONTH=1,2,3,4,5,6,7,9,10,11,12;BYDAY=2WE,4WE", value(e, "RRULE"));
        assertEquals("20260909T133000", value(e, "DTSTART"));
        assertTrue(e.getProperty("EXDATE").isEmpty());
    }

    @Test
    void salonWordingsBecomeMonthdayAndAllDayEvents() throws Exception {
        Schedule tenth = PARSER.parse("毎月10日 10時～12時（祝日休み）");
        VEvent e = parseBack(CALENDAR.ics("x", "谷原サロン会", null, null, tenth, FROM)).<VEvent>getComponent("VEVENT").get();
        assertEquals("FREQ=MONTHLY;BYMONTHDAY=10", value(e, "RRULE"));
        assertEquals("20260910T100000", value(e, "DTSTART"));
        assertEquals("20260910T120000", value(e, "DTEND"));
        assertEquals("20280110T100000", value(e, "EXDATE"), "成人の日 2028 is the only 10th that is a holiday in two years");
        Schedule afternoon = PARSER.parse("第3火曜日 午後");
        VEvent a = parseBack(CALENDAR.ics("y", "おしゃべりサロン", null, null, afternoon, FROM)).<VEvent>getComponent("VEVENT").get();
        assertEquals("20260915", value(a, "DTSTART"), "a day with no invented time");
        assertTrue(a.getProperty("DTEND").isEmpty());
        assertEquals("第3火曜日 午後", value(a, "DESCRIPTION"));
    }

    @Test
    void holidaysBecomeRdatesWhenItIsAlsoHeldOnThem() throws Exception {
        Schedule s = PARSER.parse("土日祝");
        VEvent e = parseBack(CALENDAR.ics("x", "直売所", null, null, s, FROM)).<VEvent>getComponent("VEVENT").get();
        assertEquals("20260905", value(e, "DTSTART"));
        RDate<?> rdate = e.<RDate<?>>getProperty("RDATE").get();
        assertTrue(rdate.getDates().contains(LocalDate.of(2026, 9, 22)));
        assertFalse(rdate.getDates().contains(LocalDate.of(2026, 11, 22)), "a Sunday is in the RRULE already");
    }

    @Test
    void wholeDayRunsMidnightToMidnight() throws Exception {
        VEvent e = parseBack(CALENDAR.ics("x", "救急", null, null, PARSER.parse("24時間365日"), FROM))
                .<VEvent>getComponent("VEVENT").get();
        assertEquals("20260901T000000", value(e, "DTSTART"));
        assertEquals("20260902T000000", value(e, "DTEND"));
        assertEquals("FREQ=DAILY", value(e, "RRULE"));
    }

    @Test
    void unparsedScheduleHasNoEvents() throws Exception {
        String ics = CALENDAR.ics("x", "不定期の会", null, null, PARSER.parse("不定期"), FROM);
        assertTrue(parseBack(ics).getComponents("VEVENT").isEmpty());
    }
}
