package org.tsunagu.search.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one reading of search conditions: strict for the API, lenient for the page (no address lookups here). */
class SearchParametersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static SearchParameters.Reading strict(Map<String, List<String>> params) {
        return SearchParameters.read(SearchParameters.Mode.STRICT, params, null, TODAY, 0);
    }

    static SearchParameters.Reading lenient(Map<String, List<String>> params) {
        return SearchParameters.read(SearchParameters.Mode.LENIENT, params, null, TODAY, 20);
    }

    @Test
    void both_read_the_same_conditions_the_same_way() {
        Map<String, List<String>> params = Map.of("q", List.of(" さろん "), "category", List.of("salon", "DEMENTIA_CAFE"),
                "weekday", List.of("wed"), "date", List.of("2026-12-17"), "homeVisit", List.of("true"),
                "region", List.of("北部"), "sort", List.of("name"), "page", List.of("2"));
        for (SearchQuery q : List.of(strict(params).query(), lenient(params).query())) {
            assertEquals("さろん", q.text());
            assertEquals(Set.of("salon", "dementia_cafe"), q.categories());
            assertEquals(Set.of(DayOfWeek.WEDNESDAY), q.weekdays());
            assertEquals(LocalDate.of(2026, 12, 17), q.date());
            assertTrue(q.homeVisit());
            assertEquals("北部", q.region());
            assertEquals(SearchQuery.Order.NAME, q.order());
            assertEquals(2, q.page());
            assertEquals(20, q.size());
            assertEquals(TODAY, q.today());
        }
    }

    @Test
    void strict_refuses_every_mistake_at_once_naming_the_fields() {
        ProblemException e = assertThrows(ProblemException.class, () -> strict(Map.of(
                "category", List.of("nope"), "date", List.of("2026-13-01"), "radius", List.of("1"),
                "sort", List.of("distance"), "size", List.of("500"))));
        assertEquals(400, e.status());
        assertEquals(List.of("category", "date", "radius", "sort", "size"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void lenient_drops_a_mistake_tells_it_and_searches_the_rest() {
        SearchParameters.Reading r = lenient(Map.of("q", List.of("カフェ"), "category", List.of("nope", "salon"),
                "date", List.of("2026-13-01"), "lat", List.of("95"), "lon", List.of("140"), "radius", List.of("1"),
                "sort", List.of("distance"), "page", List.of("99999")));
        assertEquals(List.of("search.problem.date", "search.problem.location"), r.problems());
        assertEquals("カフェ", r.query().text());
        assertEquals(Set.of("salon"), r.query().categories());
        assertNull(r.query().date());
        assertNull(r.query().lat());
        assertNull(r.query().radiusKm(), "no radius without a point");
        assertEquals(SearchQuery.Order.RELEVANCE, r.query().order(), "distance needs a point");
        assertEquals(SearchQuery.MAX_WINDOW / 20 - 1, r.query().page(), "kept inside the window");
    }

    @Test
    void the_page_offers_its_own_radii_the_api_any_up_to_50_km() {
        Map<String, List<String>> at = Map.of("lat", List.of("35.7"), "lon", List.of("139.6"), "radius", List.of("4"));
        assertNull(lenient(at).query().radiusKm(), "4 km is not on the page's list");
        assertEquals(4.0, strict(at).query().radiusKm());
        assertEquals(1.0, lenient(Map.of("lat", List.of("35.7"), "lon", List.of("139.6"), "radius", List.of("1")))
                .query().radiusKm());
        assertThrows(ProblemException.class, () -> strict(Map.of("lat", List.of("35.7"), "lon", List.of("139.6"),
                "radius", List.of("51"))));
    }

    @Test
    void strict_keeps_the_api_window_and_its_own_size() {
        assertEquals(100, strict(Map.of("size", List.of("100"))).query().size());
        ProblemException e = assertThrows(ProblemException.class,
                () -> strict(Map.of("page", List.of("100"), "size", List.of("100"))));
        assertEquals(List.of("page"), e.errors().stream().map(FieldError::field).toList());
    }
}
