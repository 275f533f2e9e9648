package org.tsunagu.alerts.control;

import org.tsunagu.calendar.control.JapanTime;
import org.tsunagu.alerts.entity.Urgency;
import org.tsunagu.calendar.control.JapaneseHolidays;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * By when a center must have acknowledged an alert before the core center is told: emergency and
 * urgent alerts within a configured time (defaults 10 and 60 minutes), information by 17:00 of the
 * next business day (not a weekend, not a Japanese public holiday, not 12/29–1/3).
 */
public record AlertSla(Duration emergency, Duration urgent) {

    static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 0);

    public Instant deadline(Urgency urgency, Instant filedAt) {
        return switch (urgency) {
            case EMERGENCY -> filedAt.plus(emergency);
            case URGENT -> filedAt.plus(urgent);
            case INFO -> nextBusinessDay(filedAt.atZone(JapanTime.ZONE).toLocalDate()).atTime(CLOSE_OF_BUSINESS).atZone(JapanTime.ZONE).toInstant();
        };
    }

    static LocalDate nextBusinessDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                || JapaneseHolidays.isHoliday(d) || yearEnd(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static boolean yearEnd(LocalDate d) {
        return (d.getMonthValue() == 12 && d.getDayOfMonth() >= 29) || (d.getMonthValue() == 1 && d.getDayOfMonth() <= 3);
    }
}
