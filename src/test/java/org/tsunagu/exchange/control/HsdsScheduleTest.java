package org.tsunagu.exchange.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;

/** The HSDS schedule entries of the rules the parser writes: weekday positions and days of the month. */
class HsdsScheduleTest {

    static final ScheduleParser PARSER = new ScheduleParser(LocalDate.of(2026, 4, 1));

    static JsonArray schedules(String text) {
        Resource r = new Resource(null, "谷原サロン会", Category.SALON, "東京都練馬区谷原五丁目1-1");
        r.setSchedule(PARSER.parse(text));
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(out)) {
            g.writeStartArray();
            new HsdsExport(g).write(HsdsExport.Table.SCHEDULE, r);
            g.writeEnd();
        }
        return Json.createReader(new StringReader(out.toString())).readArray();
    }

    @Test
    void aDayOfTheMonthIsBymonthdayWithoutAnInventedWeekday() {
        JsonObject s = schedules("毎月10日　10時～12時").getJsonObject(0);
        assertEquals("MONTHLY", s.getString("freq"));
        assertEquals("10", s.getString("bymonthday"));
        assertFalse(s.containsKey("byday"), s.toString());
        assertEquals("10:00+09:00", s.getString("opens_at"));
        JsonObject twice = schedules("毎月5日・20日 13:00〜15:00（日曜休み）").getJsonObject(0);
        assertEquals("5,20", twice.getString("bymonthday"));
        assertEquals("MO,TU,WE,TH,FR,SA", twice.getString("byday"), "byday limits the days of the month");
    }

    @Test
    void weekRangesAndAfternoonsOnly() {
        JsonObject range = schedules("毎月第1～3水曜日（午前10時～午後3時）").getJsonObject(0);
        assertEquals("1WE,2WE,3WE", range.getString("byday"));
        assertFalse(range.containsKey("bymonthday"));
        assertEquals("15:00+09:00", range.getString("closes_at"));
        JsonObject afternoon = schedules("第3火曜日 午後").getJsonObject(0);
        assertEquals("3TU", afternoon.getString("byday"));
        assertFalse(afternoon.containsKey("opens_at"), "「午後」 alone: no invented time");
        assertEquals("第3火曜日 午後", afternoon.getString("description"));
    }
}
