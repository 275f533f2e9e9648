package org.tsunagu.calendar.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese public holidays (国民の祝日, 振替休日, 国民の休日) computed from the rules of the 祝日法, so
 * that 「祝日休み」 in a schedule stays right in any year without anyone maintaining a list of dates.
 *
 * <p>Fixed dates and Happy Monday holidays follow the law with the year each rule took effect; 春分 and
 * 秋分 use the standard astronomical approximation (the same one the 国立天文台 dates agree with for
 * 1900–2150); 振替休日 and 国民の休日 are derived from the holidays themselves. The law's one-off
 * provisions (imperial ceremonies, the 2020/2021 Olympic moves) are statutes rather than rules and are
 * encoded as named provisions below. Years outside 1949–2150 have no known holidays.
 *
 * <p>Each year is computed once and cached; lookups are a map read plus an array index, cheap enough for
 * evaluating schedules inside a search filter.
 */
public final class JapaneseHolidays {

    static final int FIRST_YEAR = 1949;
    static final int LAST_YEAR = 2150;

    static final String SUBSTITUTE = "振替休日";
    static final String SANDWICHED = "国民の休日";

    private static final Map<Integer, Year> YEARS = new ConcurrentHashMap<>();

    /** One-off holidays enacted by special laws (皇室の慶弔・即位). */
    private static final Map<LocalDate, String> SPECIAL_DAYS = Map.of(
            LocalDate.of(1959, 4, 10), "皇太子明仁親王の結婚の儀",
            LocalDate.of(1989, 2, 24), "昭和天皇の大喪の礼",
            LocalDate.of(1990, 11, 12), "即位礼正殿の儀",
            LocalDate.of(1993, 6, 9), "皇太子徳仁親王の結婚の儀",
            LocalDate.of(2019, 5, 1), "天皇の即位の日",
            LocalDate.of(2019, 10, 22), "即位礼正殿の儀の行われる日");

    /**
     * 東京オリンピック特措法: 海の日, スポーツの日 and 山の日 moved in 2020 and 2021 (each entry is
     * {海の日, スポーツの日, 山の日}).
     */
    private static final Map<Integer, LocalDate[]> OLYMPIC_MOVES = Map.of(
            2020, new LocalDate[]{LocalDate.of(2020, 7, 23), LocalDate.of(2020, 7, 24), LocalDate.of(2020, 8, 10)},
            2021, new LocalDate[]{LocalDate.of(2021, 7, 22), LocalDate.of(2021, 7, 23), LocalDate.of(2021, 8, 8)});

    private JapaneseHolidays() {
    }

    public static boolean isHoliday(LocalDate date) {
        return year(date.getYear()).isHoliday(date);
    }

    /** The holiday's Japanese name (「敬老の日」, 「振替休日」, 「国民の休日」 …), empty on ordinary days. */
    public static Optional<String> nameOf(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).names.get(date));
    }

    /** Every holiday of the year in date order (empty outside 1949–2150). */
    public static List<LocalDate> holidaysIn(int year) {
        return List.copyOf(year(year).names.keySet());
    }

    private static Year year(int year) {
        Year cached = YEARS.get(year);
        if (cached != null) {
            return cached;
        }
        return YEARS.computeIfAbsent(year, y -> new Year(y, compute(y)));
    }

    private static TreeMap<LocalDate, String> compute(int y) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            return days;
        }
        days.put(LocalDate.of(y, 1, 1), "元日");
        days.put(y <= 1999 ? LocalDate.of(y, 1, 15) : nthMonday(y, Month.JANUARY, 2), "成人の日");
        if (y >= 1967) {
            days.put(LocalDate.of(y, 2, 11), "建国記念の日");
        }
        if (y >= 2020) {
            days.put(LocalDate.of(y, 2, 23), "天皇誕生日");
        }
        days.put(LocalDate.of(y, 3, vernalEquinoxDay(y)), "春分の日");
        days.put(LocalDate.of(y, 4, 29), y <= 1988 ? "天皇誕生日" : y <= 2006 ? "みどりの日" : "昭和の日");
        days.put(LocalDate.of(y, 5, 3), "憲法記念日");
        if (y >= 2007) {
            days.put(LocalDate.of(y, 5, 4), "みどりの日");
        }
        days.put(LocalDate.of(y, 5, 5), "こどもの日");
        LocalDate[] moved = OLYMPIC_MOVES.get(y);
        if (moved != null) {
            days.put(moved[0], "海の日");
            days.put(moved[1], "スポーツの日");
            days.put(moved[2], "山の日");
        } else {
            if (y >= 1996) {
                days.put(y <= 2002 ? LocalDate.of(y, 7, 20) : nthMonday(y, Month.JULY, 3), "海の日");
            }
            if (y >= 2016) {
                days.put(LocalDate.of(y, 8, 11), "山の日");
            }
            if (y >= 1966) {
                days.put(y <= 1999 ? LocalDate.of(y, 10, 10) : nthMonday(y, Month.OCTOBER, 2),
                        y <= 2019 ? "体育の日" : "スポーツの日");
            }
        }
        if (y >= 1966) {
            days.put(y <= 2002 ? LocalDate.of(y, 9, 15) : nthMonday(y, Month.SEPTEMBER, 3), "敬老の日");
        }
        days.put(LocalDate.of(y, 9, autumnalEquinoxDay(y)), "秋分の日");
        days.put(LocalDate.of(y, 11, 3), "文化の日");
        days.put(LocalDate.of(y, 11, 23), "勤労感謝の日");
        if (y >= 1989 && y <= 2018) {
            days.put(LocalDate.of(y, 12, 23), "天皇誕生日");
        }
        SPECIAL_DAYS.forEach((date, name) -> {
            if (date.getYear() == y) {
                days.put(date, name);
            }
        });

        TreeMap<LocalDate, String> all = new TreeMap<>(days);
        LocalDate substitutesFrom = LocalDate.of(1973, 4, 12);
        for (LocalDate day : days.keySet()) {
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY || day.isBefore(substitutesFrom)) {
                continue;
            }
            LocalDate next = day.plusDays(1);
            if (y >= 2007) {
                while (days.containsKey(next)) {
                    next = next.plusDays(1);
                }
                all.put(next, SUBSTITUTE);
            } else if (!days.containsKey(next)) {
                all.put(next, SUBSTITUTE);
            }
        }
        if (y >= 1986) {
            for (LocalDate day : days.keySet()) {
                LocalDate between = day.plusDays(1);
                if (!days.containsKey(between) && days.containsKey(between.plusDays(1)) && !all.containsKey(between)
                        && (y >= 2007 || between.getDayOfWeek() != DayOfWeek.SUNDAY)) {
                    all.put(between, SANDWICHED);
                }
            }
        }
        return all;
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    /** 春分日: the standard approximation int(base + 0.242194 (y − 1980) − int((y − offset) / 4)). */
    static int vernalEquinoxDay(int y) {
        if (y < 1980) {
            return (int) (20.8357 + 0.242194 * (y - 1980) - (y - 1983) / 4);
        }
        double base = y < 2100 ? 20.8431 : 21.8510;
        return (int) (base + 0.242194 * (y - 1980) - (y - 1980) / 4);
    }

    /** 秋分日, same approximation with the autumn constants. */
    static int autumnalEquinoxDay(int y) {
        if (y < 1980) {
            return (int) (23.2588 + 0.242194 * (y - 1980) - (y - 1983) / 4);
        }
        double base = y < 2100 ? 23.2488 : 24.2488;
        return (int) (base + 0.242194 * (y - 1980) - (y - 1980) / 4);
    }

    /** One year's holidays: names for display, a day-of-year table for the hot path. */
    private static final class Year {
        final int year;
        final Map<LocalDate, String> names;
        final boolean[] byDayOfYear = new boolean[367];

        Year(int year, TreeMap<LocalDate, String> names) {
            this.year = year;
            this.names = java.util.Collections.unmodifiableSortedMap(names);
            names.keySet().forEach(d -> byDayOfYear[d.getDayOfYear()] = true);
        }

        boolean isHoliday(LocalDate date) {
            return date.getYear() == year && byDayOfYear[date.getDayOfYear()];
        }
    }
}
