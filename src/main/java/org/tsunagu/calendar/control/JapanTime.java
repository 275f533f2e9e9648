package org.tsunagu.calendar.control;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The portal's one clock face: every center, resident and partner lives in Japan, so "today", a
 * month of statistics, the 受付 time on an email and the next date of a salon are all Japan time,
 * whatever zone the server runs in. One place for the zone and the shown formats, so a page and an
 * email never disagree about the day.
 */
public final class JapanTime {

    /** Asia/Tokyo (no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    /** 2026年11月23日 9:40 — a moment on pages and in emails. */
    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm").withZone(ZONE);

    /** 2026年11月23日 — a day in running text. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZONE);

    /** 2026-11-23 09:40 — a moment in tables meant for staff. */
    public static final DateTimeFormatter TABLE_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** 2026-11-23 09:40:05 — a moment in the audit trail. */
    public static final DateTimeFormatter TABLE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private JapanTime() {
    }

    /** Today's date in Japan. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Today's date in Japan by {@code clock} (tests pass a fixed one). */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Now, in Japan. */
    public static ZonedDateTime now() {
        return ZonedDateTime.now(ZONE);
    }
}
