package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.ScheduleParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One facility's hours as 医療情報ネット（ナビイ） publishes them — time bands per weekday (and 祝) spread
 * over several department rows, and closure flags on the facility row — written as the schedule text
 * centers write, so that the one {@link ScheduleParser} reads it into rules and residents see ordinary
 * Japanese. The flags say {@code 1} for open and {@code 0} for closed despite their column names.
 *
 * <p>What the text can and cannot say decides the shape: the parser has no 「第2土曜休診」, so a day
 * closed in some weeks is written positively (「第1・3・5土 9:00〜12:30」) and the closure goes in the
 * description; a 祝 band can only join a weekday group with the same bands (「土・祝 9:00〜12:00」),
 * otherwise it goes in the description too. On a 祝日 that falls on a weekday the rules then also
 * show that weekday's bands: a little too open is the price of not saying "closed" wrongly.
 *
 * <p>Decisions, in order: placeholders ({@code 00:00–00:00}, any band that starts where it ends) are
 * dropped; an end of {@code 23:59} reads as 24:00; an overnight band (19:00–07:00) is split into
 * 19:00〜24:00 on its day and 0:00〜7:00 on the next (a 祝 band's morning part is dropped, since "the day
 * after a 祝日" cannot be written). 救急 departments do not widen the outpatient hours: when they cover
 * every day around the clock the text says 「救急は24時間」 (a note the parser knows), otherwise their
 * hours go in the description; only a facility whose rows are all 救急 gets them as its schedule. A
 * weekday flagged closed drops its bands (the facility row is the facility's own statement of its days
 * off), and so does 祝 when 祝日 is flagged closed. その他の休診日 (free text) goes in the schedule only
 * when the parser still reads the whole, otherwise in the description.
 */
final class NaviiSchedule {

    static final String DAYS = "月火水木金土日";
    /** Index of the 祝 column after the seven weekdays. */
    static final int HOLIDAY = 7;

    private static final int DAY_END = 24 * 60;
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):?(\\d{2})");

    /** The text and the description lines that go with it. */
    record Written(String schedule, String description) {
    }

    private final String closedWord;
    private final List<List<int[]>> outpatient = days();
    private final List<List<int[]>> emergency = days();
    private final Boolean[] weekly = new Boolean[7];
    private final Boolean[][] weeks = new Boolean[5][7];
    private Boolean holidays;
    private String other = "";

    /** {@code closedWord}: 休診 for 病院・診療所・歯科, 休業 for 薬局. */
    NaviiSchedule(String closedWord) {
        this.closedWord = closedWord;
    }

    private static List<List<int[]>> days() {
        List<List<int[]>> d = new ArrayList<>();
        for (int i = 0; i <= HOLIDAY; i++) {
            d.add(new ArrayList<>());
        }
        return d;
    }

    /** A band of day {@code day} (0 = 月 … 6 = 日, 7 = 祝) as published; unreadable or empty ones are ignored. */
    void band(int day, String start, String end, boolean emergencyDepartment) {
        int s = minutes(start);
        int e = minutes(end);
        if (s < 0 || e < 0 || s == e || s >= DAY_END) {
            return;
        }
        if (e == DAY_END - 1) {
            e = DAY_END;
        }
        List<List<int[]>> target = emergencyDepartment ? emergency : outpatient;
        if (e > s) {
            target.get(day).add(new int[]{s, e});
            return;
        }
        target.get(day).add(new int[]{s, DAY_END});
        if (day < HOLIDAY && e > 0) {
            target.get((day + 1) % 7).add(new int[]{0, e});
        }
    }

    /** 「HH:MM」 (full-width digits, 「0900」 tolerated) as minutes since midnight; -1 when not a time. */
    static int minutes(String text) {
        Matcher m = TIME.matcher(OpenDataColumns.nfkc(text));
        if (!m.matches()) {
            return -1;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (h > 24 || min > 59 || (h == 24 && min > 0)) {
            return -1;
        }
        return h * 60 + min;
    }

    /** {@code 1} open, {@code 0} closed, anything else unknown. */
    static Boolean open(String flag) {
        String f = OpenDataColumns.nfkc(flag);
        return f.equals("1") ? Boolean.TRUE : f.equals("0") ? Boolean.FALSE : null;
    }

    void weekly(int day, String flag) {
        weekly[day] = open(flag);
    }

    /** The flag of the {@code nth} (1–5) {@code day} of the month. */
    void week(int nth, int day, String flag) {
        weeks[nth - 1][day] = open(flag);
    }

    void holidays(String flag) {
        holidays = open(flag);
    }

    void other(String text) {
        other = text == null ? "" : text.strip();
    }

    /** The schedule text (empty when no band is known) and the description lines; never changes the state. */
    Written write() {
        boolean anyOutpatient = outpatient.stream().anyMatch(l -> !l.isEmpty());
        List<List<int[]>> bands = new ArrayList<>();
        for (int d = 0; d <= HOLIDAY; d++) {
            bands.add(merge(anyOutpatient ? outpatient.get(d) : emergency.get(d)));
        }
        List<String> notes = new ArrayList<>();
        List<String> description = new ArrayList<>();
        List<String> closedNames = new ArrayList<>();
        List<String> someWeeks = new ArrayList<>();
        int[] positions = new int[7];
        for (int d = 0; d < 7; d++) {
            List<Integer> open = new ArrayList<>();
            List<Integer> closed = new ArrayList<>();
            for (int w = 0; w < 5; w++) {
                (weeks[w][d] == Boolean.FALSE ? closed : open).add(w + 1);
            }
            if (weekly[d] == Boolean.FALSE || closed.size() == 5) {
                closedNames.add(DAYS.charAt(d) + "曜");
                bands.get(d).clear();
            } else if (!closed.isEmpty() && !bands.get(d).isEmpty()) {
                someWeeks.add(closed.stream().map(w -> "第" + w).collect(Collectors.joining("・")) + DAYS.charAt(d) + "曜");
                for (int w : open) {
                    positions[d] |= 1 << w;
                }
            }
        }
        if (holidays == Boolean.FALSE) {
            closedNames.add("祝日");
            bands.get(HOLIDAY).clear();
        }
        if (anyOutpatient && emergency.stream().anyMatch(l -> !l.isEmpty())) {
            boolean roundTheClock = true;
            for (int d = 0; d < 7; d++) {
                List<int[]> e = merge(emergency.get(d));
                roundTheClock &= e.size() == 1 && e.get(0)[0] == 0 && e.get(0)[1] == DAY_END;
            }
            if (roundTheClock) {
                notes.add("救急は24時間");
            } else {
                List<List<int[]>> e = new ArrayList<>();
                emergency.forEach(l -> e.add(merge(l)));
                description.add(OpenDataColumns.labelled("救急", groups(e, new int[7], false)));
            }
        }
        String base = groups(bands, positions, true);
        if (!bands.get(HOLIDAY).isEmpty() && !base.contains("祝")) {
            description.add("祝日の" + (closedWord.equals("休診") ? "診療" : "営業") + "時間：" + ranges(bands.get(HOLIDAY)));
        }
        if (!someWeeks.isEmpty()) {
            description.add(String.join("、", someWeeks) + "は" + closedWord);
        }
        if (!closedNames.isEmpty()) {
            notes.add(0, String.join("・", closedNames) + closedWord);
        }
        String schedule = "";
        if (!base.isEmpty()) {
            schedule = withNotes(base, notes);
            if (!other.isEmpty()) {
                String candidate = other.matches(".*(休|休み|休診|休業|定休日)$") ? other : other + closedWord;
                List<String> more = new ArrayList<>(notes);
                more.add(candidate);
                String tried = withNotes(base, more);
                if (new ScheduleParser().parse(tried).isParsed()) {
                    schedule = tried;
                } else {
                    description.add(OpenDataColumns.labelled("その他の" + closedWord + "日", other));
                }
            }
        } else {
            if (!closedNames.isEmpty()) {
                description.add(0, OpenDataColumns.labelled(closedWord + "日", String.join("・", closedNames)));
            }
            if (!other.isEmpty()) {
                description.add(OpenDataColumns.labelled("その他の" + closedWord + "日", other));
            }
        }
        return new Written(schedule, String.join("\n", description));
    }

    private static String withNotes(String base, List<String> notes) {
        return notes.isEmpty() ? base : base + "（" + String.join("、", notes) + "）";
    }

    /**
     * 「月〜金 9:00〜12:00／15:00〜18:00、第1・3・5土 9:00〜12:00」: days with the same bands (and, for
     * days closed in some weeks, the same weeks) together, in weekday order; the 祝 bands join the first
     * every-week group with the same bands when {@code holiday} is set.
     */
    private static String groups(List<List<int[]>> bands, int[] positions, boolean holiday) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        for (int d = 0; d < 7; d++) {
            if (bands.get(d).isEmpty()) {
                continue;
            }
            String key = positions[d] + " " + ranges(bands.get(d));
            groups.computeIfAbsent(key, k -> new int[1])[0] |= 1 << d;
        }
        String holidayBands = holiday && !bands.get(HOLIDAY).isEmpty() ? ranges(bands.get(HOLIDAY)) : null;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            int mask = g.getValue()[0];
            int first = Integer.numberOfTrailingZeros(mask);
            String times = ranges(bands.get(first));
            int weeksMask = positions[first];
            String days;
            if (weeksMask != 0) {
                List<String> nth = new ArrayList<>();
                for (int w = 1; w <= 5; w++) {
                    if ((weeksMask & (1 << w)) != 0) {
                        nth.add(String.valueOf(w));
                    }
                }
                days = "第" + String.join("・", nth) + dayList(mask, false);
            } else {
                days = dayList(mask, true);
                if (times.equals(holidayBands)) {
                    days += "・祝";
                    holidayBands = null;
                }
            }
            parts.add(days + " " + times);
        }
        return String.join("、", parts);
    }

    /** 「月〜水・金」: runs of three or more days as a range when {@code ranges}, the others listed. */
    private static String dayList(int mask, boolean ranges) {
        List<String> out = new ArrayList<>();
        int d = 0;
        while (d < 7) {
            if ((mask & (1 << d)) == 0) {
                d++;
                continue;
            }
            int end = d;
            while (end + 1 < 7 && (mask & (1 << (end + 1))) != 0) {
                end++;
            }
            if (ranges && end - d >= 2) {
                out.add(DAYS.charAt(d) + "〜" + DAYS.charAt(end));
            } else {
                for (int i = d; i <= end; i++) {
                    out.add(String.valueOf(DAYS.charAt(i)));
                }
            }
            d = end + 1;
        }
        return String.join("・", out);
    }

    private static String ranges(List<int[]> bands) {
        return bands.stream().map(b -> time(b[0]) + "〜" + time(b[1])).collect(Collectors.joining("／"));
    }

    private static String time(int minutes) {
        return minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }

    /** Sorted, with overlapping and touching bands joined. */
    private static List<int[]> merge(List<int[]> bands) {
        List<int[]> sorted = new ArrayList<>(bands.stream().map(int[]::clone).toList());
        sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] b : sorted) {
            if (!out.isEmpty() && b[0] <= out.get(out.size() - 1)[1]) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], b[1]);
            } else {
                out.add(b);
            }
        }
        return out;
    }
}
