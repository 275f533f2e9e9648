package org.tsunagu.calendar.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.tsunagu.calendar.entity.Schedule;

/**
 * When a resource is held, compiled from the RFC 5545 rules stored in {@link Schedule#rules()} into bit
 * masks, so that "is it open on this date?" costs a few integer operations: the search filter asks it
 * for every one of 100,000 documents per query, where parsing RRULEs or expanding them with ical4j would
 * be far too slow.
 *
 * <p>The stored form is one {@code VEVENT} block per (rule, time range): DTSTART/DTEND in local time on
 * an anchor date (or DTSTART;VALUE=DATE alone when the text states no time), an RRULE
 * (FREQ=DAILY/WEEKLY/MONTHLY with INTERVAL, BYDAY, BYMONTH and, for MONTHLY, BYMONTHDAY: 「毎月10日」 is
 * {@code FREQ=MONTHLY;BYMONTHDAY=10}, and a BYDAY beside it limits the days as RFC 5545 says — 「毎月10日
 * （日曜休み）」 adds {@code BYDAY=MO,TU,WE,TH,FR,SA}), and Tsunagu properties for what an
 * RRULE cannot say: {@code X-TSUNAGU-CLOSED:HOLIDAYS} (祝日休み), {@code X-TSUNAGU-CLOSED:YEAR-END}
 * (年末年始 12/29–1/3 休み), {@code X-TSUNAGU-OPEN:HOLIDAYS} (also held on 祝日, 「土日祝」) and
 * {@code X-TSUNAGU-ANCHOR:ASSUMED} (隔週 whose starting week the text did not state). The lines are
 * written and read with ical4j types so they stay valid RFC 5545.
 *
 * <p>The anchor only fixes the phase of INTERVAL (隔週); it is not a start date — a schedule text
 * describes an ongoing pattern, so earlier dates match too.
 */
public final class Recurrence {

    /** Never occurs: what an unparsed or missing schedule compiles to. */
    public static final Recurrence EMPTY = new Recurrence(List.of());

    /** How far {@link #nextDates} looks ahead before giving up. */
    public static final int HORIZON_DAYS = 731;

    static final String CLOSED = "X-TSUNAGU-CLOSED";
    static final String OPEN = "X-TSUNAGU-OPEN";
    public static final String ANCHOR = "X-TSUNAGU-ANCHOR";
    static final String HOLIDAYS = "HOLIDAYS";
    static final String YEAR_END = "YEAR-END";
    public static final String ASSUMED = "ASSUMED";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<String, Recurrence> DECODED = new ConcurrentHashMap<>();
    private static final int DECODED_MAX = 20_000;

    /** A time range on an occurrence day; {@link #WHOLE_DAY} for 24時間. */
    public record Slot(LocalTime start, LocalTime end) implements Comparable<Slot> {
        public static final Slot WHOLE_DAY = new Slot(LocalTime.MIDNIGHT, LocalTime.MAX);

        public Slot {
            if (start == null || end == null || !start.isBefore(end)) {
                throw new IllegalArgumentException("a slot ends after it starts: " + start + "–" + end);
            }
        }

        public boolean wholeDay() {
            return equals(WHOLE_DAY);
        }

        @Override
        public int compareTo(Slot o) {
            int c = start.compareTo(o.start);
            return c != 0 ? c : end.compareTo(o.end);
        }

        @Override
        public String toString() {
            return start + "〜" + (end.equals(LocalTime.MAX) ? "24:00" : end.toString());
        }
    }

    /**
     * One rule with one time range. {@code slot} is null when the text names the days but no time.
     * {@code anchor} is the DTSTART date; for INTERVAL &gt; 1 it decides which weeks/months count.
     */
    public record Block(Recur<LocalDate> rule, LocalDate anchor, Slot slot, boolean closedOnHolidays,
                        boolean closedAtYearEnd, boolean openOnHolidays, boolean anchorAssumed) {
        public Block {
            if (rule == null || anchor == null) {
                throw new IllegalArgumentException("a block needs a rule and an anchor date");
            }
        }
    }

    private final List<Block> blocks;
    private final Compiled[] compiled;
    private final Set<DayOfWeek> weekdays;
    private final boolean needsHolidays;

    public Recurrence(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
        this.compiled = this.blocks.stream().map(Compiled::new).toArray(Compiled[]::new);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean holidays = false;
        for (Compiled c : compiled) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (c.openOnHolidays || (c.dayMask & bit(d)) != 0) {
                    days.add(d);
                }
            }
            holidays |= c.closedOnHolidays || c.openOnHolidays;
        }
        this.weekdays = Collections.unmodifiableSet(days);
        this.needsHolidays = holidays;
    }

    /** The recurrence of a resource's schedule; {@link #EMPTY} when it has none or it was not understood. */
    public static Recurrence of(Schedule schedule) {
        return schedule == null || !schedule.isParsed() ? EMPTY : decode(schedule.rules());
    }

    public List<Block> blocks() {
        return blocks;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * Days of the week on which it can occur at all (a cheap pre-filter for search); every day for a
     * day-of-month rule (「毎月10日」), which falls on each weekday in turn.
     */
    public Set<DayOfWeek> weekdays() {
        return weekdays;
    }

    public boolean occursOn(LocalDate date) {
        if (compiled.length == 0) {
            return false;
        }
        boolean holiday = needsHolidays && JapaneseHolidays.isHoliday(date);
        for (Compiled c : compiled) {
            if (c.matches(date, holiday)) {
                return true;
            }
        }
        return false;
    }

    /** The time ranges on that date, earliest first; empty when it does not occur or states no time. */
    public List<Slot> slotsOn(LocalDate date) {
        if (compiled.length == 0) {
            return List.of();
        }
        boolean holiday = needsHolidays && JapaneseHolidays.isHoliday(date);
        TreeSet<Slot> slots = new TreeSet<>();
        for (Compiled c : compiled) {
            if (c.slot != null && c.matches(date, holiday)) {
                slots.add(c.slot);
            }
        }
        return List.copyOf(slots);
    }

    /** Up to {@code n} occurrence dates from {@code from} (inclusive), looking at most {@link #HORIZON_DAYS} ahead. */
    public List<LocalDate> nextDates(LocalDate from, int n) {
        List<LocalDate> dates = new ArrayList<>();
        if (compiled.length == 0) {
            return dates;
        }
        for (int i = 0; i < HORIZON_DAYS && dates.size() < n; i++) {
            LocalDate day = from.plusDays(i);
            if (occursOn(day)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** The RFC 5545 text stored in {@link Schedule#rules()}: one VEVENT per block, CRLF line ends. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (Block b : blocks) {
            VEvent event = new VEvent(false);
            if (b.slot() == null) {
                event.add(new DtStart<>(b.anchor()));
            } else {
                event.add(new DtStart<>(b.anchor().atTime(b.slot().start())));
                event.add(new DtEnd<>(b.slot().end().equals(LocalTime.MAX)
                        ? b.anchor().plusDays(1).atStartOfDay() : b.anchor().atTime(b.slot().end())));
            }
            event.add(new RRule<>(b.rule()));
            if (b.closedOnHolidays()) {
                event.add(new XProperty(CLOSED, HOLIDAYS));
            }
            if (b.closedAtYearEnd()) {
                event.add(new XProperty(CLOSED, YEAR_END));
            }
            if (b.openOnHolidays()) {
                event.add(new XProperty(OPEN, HOLIDAYS));
            }
            if (b.anchorAssumed()) {
                event.add(new XProperty(ANCHOR, ASSUMED));
            }
            text.append(event);
        }
        return text.toString();
    }

    /**
     * Reads rules written by {@link #encode()}. Decoded rules are cached by their text, so the ical4j
     * RRULE parsing happens once per distinct schedule.
     *
     * @throws IllegalArgumentException when the text is not rules this class wrote
     */
    public static Recurrence decode(String rules) {
        if (rules == null || rules.isBlank()) {
            return EMPTY;
        }
        Recurrence cached = DECODED.get(rules);
        if (cached != null) {
            return cached;
        }
        Recurrence decoded = parse(rules);
        if (DECODED.size() >= DECODED_MAX) {
            DECODED.clear();
        }
        DECODED.put(rules, decoded);
        return decoded;
    }

    private static Recurrence parse(String rules) {
        String unfolded = rules.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "");
        List<Block> blocks = new ArrayList<>();
        Builder current = null;
        for (String line : unfolded.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a content line: " + line);
            }
            String head = line.substring(0, colon);
            String value = line.substring(colon + 1);
            int semi = head.indexOf(';');
            String name = (semi < 0 ? head : head.substring(0, semi)).toUpperCase();
            String params = semi < 0 ? "" : head.substring(semi + 1).toUpperCase();
            if (name.equals("BEGIN") && value.equals("VEVENT")) {
                current = new Builder();
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException("content outside a VEVENT: " + line);
            }
            try {
                switch (name) {
                    case "END" -> {
                        blocks.add(current.build());
                        current = null;
                    }
                    case "DTSTART" -> {
                        if (params.contains("VALUE=DATE") && !params.contains("VALUE=DATE-TIME")) {
                            current.anchor = LocalDate.parse(value, DATE);
                        } else {
                            current.start = LocalDateTime.parse(value, DATE_TIME);
                            current.anchor = current.start.toLocalDate();
                        }
                    }
                    case "DTEND" -> current.end = LocalDateTime.parse(value, DATE_TIME);
                    case "RRULE" -> current.rule = new Recur<>(value);
                    case CLOSED -> {
                        current.closedOnHolidays |= value.equals(HOLIDAYS);
                        current.closedAtYearEnd |= value.equals(YEAR_END);
                    }
                    case OPEN -> current.openOnHolidays |= value.equals(HOLIDAYS);
                    case ANCHOR -> current.anchorAssumed |= value.equals(ASSUMED);
                    default -> throw new IllegalArgumentException("unexpected property " + name);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad date in " + line, e);
            }
        }
        if (current != null) {
            throw new IllegalArgumentException("VEVENT without END");
        }
        return new Recurrence(blocks);
    }

    private static final class Builder {
        LocalDate anchor;
        LocalDateTime start;
        LocalDateTime end;
        Recur<LocalDate> rule;
        boolean closedOnHolidays;
        boolean closedAtYearEnd;
        boolean openOnHolidays;
        boolean anchorAssumed;

        Block build() {
            Slot slot = null;
            if (start != null) {
                if (end == null) {
                    throw new IllegalArgumentException("a timed block needs DTEND");
                }
                LocalTime to = end.equals(start.toLocalDate().plusDays(1).atStartOfDay()) ? LocalTime.MAX
                        : end.toLocalDate().equals(start.toLocalDate()) ? end.toLocalTime() : null;
                if (to == null) {
                    throw new IllegalArgumentException("a time range must end on its day: " + end);
                }
                slot = new Slot(start.toLocalTime(), to);
            }
            return new Block(rule, anchor, slot, closedOnHolidays, closedAtYearEnd, openOnHolidays, anchorAssumed);
        }
    }

    static int bit(DayOfWeek day) {
        return 1 << (day.getValue() - 1);
    }

    /** A block as integers: which weekdays, which nth weekdays or days of the month, which months. */
    private static final class Compiled {
        private static final int LAST = 6;

        final Frequency frequency;
        final int interval;
        final LocalDate anchor;
        final long anchorWeek;
        final int dayMask;
        /** Per weekday (index 0 = Monday): bit n for "the nth", bit {@link #LAST} for "the last" in its month. */
        final int[] positions = new int[7];
        /** Bit d for day d of the month (BYMONTHDAY); 0 when the rule counts weekdays instead. */
        final int monthDays;
        final int monthMask;
        final boolean closedOnHolidays;
        final boolean closedAtYearEnd;
        final boolean openOnHolidays;
        final Slot slot;

        Compiled(Block block) {
            Recur<LocalDate> rule = block.rule();
            frequency = rule.getFrequency();
            if (frequency != Frequency.DAILY && frequency != Frequency.WEEKLY && frequency != Frequency.MONTHLY) {
                throw new IllegalArgumentException("only DAILY, WEEKLY and MONTHLY rules are supported: " + rule);
            }
            if (rule.getCount() > 0 || rule.getUntil() != null
                    || (!rule.getMonthDayList().isEmpty() && frequency != Frequency.MONTHLY)
                    || !rule.getSetPosList().isEmpty() || !rule.getYearDayList().isEmpty()
                    || !rule.getWeekNoList().isEmpty() || !rule.getHourList().isEmpty()
                    || !rule.getMinuteList().isEmpty() || !rule.getSecondList().isEmpty()) {
                throw new IllegalArgumentException("unsupported rule part in " + rule);
            }
            interval = Math.max(1, rule.getInterval());
            anchor = block.anchor();
            anchorWeek = Math.floorDiv(anchor.toEpochDay() + 3, 7);
            int dates = 0;
            for (int d : rule.getMonthDayList()) {
                if (d < 1 || d > 31) {
                    throw new IllegalArgumentException("unsupported BYMONTHDAY " + d + " in " + rule);
                }
                dates |= 1 << d;
            }
            monthDays = dates;
            int days = 0;
            for (WeekDay wd : rule.getDayList()) {
                DayOfWeek day = WeekDay.getDayOfWeek(wd);
                int offset = wd.getOffset();
                if (offset == 0) {
                    days |= bit(day);
                    if (frequency == Frequency.MONTHLY) {
                        positions[day.ordinal()] |= 0b111110;
                    }
                } else if (frequency != Frequency.MONTHLY || offset < -1 || offset > 5 || monthDays != 0) {
                    throw new IllegalArgumentException("unsupported BYDAY " + wd + " in " + rule);
                } else {
                    days |= bit(day);
                    positions[day.ordinal()] |= offset == -1 ? 1 << LAST : 1 << offset;
                }
            }
            if (days == 0 && monthDays != 0) {
                days = 0x7f;
            } else if (days == 0) {
                days = frequency == Frequency.DAILY ? 0x7f : frequency == Frequency.WEEKLY ? bit(anchor.getDayOfWeek()) : 0;
                if (frequency == Frequency.MONTHLY) {
                    throw new IllegalArgumentException("a monthly rule needs BYDAY or BYMONTHDAY: " + rule);
                }
            }
            dayMask = days;
            int months = 0;
            for (net.fortuna.ical4j.model.Month m : rule.getMonthList()) {
                months |= 1 << (m.getMonthOfYear() - 1);
            }
            monthMask = months == 0 ? 0xfff : months;
            closedOnHolidays = block.closedOnHolidays();
            closedAtYearEnd = block.closedAtYearEnd();
            openOnHolidays = block.openOnHolidays();
            slot = block.slot();
        }

        boolean matches(LocalDate date, boolean holiday) {
            int month = date.getMonthValue();
            if ((monthMask & (1 << (month - 1))) == 0) {
                return false;
            }
            if (closedAtYearEnd) {
                int d = date.getDayOfMonth();
                if ((month == 12 && d >= 29) || (month == 1 && d <= 3)) {
                    return false;
                }
            }
            if (holiday) {
                if (closedOnHolidays) {
                    return false;
                }
                if (openOnHolidays) {
                    return true;
                }
            }
            DayOfWeek day = date.getDayOfWeek();
            if ((dayMask & bit(day)) == 0) {
                return false;
            }
            switch (frequency) {
                case MONTHLY -> {
                    int dom = date.getDayOfMonth();
                    if (monthDays != 0) {
                        if ((monthDays & (1 << dom)) == 0) {
                            return false;
                        }
                    } else {
                        int nth = (dom - 1) / 7 + 1;
                        int pos = positions[day.ordinal()];
                        boolean last = dom + 7 > date.lengthOfMonth();
                        if ((pos & (1 << nth)) == 0 && !(last && (pos & (1 << LAST)) != 0)) {
                            return false;
                        }
                    }
                    if (interval > 1) {
                        long months = ChronoUnit.MONTHS.between(anchor.withDayOfMonth(1), date.withDayOfMonth(1));
                        return Math.floorMod(months, interval) == 0;
                    }
                    return true;
                }
                case WEEKLY -> {
                    if (interval > 1) {
                        long week = Math.floorDiv(date.toEpochDay() + 3, 7);
                        return Math.floorMod(week - anchorWeek, interval) == 0;
                    }
                    return true;
                }
                default -> {
                    return interval == 1 || Math.floorMod(date.toEpochDay() - anchor.toEpochDay(), interval) == 0;
                }
            }
        }
    }
}
