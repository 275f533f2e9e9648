package org.tsunagu.search.control;

import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.calendar.control.Weekdays;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.problems.QueryParameters;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the search conditions of a URL into a {@link SearchQuery}: the one reading for the API
 * ({@code GET /api/v1/resources}) and the resident search page, so a link handed out by a center
 * means the same on both. Two modes, because the readers differ:
 * <ul>
 * <li>{@link Mode#STRICT} (the API): every mistake is collected and the whole request refused (400
 *     naming each field) — a program should learn that its condition was not applied.</li>
 * <li>{@link Mode#LENIENT} (the page): a mistake is dropped and told as a message key of the page's
 *     bundle, the rest is still searched — an older person who mistyped a date still sees salons.
 *     The page offers only its own choices: a fixed page size, the radii of its list, highlighting on,
 *     every municipality.</li>
 * </ul>
 */
public final class SearchParameters {

    public enum Mode { STRICT, LENIENT }

    /** The radii (km) the search page offers; the API takes any up to {@link #MAX_RADIUS_KM}. */
    public static final List<String> PAGE_RADII = List.of("0.5", "1", "2", "3", "5");

    public static final double MAX_RADIUS_KM = 50;

    /** The longest address accepted for {@code near} (characters). */
    public static final int MAX_NEAR = 300;

    /** The query, what the lenient reading dropped (bundle keys, in order), and the town {@code near} named. */
    public record Reading(SearchQuery query, List<String> problems, String nearTown) {
    }

    private final Mode mode;
    private final Map<String, List<String>> params;
    private final QueryParameters p = new QueryParameters();
    private final List<String> problems = new ArrayList<>();
    /** Strict: {@code near} was given (and readable), so a radius or distance order has a place to start from. */
    private boolean nearGiven;

    private SearchParameters(Mode mode, Map<String, List<String>> params) {
        this.mode = mode;
        this.params = params;
    }

    /**
     * Reads {@code params} (name → values as sent).
     *
     * @param pageSize the page's fixed size in {@link Mode#LENIENT}; ignored in {@link Mode#STRICT} ({@code size})
     * @throws org.tsunagu.problems.ProblemException 400 with every field error, in {@link Mode#STRICT} only
     */
    public static Reading read(Mode mode, Map<String, List<String>> params, AreaLookup lookup, LocalDate today,
                               int pageSize) {
        return new SearchParameters(mode, params).read(lookup, today, pageSize);
    }

    private Reading read(AreaLookup lookup, LocalDate today, int fixedSize) {
        boolean strict = mode == Mode.STRICT;
        String text = text("q", SearchQuery.MAX_TEXT);
        String muni = strict ? p.text("municipality", one("municipality"), 6) : null;
        if (muni != null && !Municipality.isValidCode(muni)) {
            p.error("municipality", "municipality は6桁の全国地方公共団体コードです");
        }
        Set<String> categories = new LinkedHashSet<>();
        for (String c : many("category")) {
            String code = c == null ? "" : c.strip().toLowerCase(Locale.ROOT);
            Category.ofCode(code).ifPresentOrElse(x -> categories.add(x.code()),
                    () -> p.error("category", "category が不明です: " + QueryParameters.shown(c)));
        }
        Set<DayOfWeek> weekdays = new LinkedHashSet<>();
        for (String w : many("weekday")) {
            String code = w == null ? "" : w.strip().toLowerCase(Locale.ROOT);
            Weekdays.ofCode(code).ifPresentOrElse(weekdays::add,
                    () -> p.error("weekday", "weekday は mon, tue, wed, thu, fri, sat, sun のいずれかです"));
        }
        LocalDate day = date();
        Double[] point = {null, null};
        String nearTown = strict ? strictPoint(lookup, muni, point) : lenientPoint(lookup, point);
        Double km = radius(point[0] != null);
        SearchQuery.Order order = order(point[0] != null);
        int[] pageAndSize = strict ? strictPage() : new int[]{lenientPage(fixedSize), fixedSize};
        int page = pageAndSize[0];
        int size = pageAndSize[1];
        boolean homeVisit = flag("homeVisit");
        boolean free = flag("free");
        boolean highlight = !strict || one("highlight") == null || p.flag("highlight", one("highlight"));
        if (strict) {
            p.verify();
        }
        SearchQuery query = new SearchQuery(text, muni, categories, text("region", 100), text("center", 64),
                strict ? p.text("town", one("town"), 100) : null, weekdays, day, homeVisit, free, point[0], point[1], km,
                order, page, size, today, highlight);
        return new Reading(query, List.copyOf(problems), nearTown);
    }

    private LocalDate date() {
        String d = mode == Mode.STRICT ? p.text("date", one("date"), 10) : blankToNull(one("date"));
        if (d == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(d);
            if (day.getYear() < 1950 || day.getYear() > 2150) {
                problem("date", "date は1950年から2150年までの日付です", "search.problem.date");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problem("date", "date は YYYY-MM-DD 形式の日付です", "search.problem.date");
            return null;
        }
    }

    /** The API: lat/lon or near (an address placed on its town's point), never both; every mistake named. */
    private String strictPoint(AreaLookup lookup, String muni, Double[] point) {
        Double latitude = p.decimal("lat", one("lat"), -90, 90);
        Double longitude = p.decimal("lon", one("lon"), -180, 180);
        if ((latitude == null) != (longitude == null) && !p.failed("lat") && !p.failed("lon")) {
            p.error(latitude == null ? "lat" : "lon", "lat と lon は両方指定してください");
        }
        String near = p.text("near", one("near"), MAX_NEAR);
        nearGiven = near != null;
        String town = null;
        if (near != null) {
            if (latitude != null) {
                p.error("near", "near と lat/lon は同時に指定できません");
            } else {
                AreaLookup.Result found = lookup.lookup(near, muni);
                if (found.town() == null || found.town().getPoint() == null) {
                    p.error("near", "near の住所から位置を特定できませんでした（町名まで入力してください）");
                } else {
                    latitude = found.town().getPoint().lat();
                    longitude = found.town().getPoint().lon();
                    town = found.town().displayName();
                }
            }
        }
        point[0] = latitude;
        point[1] = longitude;
        return town;
    }

    /** The page: near wins over the device's location (「現在地を使う」); a point that cannot be read is dropped. */
    private String lenientPoint(AreaLookup lookup, Double[] point) {
        String near = clip(one("near"), MAX_NEAR);
        if (near != null) {
            AreaLookup.Result found = lookup.lookup(near, null);
            if (found.town() != null && found.town().getPoint() != null) {
                point[0] = found.town().getPoint().lat();
                point[1] = found.town().getPoint().lon();
                return found.town().displayName();
            }
            problems.add("search.problem.near");
            return null;
        }
        String lat = blankToNull(one("lat"));
        String lon = blankToNull(one("lon"));
        if (lat != null && lon != null) {
            // the device's location: a point, never stored
            try {
                double la = Double.parseDouble(lat);
                double lo = Double.parseDouble(lon);
                if (la >= -90 && la <= 90 && lo >= -180 && lo <= 180) {
                    point[0] = la;
                    point[1] = lo;
                } else {
                    problems.add("search.problem.location");
                }
            } catch (NumberFormatException e) {
                problems.add("search.problem.location");
            }
        }
        return null;
    }

    private Double radius(boolean hasPoint) {
        if (mode == Mode.LENIENT) {
            String r = blankToNull(one("radius"));
            return hasPoint && PAGE_RADII.contains(r) ? Double.valueOf(r) : null;
        }
        Double km = p.decimal("radius", one("radius"), 0, MAX_RADIUS_KM);
        if (km != null && km <= 0) {
            p.error("radius", "radius は0より大きく50以下（km）です");
        }
        if (km != null && !hasPoint && !nearGiven && one("lat") == null) {
            p.error("radius", "radius には lat/lon か near が必要です");
        }
        return km;
    }

    private SearchQuery.Order order(boolean hasPoint) {
        String s = mode == Mode.STRICT ? p.text("sort", one("sort"), 20) : blankToNull(one("sort"));
        if (s == null) {
            return SearchQuery.Order.RELEVANCE;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "relevance":
                return SearchQuery.Order.RELEVANCE;
            case "name":
                return SearchQuery.Order.NAME;
            case "distance":
                if (hasPoint) {
                    return SearchQuery.Order.DISTANCE;
                }
                if (mode == Mode.STRICT && !nearGiven && one("lat") == null) {
                    p.error("sort", "sort=distance には lat/lon か near が必要です");
                }
                return mode == Mode.STRICT ? SearchQuery.Order.DISTANCE : SearchQuery.Order.RELEVANCE;
            default:
                if (mode == Mode.STRICT) {
                    p.error("sort", "sort は relevance, distance, name のいずれかです");
                }
                return SearchQuery.Order.RELEVANCE;
        }
    }

    /** The page's page number, kept inside the window of results it may show. */
    private int lenientPage(int size) {
        try {
            String v = blankToNull(one("page"));
            return Math.max(0, Math.min(v == null ? 0 : Integer.parseInt(v), SearchQuery.MAX_WINDOW / size - 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The API's page and size, each checked, and together inside the window of results. */
    private int[] strictPage() {
        Integer pageNo = p.integer("page", one("page"), 0, Integer.MAX_VALUE, 0);
        Integer pageSize = p.integer("size", one("size"), 1, SearchQuery.MAX_SIZE, 20);
        if (pageNo != null && pageSize != null && ((long) pageNo + 1) * pageSize > SearchQuery.MAX_WINDOW) {
            p.error("page", "検索結果は先頭から" + SearchQuery.MAX_WINDOW + "件までしか表示できません（条件を絞ってください）");
        }
        return new int[]{orZero(pageNo), pageSize == null ? 20 : pageSize};
    }

    private boolean flag(String name) {
        return mode == Mode.STRICT ? p.flag(name, one(name)) : "true".equals(blankToNull(one(name)));
    }

    private String text(String name, int max) {
        return mode == Mode.STRICT ? p.text(name, one(name), max) : clip(one(name), max);
    }

    /** A mistake: an error of the field (strict) or the page's message key (lenient, each key once). */
    private void problem(String field, String message, String key) {
        if (mode == Mode.STRICT) {
            p.error(field, message);
        } else if (!problems.contains(key)) {
            problems.add(key);
        }
    }

    private String one(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Strict: every value as sent (an empty one is a mistake); lenient: the non-blank ones. */
    private List<String> many(String name) {
        List<String> v = params.getOrDefault(name, List.of());
        if (mode == Mode.STRICT) {
            return v;
        }
        return v.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The page's reading of free text: control characters become spaces, cut to {@code max}; blank → null. */
    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String cleaned = s.replaceAll("\\p{Cntrl}", " ").strip();
        cleaned = cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
        return cleaned.isEmpty() ? null : cleaned;
    }
}
