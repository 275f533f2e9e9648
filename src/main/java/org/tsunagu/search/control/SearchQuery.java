package org.tsunagu.search.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A validated resource search (api.md GET /resources): free text plus filters that combine with AND,
 * values of one repeated filter with OR. {@code today} anchors next dates, in the portal's time zone.
 */
public record SearchQuery(String text, String municipality, Set<String> categories, String region, String center,
                          String town, Set<DayOfWeek> weekdays, LocalDate date, boolean homeVisit, boolean free,
                          Double lat, Double lon, Double radiusKm, Order order, int page, int size, LocalDate today,
                          boolean highlight) {

    /** The longest search text accepted (characters), on the API and the search page alike. */
    public static final int MAX_TEXT = 200;

    public static final int MAX_SIZE = 100;
    /** Deepest result a page may reach; deeper paging is refused rather than scanned. */
    public static final int MAX_WINDOW = 10_000;

    public enum Order {
        RELEVANCE, DISTANCE, NAME
    }

    public SearchQuery {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        if (size < 1 || size > MAX_SIZE || page < 0 || ((long) page + 1) * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page/size out of range");
        }
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("lat and lon go together");
        }
        if (order == Order.DISTANCE && lat == null) {
            throw new IllegalArgumentException("distance order needs a point");
        }
    }

    public boolean hasPoint() {
        return lat != null;
    }

    /** All published resources of a municipality, for tests and simple callers. */
    public static SearchQuery text(String text, LocalDate today) {
        return new SearchQuery(text, null, Set.of(), null, null, null, Set.of(), null, false, false, null, null, null,
                Order.RELEVANCE, 0, 20, today, true);
    }
}
