package org.tsunagu.calendar.control;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.tsunagu.calendar.entity.Schedule;

/**
 * Reads the schedule text centers write (「毎月第2・第4水曜日 13:30〜15:00（8月は休み）」,
 * 「月〜金 9:00〜19:00、土 9:00〜13:00（日曜・祝日休み）」) into {@link Recurrence} rules, so that
 * residents can search "open on this date" and subscribe to a calendar.
 *
 * <p>All or nothing: a text is parsed only when every part of it is understood — days, times, closures
 * (祝日・年末年始・月・曜日) and the notes known not to change when it is held (予約制, 受付時間,
 * 緊急時は24時間対応 …). Anything else, and every irregular kind (不定期, 年3回, 月1回程度, 各店の営業時間),
 * is kept as text with a Japanese reason, because a wrong date sends an older person to a locked door;
 * a missing date only sends them to the text.
 *
 * <p>「隔週」 never says which week it starts in; the rule is anchored on the first matching day from
 * the parser's reference date (the import date) and marked {@code X-TSUNAGU-ANCHOR:ASSUMED}, which the
 * import reports so the center can check it. 「平日」 means Monday to Friday except 祝日, as it does in
 * everyday Japanese.
 *
 * <p>Municipal salon lists word it their own way, and these are read too: the time in brackets after
 * the days (「毎月第2・4金曜日（午前9時～午後2時）」), a range of weeks (「第1～3水曜日」 = the 1st, 2nd and
 * 3rd), and days of the month (「毎月10日」, 「毎月5日・20日」 → {@code BYMONTHDAY}). A day whose time is only
 * 「午前」 or 「午後」 (「第3火曜日 午後」) becomes the day's rule with no time band, exactly like a text that
 * names no time at all: the dates are known, the hours are not, and no clock time is made up for them
 * (a guessed 13:00〜17:00 would be shown as fact in the calendar and in search). The text itself, with
 * its 「午後」, is always shown next to the dates. 「午前」「午後」 beside a clock time is not understood.
 *
 * <p>One parser serves one import (one thread) and remembers the texts it has read: a list of 100,000
 * rows holds a few hundred distinct schedule texts, and reading each once is most of what an import of
 * such a list costs here.
 */
public final class ScheduleParser {

    /** Schedule.rules is VARCHAR(4000). */
    static final int MAX_RULES = 4000;

    private static final ZoneId TOKYO = JapanTime.ZONE;
    private static final String REASON = "日程を読み取れませんでした（%s）";
    private static final String DAY_CHARS = "月火水木金土日";

    private static final Pattern TIME = Pattern.compile("(?:(午前|午後) ?)?(\\d{1,2})(?::(\\d{2})|時(?!間)(?:(\\d{1,2})分|(半))?)");
    private static final String RANGE = "\\d{1,2}:\\d{2}〜\\d{1,2}:\\d{2}";
    private static final Pattern TIMES = Pattern.compile(RANGE + "(?:\\s*[/・,、と]\\s*" + RANGE + ")*");
    private static final Pattern ONE_RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})〜(\\d{1,2}):(\\d{2})");
    private static final Pattern PARENS = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern CLOSURE = Pattern.compile(
            "(.+?)(?:の場合)?(?:は|も)?(?:お?休み|休診|休業|休館|休室|定休日?|休)");
    private static final Pattern MONTHS_ONLY = Pattern.compile(
            "(?:全\\d+回[・,]?)?(\\d{1,2})月〜(\\d{1,2})月(?:のみ|開催|まで)?(?:[・,]?全\\d+回)?");
    private static final Pattern MONTH_RANGE = Pattern.compile("(\\d{1,2})月(?:〜(\\d{1,2})月)?");
    private static final Pattern MONTHLY_ITEM = Pattern.compile(
            "(第\\d(?:[・,、〜]第?\\d)*|最終|最後の?)([月火水木金土日](?:[・,、][月火水木金土日])*)(?:と|及び|および|[・,、])?");
    private static final Pattern ALL_DAY = Pattern.compile("24時間(?:営業|対応|受付|体制|稼働|開館)?");
    private static final Pattern DAILY = Pattern.compile("毎日|年中無休|365日|無休|年中");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("及び|および|[・,、と]");
    /** 「10日」「5日・20日」「5・20日」 after 毎月. */
    private static final Pattern MONTH_DAYS = Pattern.compile("(?:\\d{1,2}日?(?:[・,、と]|及び|および))*\\d{1,2}日");
    /** 「午前」「午後」 said instead of a time; 午前中 and 〜のみ mean the same. */
    private static final Pattern DAY_PART = Pattern.compile("(午前中?|午後)(?:のみ)?");
    private static final Pattern DAY_PART_AT_END = Pattern.compile("(午前中?|午後)(?:のみ)?$");
    private static final Pattern HEADING = Pattern.compile("^(?:受付時間|受付|営業時間|診療時間|開館時間|開所時間|開催日時|開催日|日時)[:は]?");

    private static final List<Pattern> NOTES = List.of(
            Pattern.compile("受付(時間)?|最終受付.*|受付は.*"),
            Pattern.compile("(完全)?予約制|要予約|予約優先|予約不要|要申込み?|申込制|申込不要|当日受付可?"),
            Pattern.compile("緊急時(は)?24時間(対応|連絡可)?|24時間連絡体制(あり)?|24時間対応|オンコール体制(あり)?"),
            Pattern.compile("救急外来|救急(は)?24時間.*"),
            Pattern.compile(".{0,12}?(相談|診療|外来|健診|検診|教室|リハビリ|面会|デイケア|訪問)は.+"),
            Pattern.compile("雨天(中止|決行)|荒天中止|祝日も(開催|営業|診療|開館)"),
            Pattern.compile("(詳しくは)?お問い?合わせください"),
            Pattern.compile("全\\d+回"));

    /** Texts already read by this parser, up to {@link #REMEMBERED}: lists repeat 「月〜金 9:00〜18:00」 thousands of times. */
    static final int REMEMBERED = 10_000;

    private final LocalDate reference;
    private final Map<String, Schedule> read = new HashMap<>();

    /** A parser that anchors 隔週 on today in Japan. */
    public ScheduleParser() {
        this(LocalDate.now(TOKYO));
    }

    /** A parser that anchors rules (and 隔週 phases) on the first matching day from {@code reference}. */
    public ScheduleParser(LocalDate reference) {
        this.reference = reference;
    }

    /** Parsed rules, or the text kept with a Japanese reason; {@link Schedule#none()} for blank text. */
    public Schedule parse(String text) {
        if (text == null || text.isBlank()) {
            return Schedule.none();
        }
        Schedule known = read.get(text);
        if (known == null) {
            known = read(text);
            if (read.size() < REMEMBERED) {
                read.put(text, known);
            }
        }
        // a copy: each resource embeds a schedule of its own
        return known.isParsed() ? Schedule.parsed(text, known.rules()) : Schedule.unparsed(text, known.warning());
    }

    private Schedule read(String text) {
        try {
            String rules = new Recurrence(blocks(text)).encode();
            if (rules.length() > MAX_RULES) {
                return Schedule.unparsed(text, String.format(REASON, "日程が複雑すぎて保存できません"));
            }
            return Schedule.parsed(text, rules);
        } catch (NotUnderstood e) {
            return Schedule.unparsed(text, String.format(REASON, e.getMessage()));
        }
    }

    private List<Recurrence.Block> blocks(String text) {
        String s = normalize(text);
        irregular(s);
        Closures closures = new Closures();
        StringBuilder main = new StringBuilder();
        Matcher paren = PARENS.matcher(s);
        int last = 0;
        List<String> remarks = new ArrayList<>();
        while (paren.find()) {
            main.append(s, last, paren.start());
            String inner = paren.group(1).strip();
            if (inline(inner)) {
                // 「第2・4金曜日（午前9時～午後2時）」: the brackets hold the time, not a remark.
                main.append(' ').append(inner).append(' ');
            } else {
                main.append('、');
                for (String part : inner.split("[、,/;。]")) {
                    if (inline(part.strip())) {
                        main.append(' ').append(part.strip()).append(' ');
                    } else {
                        remarks.add(part);
                    }
                }
            }
            last = paren.end();
        }
        main.append(s.substring(last));
        String rest = main.toString();
        if (rest.contains("(") || rest.contains(")")) {
            throw new NotUnderstood("括弧が閉じていません");
        }
        rest = HEADING.matcher(rest.strip()).replaceFirst("");

        List<Group> groups = new ArrayList<>();
        Matcher times = TIMES.matcher(rest);
        int from = 0;
        while (times.find()) {
            String before = rest.substring(from, times.start());
            groups.add(new Group(daysEndingWith(before, closures), slots(times.group())));
            from = times.end();
        }
        String tail = rest.substring(from);
        if (groups.isEmpty()) {
            groups.add(new Group(daysStartingWith(tail, closures), List.of()));
        } else {
            for (String piece : pieces(tail)) {
                if (!closures.accept(piece)) {
                    throw new NotUnderstood("「" + piece + "」が分かりません");
                }
            }
        }
        for (String remark : remarks) {
            if (!closures.accept(remark)) {
                throw new NotUnderstood("「" + remark.strip() + "」が分かりません");
            }
        }
        List<Recurrence.Block> blocks = new ArrayList<>();
        for (Group g : groups) {
            List<Recurrence.Slot> slots = g.slots;
            if (g.days.dayPart != null && (!slots.isEmpty() || g.days.allDay)) {
                throw new NotUnderstood("「" + g.days.dayPart + "」と時間帯が両方書かれています");
            }
            if (g.days.allDay) {
                if (!slots.isEmpty()) {
                    throw new NotUnderstood("24時間と時間帯が両方書かれています");
                }
                slots = List.of(Recurrence.Slot.WHOLE_DAY);
            }
            if (slots.isEmpty()) {
                blocks.add(block(g.days, null, closures));
            }
            for (Recurrence.Slot slot : slots) {
                blocks.add(block(g.days, slot, closures));
            }
        }
        return blocks;
    }

    private Recurrence.Block block(Days days, Recurrence.Slot slot, Closures closures) {
        int months = closures.openMonths & ~closures.closedMonths;
        if (months == 0) {
            throw new NotUnderstood("開催する月がありません");
        }
        Recur.Builder<LocalDate> rule = new Recur.Builder<>();
        List<WeekDay> byDay = new ArrayList<>();
        int mask = days.mask & ~closures.closedDays;
        if (days.monthDays != 0) {
            // 「毎月10日」: BYMONTHDAY; a closed weekday (「日曜休み」) limits it with BYDAY, as RFC 5545 reads it.
            int open = 0x7f & ~closures.closedDays;
            if (open == 0) {
                throw new NotUnderstood("開催日がすべて休みの曜日です");
            }
            if (open != 0x7f) {
                for (DayOfWeek d : DayOfWeek.values()) {
                    if ((open & Recurrence.bit(d)) != 0) {
                        byDay.add(WeekDay.getWeekDay(d));
                    }
                }
            }
            List<Integer> dates = new ArrayList<>();
            for (int d = 1; d <= 31; d++) {
                if ((days.monthDays & (1 << d)) != 0) {
                    dates.add(d);
                }
            }
            rule.frequency(Frequency.MONTHLY).monthDayList(dates);
        } else if (days.monthly) {
            for (WeekDay wd : days.positions) {
                if ((closures.closedDays & Recurrence.bit(WeekDay.getDayOfWeek(wd))) == 0) {
                    byDay.add(wd);
                }
            }
            if (byDay.isEmpty()) {
                throw new NotUnderstood("開催日がすべて休みの曜日です");
            }
            rule.frequency(Frequency.MONTHLY);
        } else {
            if (mask == 0) {
                throw new NotUnderstood("開催日がすべて休みの曜日です");
            }
            if (mask == 0x7f && days.interval == 1) {
                rule.frequency(Frequency.DAILY);
            } else {
                rule.frequency(Frequency.WEEKLY);
                for (DayOfWeek d : DayOfWeek.values()) {
                    if ((mask & Recurrence.bit(d)) != 0) {
                        byDay.add(WeekDay.getWeekDay(d));
                    }
                }
            }
        }
        if (days.interval > 1) {
            rule.interval(days.interval);
        }
        if (!byDay.isEmpty()) {
            rule.dayList(byDay);
        }
        if (months != 0xfff) {
            List<net.fortuna.ical4j.model.Month> byMonth = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                if ((months & (1 << (m - 1))) != 0) {
                    byMonth.add(net.fortuna.ical4j.model.Month.valueOf(m));
                }
            }
            rule.monthList(byMonth);
        }
        Recur<LocalDate> recur = rule.build();
        boolean closedOnHolidays = closures.holidays || days.closedOnHolidays;
        boolean openOnHolidays = days.openOnHolidays && !closedOnHolidays;
        // The anchor is the first day the bare rule matches; with an interval that fixes the phase.
        Recurrence.Block probe = new Recurrence.Block(new Recur.Builder<>(recur).interval(1).build(), reference,
                null, false, false, false, false);
        List<LocalDate> first = new Recurrence(List.of(probe)).nextDates(reference, 1);
        LocalDate anchor = first.isEmpty() ? reference : first.get(0);
        return new Recurrence.Block(recur, anchor, slot, closedOnHolidays, closures.yearEnd, openOnHolidays,
                days.interval > 1);
    }

    // ---- text ---------------------------------------------------------------------------------------

    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = s.replaceAll("[~\\-−‐‑–—―〜～]", "〜").replaceAll("(?<=[\\d時分半午月火水木金土日曜])から", "〜")
                .replaceAll("(?<=[\\d時分半月火水木金土日曜])まで", "")
                .replace('／', '/').replace('，', ',').replace('､', '、').replace('･', '・')
                .replace("【", "(").replace("】", ")")
                .replaceAll("\\s+", " ").strip();
        s = s.replace("正午", "12:00");
        Matcher m = TIME.matcher(s);
        StringBuilder out = new StringBuilder();
        int afternoonUntil = -1;
        while (m.find()) {
            int hour = Integer.parseInt(m.group(2));
            int minute = m.group(3) != null ? Integer.parseInt(m.group(3))
                    : m.group(4) != null ? Integer.parseInt(m.group(4)) : m.group(5) != null ? 30 : 0;
            // 「午後1時〜3時」: the 午後 of a range's start holds for its end too.
            boolean afternoon = "午後".equals(m.group(1)) || (m.group(1) == null && afternoonUntil >= 0
                    && s.substring(afternoonUntil, m.start()).strip().equals("〜"));
            if (afternoon && hour < 12) {
                hour += 12;
            }
            afternoonUntil = "午後".equals(m.group(1)) ? m.end() : -1;
            if (hour > 24 || minute > 59 || (hour == 24 && minute > 0) || ("午前".equals(m.group(1)) && hour > 12)) {
                throw new NotUnderstood("時刻「" + m.group() + "」が正しくありません");
            }
            m.appendReplacement(out, String.format("%d:%02d", hour, minute));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s*〜\\s*", "〜");
    }

    private static void irregular(String s) {
        if (s.contains("不定期")) {
            throw new NotUnderstood("不定期");
        }
        Matcher m = Pattern.compile("年(\\d+)回").matcher(s);
        if (m.find()) {
            throw new NotUnderstood("年" + m.group(1) + "回・日付の記載なし");
        }
        m = Pattern.compile("(?:毎月|月)(\\d+)回").matcher(s);
        if (m.find()) {
            throw new NotUnderstood("月" + m.group(1) + "回・日付の記載なし");
        }
        if (s.matches(".*(週不確定|不確定週).*")) {
            throw new NotUnderstood("何週目か決まっていません");
        }
        if (s.matches(".*(各店|店舗により|により異な|によって異な|未定|不確定).*")) {
            throw new NotUnderstood("曜日・時間が決まっていません");
        }
    }

    /** A bracket (or part of one) that is the time of the days before it: 「（午前9時～午後2時）」「（午後）」. */
    private static boolean inline(String s) {
        return TIMES.matcher(s).matches() || DAY_PART.matcher(s).matches();
    }

    private static List<String> pieces(String s) {
        return Arrays.stream(s.split("[、,;。]|\\s+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static List<Recurrence.Slot> slots(String times) {
        List<Recurrence.Slot> slots = new ArrayList<>();
        Matcher m = ONE_RANGE.matcher(times);
        while (m.find()) {
            int h1 = Integer.parseInt(m.group(1));
            int h2 = Integer.parseInt(m.group(3));
            LocalTime start = h1 == 24 ? null : LocalTime.of(h1, Integer.parseInt(m.group(2)));
            LocalTime end = h2 == 24 ? LocalTime.MAX : LocalTime.of(h2, Integer.parseInt(m.group(4)));
            if (start == null || !start.isBefore(end)) {
                throw new NotUnderstood("時間帯「" + m.group() + "」が正しくありません");
            }
            slots.add(new Recurrence.Slot(start, end));
        }
        return slots;
    }

    /** The text before a time range: days at its end, closures or notes before them. */
    private static Days daysEndingWith(String text, Closures closures) {
        List<String> pieces = pieces(text);
        if (pieces.isEmpty()) {
            throw new NotUnderstood("曜日の記載がありません");
        }
        NotUnderstood failure = null;
        for (int j = 0; j < pieces.size(); j++) {
            try {
                Days days = days(String.join("", pieces.subList(j, pieces.size())));
                acceptAll(pieces.subList(0, j), closures);
                return days;
            } catch (NotUnderstood e) {
                failure = failure == null ? e : failure;
            }
        }
        throw failure;
    }

    /** A text with no time at all: days first, closures or notes after them. */
    private static Days daysStartingWith(String text, Closures closures) {
        List<String> pieces = pieces(text);
        if (pieces.isEmpty()) {
            throw new NotUnderstood("曜日の記載がありません");
        }
        NotUnderstood failure = null;
        for (int j = pieces.size(); j > 0; j--) {
            try {
                Days days = days(String.join("", pieces.subList(0, j)));
                acceptAll(pieces.subList(j, pieces.size()), closures);
                return days;
            } catch (NotUnderstood e) {
                failure = failure == null ? e : failure;
            }
        }
        throw failure;
    }

    private static void acceptAll(List<String> pieces, Closures closures) {
        Closures trial = closures.copy();
        for (String p : pieces) {
            if (!trial.accept(p)) {
                throw new NotUnderstood("「" + p + "」が分かりません");
            }
        }
        closures.set(trial);
    }

    // ---- days ---------------------------------------------------------------------------------------

    /** Which days a group is held on. */
    private static final class Days {
        boolean monthly;
        int interval = 1;
        int mask;
        final List<WeekDay> positions = new ArrayList<>();
        boolean closedOnHolidays;
        boolean openOnHolidays;
        boolean allDay;
        /** Bit d for 「毎月d日」; 0 for weekday rules. */
        int monthDays;
        /** 「午前」 or 「午後」 when the text gives only that instead of a time; null otherwise. */
        String dayPart;
    }

    static String dayWords(String s) {
        return s.replaceAll("国民の祝日|祝祭日|祭日|祝日", "祝").replace("平日", "平")
                .replace("曜日", "").replace("曜", "");
    }

    private static Days days(String raw) {
        String s = raw.replaceAll("\\s", "").replaceAll("^[、,・:]+|[、,・:はの]+$", "");
        Days days = new Days();
        Matcher part = DAY_PART_AT_END.matcher(s);
        if (part.find() && part.start() > 0) {
            days.dayPart = part.group(1).substring(0, 2);
            s = s.substring(0, part.start()).replaceAll("[、,・:はの]+$", "");
        }
        Matcher allDay = ALL_DAY.matcher(s);
        if (allDay.find()) {
            days.allDay = true;
            s = allDay.replaceAll("");
        }
        Matcher daily = DAILY.matcher(s);
        boolean everyDay = daily.find();
        if (everyDay) {
            s = daily.replaceAll("");
        }
        s = s.replaceAll("^[、,・:]+|[、,・:はの]+$", "");
        if (s.isEmpty()) {
            if (!everyDay && !days.allDay) {
                throw new NotUnderstood("曜日の記載がありません");
            }
            days.mask = 0x7f;
            return days;
        }
        if (everyDay) {
            throw new NotUnderstood("「" + raw + "」が分かりません");
        }
        boolean monthPrefix = false;
        if (s.startsWith("毎週")) {
            s = s.substring(2);
        } else if (s.startsWith("隔週")) {
            days.interval = 2;
            s = s.substring(2);
        } else if (s.startsWith("毎月")) {
            monthPrefix = true;
            s = s.substring(2);
        }
        if (monthPrefix && MONTH_DAYS.matcher(s).matches()) {
            monthDays(s, days, raw);
            return days;
        }
        s = dayWords(s);
        if (s.contains("第") || s.startsWith("最終") || s.startsWith("最後")) {
            if (days.interval > 1) {
                throw new NotUnderstood("「" + raw + "」が分かりません");
            }
            monthly(s, days, raw);
        } else if (monthPrefix) {
            throw new NotUnderstood("毎月の何週目か書かれていません");
        } else {
            weekly(s, days, raw);
        }
        return days;
    }

    private static void monthly(String s, Days days, String raw) {
        days.monthly = true;
        Matcher m = MONTHLY_ITEM.matcher(s);
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            List<Integer> ordinals = new ArrayList<>();
            String ord = m.group(1);
            if (ord.startsWith("最")) {
                ordinals.add(-1);
            } else {
                for (String n : ord.replace("第", "").split("[・,、]")) {
                    // 「第1～3」 is the 1st, 2nd and 3rd.
                    String[] range = n.split("〜");
                    int from = Integer.parseInt(range[0]);
                    int to = Integer.parseInt(range[range.length - 1]);
                    if (range.length > 2 || to < from) {
                        throw new NotUnderstood("「" + raw + "」が分かりません");
                    }
                    for (int nth = from; nth <= to; nth++) {
                        if (nth < 1 || nth > 5) {
                            throw new NotUnderstood("第" + nth + "週はありません");
                        }
                        ordinals.add(nth);
                    }
                }
            }
            for (String d : m.group(2).split("[・,、]")) {
                DayOfWeek day = DayOfWeek.of(DAY_CHARS.indexOf(d) + 1);
                days.mask |= Recurrence.bit(day);
                for (int nth : ordinals) {
                    WeekDay wd = new WeekDay(WeekDay.getWeekDay(day), nth);
                    if (!days.positions.contains(wd)) {
                        days.positions.add(wd);
                    }
                }
            }
            at = m.end();
        }
        if (at != s.length() || days.positions.isEmpty()) {
            throw new NotUnderstood("「" + raw + "」が分かりません");
        }
    }

    /** 「10日」「5日・20日」: days of the month; a 31st is simply not held in shorter months, as in RFC 5545. */
    private static void monthDays(String s, Days days, String raw) {
        Matcher n = Pattern.compile("\\d{1,2}").matcher(s);
        while (n.find()) {
            int d = Integer.parseInt(n.group());
            if (d < 1 || d > 31) {
                throw new NotUnderstood(d + "日はありません");
            }
            days.monthDays |= 1 << d;
        }
        if (days.monthDays == 0) {
            throw new NotUnderstood("「" + raw + "」が分かりません");
        }
    }

    private static void weekly(String s, Days days, String raw) {
        int except = s.indexOf("以外");
        if (except >= 0) {
            String base = s.substring(except + 2).replaceFirst("^の", "");
            Days excluded = new Days();
            list(s.substring(0, except), excluded, raw);
            switch (base) {
                case "平" -> {
                    days.mask = 0x1f;
                    days.closedOnHolidays = true;
                }
                case "", "日", "毎日" -> days.mask = 0x7f;
                default -> throw new NotUnderstood("「" + raw + "」が分かりません");
            }
            days.mask &= ~excluded.mask;
            days.closedOnHolidays |= excluded.openOnHolidays;
            if (days.mask == 0) {
                throw new NotUnderstood("「" + raw + "」に当てはまる曜日がありません");
            }
            return;
        }
        list(s, days, raw);
    }

    /** 「月・水・金」「月〜金」「土日祝」「平日」: a set of weekdays, 祝 meaning 祝日 too. */
    private static void list(String s, Days days, String raw) {
        if (s.isEmpty()) {
            throw new NotUnderstood("曜日の記載がありません");
        }
        for (String item : LIST_SEPARATOR.split(s, -1)) {
            if (item.isEmpty()) {
                throw new NotUnderstood("「" + raw + "」が分かりません");
            }
            if (item.length() == 3 && item.charAt(1) == '〜') {
                int from = DAY_CHARS.indexOf(item.charAt(0));
                int to = DAY_CHARS.indexOf(item.charAt(2));
                if (from < 0 || to < 0) {
                    throw new NotUnderstood("「" + raw + "」が分かりません");
                }
                for (int i = from; ; i = (i + 1) % 7) {
                    days.mask |= 1 << i;
                    if (i == to) {
                        break;
                    }
                }
                continue;
            }
            for (char c : item.toCharArray()) {
                int i = DAY_CHARS.indexOf(c);
                if (i >= 0) {
                    days.mask |= 1 << i;
                } else if (c == '祝') {
                    days.openOnHolidays = true;
                } else if (c == '平') {
                    days.mask |= 0x1f;
                    days.closedOnHolidays = true;
                } else {
                    throw new NotUnderstood("「" + raw + "」が分かりません");
                }
            }
        }
        if (days.closedOnHolidays && days.openOnHolidays) {
            days.closedOnHolidays = false;
        }
    }

    // ---- closures and notes -------------------------------------------------------------------------

    /** What the text says it is closed on, and in which months it is held at all. */
    private static final class Closures {
        boolean holidays;
        boolean yearEnd;
        int closedDays;
        int closedMonths;
        int openMonths = 0xfff;

        Closures copy() {
            Closures c = new Closures();
            c.set(this);
            return c;
        }

        void set(Closures o) {
            holidays = o.holidays;
            yearEnd = o.yearEnd;
            closedDays = o.closedDays;
            closedMonths = o.closedMonths;
            openMonths = o.openMonths;
        }

        /** True when the piece is a closure, a month restriction or a note that changes nothing. */
        boolean accept(String raw) {
            String p = raw.replaceAll("\\s", "").replaceAll("[。.]$", "");
            if (p.isEmpty()) {
                return true;
            }
            Matcher only = MONTHS_ONLY.matcher(p);
            if (only.matches()) {
                int from = Integer.parseInt(only.group(1));
                int to = Integer.parseInt(only.group(2));
                int mask = months(from, to);
                if (mask == 0) {
                    return false;
                }
                openMonths &= mask;
                return true;
            }
            for (Pattern note : NOTES) {
                if (note.matcher(p).matches()) {
                    return true;
                }
            }
            Matcher closed = CLOSURE.matcher(p);
            if (!closed.matches()) {
                return false;
            }
            if (p.contains("・") && acceptEach(p.split("・"))) {
                return true;
            }
            Closures trial = copy();
            for (String item : LIST_SEPARATOR.split(closed.group(1), -1)) {
                if (!trial.closeOn(item)) {
                    return false;
                }
            }
            set(trial);
            return true;
        }

        /** 「祝日の場合は休み・年末年始は休み」: several closures joined by ・. */
        private boolean acceptEach(String[] parts) {
            Closures trial = copy();
            for (String part : parts) {
                if (part.isEmpty() || !CLOSURE.matcher(part).matches() || !trial.accept(part)) {
                    return false;
                }
            }
            set(trial);
            return true;
        }

        private boolean closeOn(String item) {
            if (item.matches("祝|祝日|祭日|祝祭日|国民の祝日|祝休日|休日")) {
                holidays = true;
                return true;
            }
            if (item.equals("年末年始")) {
                yearEnd = true;
                return true;
            }
            Matcher month = MONTH_RANGE.matcher(item);
            if (month.matches()) {
                int from = Integer.parseInt(month.group(1));
                int mask = months(from, month.group(2) == null ? from : Integer.parseInt(month.group(2)));
                closedMonths |= mask;
                return mask != 0;
            }
            String d = dayWords(item);
            if (d.isEmpty()) {
                return false;
            }
            Days days = new Days();
            try {
                list(d, days, item);
            } catch (NotUnderstood e) {
                return false;
            }
            closedDays |= days.mask;
            holidays |= days.openOnHolidays;
            return !days.closedOnHolidays;
        }

        private static int months(int from, int to) {
            if (from < 1 || from > 12 || to < 1 || to > 12) {
                return 0;
            }
            int mask = 0;
            for (int m = from; ; m = m % 12 + 1) {
                mask |= 1 << (m - 1);
                if (m == to) {
                    return mask;
                }
            }
        }
    }

    private record Group(Days days, List<Recurrence.Slot> slots) {
    }

    /** Why a text is not a schedule this parser understands, in Japanese for the import report. */
    private static final class NotUnderstood extends RuntimeException {
        NotUnderstood(String reason) {
            super(reason, null, false, false);
        }
    }
}
