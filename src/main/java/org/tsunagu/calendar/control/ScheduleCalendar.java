package org.tsunagu.calendar.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.tsunagu.calendar.entity.Schedule;

/**
 * A resource's schedule as an iCalendar file (RFC 5545) that residents and care managers can subscribe
 * to in the calendar on their phone. Calendar apps know nothing of 祝日 or 年末年始, so the closures the
 * stored rules keep as {@code X-TSUNAGU-*} properties become explicit EXDATEs (and RDATEs for 「土日祝」)
 * over a horizon of {@link #HORIZON_YEARS} years from the requested date.
 *
 * <p>One VEVENT per rule block, in TZID Asia/Tokyo with a VTIMEZONE for JST (+09:00, no DST). An unparsed schedule yields a
 * calendar with no events: callers should answer 404/problem instead of serving it.
 */
@ApplicationScoped
public class ScheduleCalendar {

    public static final int HORIZON_YEARS = 2;
    static final String PRODUCT = "-//Tsunagu//JA";
    static final String TOKYO = "Asia/Tokyo";
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    public String ics(String uid, String summary, String location, String url, Schedule schedule, LocalDate from) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(japan());
        LocalDate until = from.plusYears(HORIZON_YEARS);
        List<Recurrence.Block> blocks = Recurrence.of(schedule).blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Recurrence.Block block = blocks.get(i);
            Recurrence bare = new Recurrence(List.of(new Recurrence.Block(block.rule(), block.anchor(), block.slot(),
                    false, false, false, false)));
            Recurrence full = new Recurrence(List.of(block));
            List<LocalDate> first = bare.nextDates(from, 1);
            if (first.isEmpty()) {
                continue;
            }
            LocalDate start = first.get(0);
            List<LocalDate> excluded = new ArrayList<>();
            List<LocalDate> added = new ArrayList<>();
            for (LocalDate d = start; d.isBefore(until); d = d.plusDays(1)) {
                boolean ruled = bare.occursOn(d);
                boolean held = full.occursOn(d);
                if (ruled && !held) {
                    excluded.add(d);
                } else if (held && !ruled) {
                    added.add(d);
                }
            }
            VEvent event = new VEvent();
            event.add(new Uid(uid + "-" + (i + 1)));
            Recurrence.Slot slot = block.slot();
            ParameterList tzid = new ParameterList(List.of(new TzId(TOKYO)));
            if (slot == null) {
                event.add(new DtStart<>(start));
                event.add(new RRule<LocalDate>(new Recur<>(block.rule().toString())));
                if (!excluded.isEmpty()) {
                    event.add(new ExDate<>(dateValue(), new DateList<>(excluded)));
                }
                if (!added.isEmpty()) {
                    event.add(new RDate<>(dateValue(), new DateList<>(added)));
                }
            } else {
                LocalDateTime begin = start.atTime(slot.start());
                LocalDateTime end = slot.end().equals(LocalTime.MAX) ? start.plusDays(1).atStartOfDay()
                        : start.atTime(slot.end());
                event.add(new DtStart<ZonedDateTime>(tzid, LOCAL.format(begin)));
                event.add(new DtEnd<ZonedDateTime>(tzid, LOCAL.format(end)));
                event.add(new RRule<ZonedDateTime>(new Recur<>(block.rule().toString())));
                if (!excluded.isEmpty()) {
                    event.add(new ExDate<ZonedDateTime>(tzid, at(excluded, slot.start())));
                }
                if (!added.isEmpty()) {
                    event.add(new RDate<ZonedDateTime>(tzid, at(added, slot.start())));
                }
            }
            event.add(new Summary(summary));
            if (location != null && !location.isBlank()) {
                event.add(new Location(location));
            }
            if (url != null && !url.isBlank()) {
                try {
                    event.add(new Url(new URI(url)));
                } catch (URISyntaxException e) {
                    // A malformed URL stays out of the calendar; the resource page still shows it.
                }
            }
            event.add(new Description(schedule.text()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ParameterList dateValue() {
        return new ParameterList(List.of(Value.DATE));
    }

    /** Local times written as text: ical4j 4.2.2 shifts Asia/Tokyo ZonedDateTimes by its 1948–51 DST rules. */
    private static String at(List<LocalDate> dates, LocalTime time) {
        return dates.stream().map(d -> LOCAL.format(d.atTime(time))).collect(Collectors.joining(","));
    }

    /**
     * Japan has kept +09:00 without daylight saving since 1951; a one-observance VTIMEZONE says exactly
     * that for every date this calendar can contain.
     */
    private static VTimeZone japan() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(JST));
        standard.add(new TzOffsetTo(JST));
        standard.add(new TzName("JST"));
        VTimeZone zone = new VTimeZone();
        zone.add(new net.fortuna.ical4j.model.property.TzId(TOKYO));
        zone.add(standard);
        return zone;
    }
}
