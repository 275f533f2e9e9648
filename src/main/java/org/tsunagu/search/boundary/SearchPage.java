package org.tsunagu.search.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.search.control.ResourceSearch;
import org.tsunagu.search.control.SearchHit;
import org.tsunagu.search.control.SearchParameters;
import org.tsunagu.search.control.SearchQuery;
import org.tsunagu.search.control.SearchResult;
import org.tsunagu.calendar.control.Weekdays;
import org.tsunagu.directory.entity.Category;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The resident search page (/): the whole state lives in the URL's GET parameters, the same names
 * as the API, so a center can hand out a link such as 「光が丘の水曜のサロン」. Input that cannot be
 * used (a date that does not exist, an address that matches no town) becomes a readable message and
 * is left out of the search; the page never fails because of what someone typed.
 */
@Named
@RequestScoped
public class SearchPage {

    static final int PAGE_SIZE = 20;
    static final List<String> RADII = SearchParameters.PAGE_RADII;

    /** A choice of a facet: its code, its label, how many results it would give, whether it is chosen. */
    public record Choice(String code, String label, int count, boolean selected) {
    }

    @Inject
    ResourceSearch search;

    @Inject
    AreaLookup lookup;

    @Inject
    org.tsunagu.areas.control.Centers centers;

    /** Icons (PrimeIcons, decorative: the label carries the meaning) of the category chips. */
    static final Map<String, String> ICONS = Map.ofEntries(Map.entry("salon", "pi-users"),
            Map.entry("dementia_cafe", "pi-heart"), Map.entry("community_cafe", "pi-home"),
            Map.entry("exercise", "pi-bolt"), Map.entry("clinic", "pi-plus-circle"), Map.entry("hospital", "pi-building"),
            Map.entry("dental", "pi-face-smile"), Map.entry("pharmacy", "pi-box"), Map.entry("home_nursing", "pi-car"),
            Map.entry("consultation", "pi-comments"), Map.entry("care_service", "pi-briefcase"),
            Map.entry("watch_partner", "pi-eye"));

    private final Map<String, String[]> params = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private SearchResult result;
    private SearchQuery query;
    private String nearTown;

    /** Reads the URL and searches; called by the page's view action. */
    public void load() {
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap()
                .forEach((k, v) -> params.put(k, v));
        Map<String, List<String>> all = new LinkedHashMap<>();
        params.forEach((k, v) -> all.put(k, v == null ? List.of() : java.util.Arrays.asList(v)));
        SearchParameters.Reading reading = SearchParameters.read(SearchParameters.Mode.LENIENT, all, lookup,
                JapanTime.today(), PAGE_SIZE);
        query = reading.query();
        problems.addAll(reading.problems());
        nearTown = reading.nearTown();
        try {
            result = search.search(query);
        } catch (IllegalArgumentException tooComplex) {
            problems.add("search.problem.q");
            query = new SearchQuery(null, null, query.categories(), query.region(), query.center(), null, query.weekdays(),
                    query.date(), query.homeVisit(), query.free(), query.lat(), query.lon(), query.radiusKm(), query.order(), 0,
                    PAGE_SIZE, query.today(), true);
            result = search.search(query);
        }
    }

    // --- what the page shows ---------------------------------------------------------------

    public SearchResult getResult() {
        return result;
    }

    public List<SearchHit> getItems() {
        return result == null ? List.of() : result.items();
    }

    public List<String> getProblems() {
        return problems;
    }

    public String getNearTown() {
        return nearTown;
    }

    public String value(String name) {
        return one(name);
    }

    public boolean checked(String name, String value) {
        return many(name).contains(value);
    }

    public List<Choice> getCategories() {
        Map<String, Integer> counts = facet("category");
        List<Choice> out = new ArrayList<>();
        for (Category c : Category.values()) {
            out.add(new Choice(c.code(), label(c), counts.getOrDefault(c.code(), 0), query.categories().contains(c.code())));
        }
        return out;
    }

    public List<Choice> getWeekdays() {
        Map<String, Integer> counts = facet("weekday");
        List<Choice> out = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String code = Weekdays.code(d);
            String label = english() ? d.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                    : Weekdays.japanese(d).substring(0, 1);
            out.add(new Choice(code, label, counts.getOrDefault(code, 0), query.weekdays().contains(d)));
        }
        return out;
    }

    public List<Choice> getRegions() {
        List<Choice> out = new ArrayList<>();
        facet("region").forEach((name, count) -> out.add(new Choice(name, name, count, name.equals(query.region()))));
        return out;
    }

    /** The centers to choose from (the area a resource belongs to). */
    public List<Choice> getCenters() {
        List<Choice> out = new ArrayList<>();
        for (org.tsunagu.areas.entity.Center c : centers.all()) {
            out.add(new Choice(c.getCode(), c.getName(), 0, c.getCode().equals(query.center())));
        }
        return out;
    }

    public String icon(String category) {
        return ICONS.getOrDefault(category, "pi-circle");
    }

    public boolean isLocated() {
        return query.hasPoint() && nearTown == null;
    }

    public List<String> getRadii() {
        return RADII;
    }

    public String categoryLabel(String code) {
        return Category.ofCode(code).map(this::label).orElse(code);
    }

    private String label(Category c) {
        return english() ? c.labelEn() : c.labelJa();
    }

    private static boolean english() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc != null && fc.getViewRoot() != null && "en".equals(fc.getViewRoot().getLocale().getLanguage());
    }

    private Map<String, Integer> facet(String dim) {
        return result == null ? Map.of() : result.facets().getOrDefault(dim, Map.of());
    }

    public boolean isFiltered() {
        return query.text() != null || !query.categories().isEmpty() || !query.weekdays().isEmpty()
                || query.date() != null || query.free() || query.homeVisit() || query.region() != null
                || query.radiusKm() != null || query.center() != null;
    }

    public int getPage() {
        return query.page();
    }

    public int getPageCount() {
        long total = Math.min(result == null ? 0 : result.total(), SearchQuery.MAX_WINDOW);
        return (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public int getFirst() {
        return query.page() * PAGE_SIZE + 1;
    }

    public long getLast() {
        return Math.min((long) (query.page() + 1) * PAGE_SIZE, result == null ? 0 : result.total());
    }

    /** This page's URL with one parameter replaced (or removed when value is empty): links keep the state. */
    public String link(String name, String value) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, new ArrayList<>(List.of(v))));
        p.remove("page");
        if (value == null || value.isEmpty()) {
            p.remove(name);
        } else {
            p.put(name, List.of(value));
        }
        return url(p);
    }

    /** The link to another page of the same results. */
    public String pageLink(int page) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, new ArrayList<>(List.of(v))));
        p.put("page", List.of(Integer.toString(page)));
        return url(p);
    }

    /** A link to the same search with one condition (named by its parameter) removed. */
    public record Widening(String href, String parameter) {
    }

    /** Widening suggestions for an empty result: each is a link with one condition removed. */
    public List<Widening> getWiderSearches() {
        List<Widening> out = new ArrayList<>();
        for (String name : List.of("q", "category", "weekday", "date", "free", "homeVisit", "region", "center", "radius")) {
            if (!many(name).isEmpty()) {
                out.add(new Widening(link(name, ""), name));
            }
        }
        return out;
    }

    private static String url(Map<String, List<String>> p) {
        StringBuilder b = new StringBuilder("?");
        p.forEach((k, values) -> values.forEach(v -> {
            if (b.length() > 1) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return b.length() == 1 ? "?" : b.toString();
    }

    private String one(String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 || v[0] == null ? "" : v[0].strip();
    }

    private List<String> many(String name) {
        String[] v = params.get(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
