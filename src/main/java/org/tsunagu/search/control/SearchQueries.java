package org.tsunagu.search.control;

import org.tsunagu.calendar.control.Weekdays;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a resident typed and chose into Lucene queries. Words separated by spaces must all match
 * (ひかりがおか さろん 水曜); each word may match as a phrase in the name (strongest), the address or the
 * description, by reading when it is typed in kana, by its exact town name, by a weekday when it is
 * one (水曜), or, weakest, as bigrams of a partial word. Synonyms expand inside the phrase queries.
 */
final class SearchQueries {

    static final int MAX_WORDS = 10;
    private static final String SEPARATORS = "[\\s、,;・/]+";

    /** Longer words (a pasted name) are searched without synonym expansion, which grows with length. */
    static final int SYNONYM_WORD_LIMIT = 24;

    private final SearchSchema schema;
    private final QueryBuilder expanding;
    private final QueryBuilder plain;

    SearchQueries(SearchSchema schema) {
        this.schema = schema;
        this.expanding = new QueryBuilder(schema.queryAnalyzer());
        this.plain = new QueryBuilder(schema.indexAnalyzer());
    }

    /** The scoring part, or null when there is nothing to score (match everything). */
    Query text(String text) {
        String normalised = SearchText.normalise(text).strip();
        if (normalised.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        for (String word : normalised.split(SEPARATORS)) {
            if (word.isEmpty() || words == MAX_WORDS) {
                continue;
            }
            Query q = word(word.toLowerCase(java.util.Locale.ROOT));
            if (q != null) {
                all.add(q, Occur.MUST);
                words++;
            }
        }
        if (words == 0) {
            return null;
        }
        if (words == 1) {
            return all.build();
        }
        // several words may also be one term of the synonym list (dementia cafe, 民生 委員): as a phrase
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(all.build(), Occur.SHOULD);
        QueryBuilder builder = normalised.length() > SYNONYM_WORD_LIMIT ? plain : expanding;
        add(either, builder.createPhraseQuery(SearchSchema.NAME, normalised.toLowerCase(java.util.Locale.ROOT)), 4f);
        add(either, builder.createPhraseQuery(SearchSchema.BODY, normalised.toLowerCase(java.util.Locale.ROOT)), 1f);
        return either.build();
    }

    private Query word(String w) {
        QueryBuilder builder = w.length() > SYNONYM_WORD_LIMIT ? plain : expanding;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        add(any, builder.createPhraseQuery(SearchSchema.NAME, w), 4f);
        add(any, builder.createPhraseQuery(SearchSchema.PLACE, w), 2f);
        add(any, builder.createPhraseQuery(SearchSchema.BODY, w), 1f);
        add(any, new TermQuery(new Term(SearchSchema.PLACE_EXACT, w)), 3f);
        Optional<DayOfWeek> day = Weekdays.ofJapaneseWord(w);
        day.ifPresent(d -> add(any, new TermQuery(new Term(SearchSchema.WEEKDAY, Weekdays.code(d))), 1.5f));
        int length = w.codePointCount(0, w.length());
        if (SearchText.isKana(w) && length >= 2) {
            String reading = SearchText.katakana(w);
            add(any, builder.createPhraseQuery(SearchSchema.READING_NAME, reading), 2.5f);
            add(any, builder.createPhraseQuery(SearchSchema.READING_PLACE, reading), 1.5f);
            // a word typed in kana may be the reading of a synonym (はいしゃ → 歯医者 → 歯科)
            add(any, builder.createPhraseQuery(SearchSchema.NAME, reading), 2f);
            add(any, builder.createPhraseQuery(SearchSchema.BODY, reading), 0.5f);
        }
        if (length >= 2) {
            add(any, builder.createPhraseQuery(SearchSchema.GRAM, w), 0.3f);
        }
        // several words typed without a space (光が丘サロン): each of them somewhere
        List<String> parts = schema.terms(SearchSchema.NAME, w, false);
        if (parts.size() >= 2 && parts.stream().allMatch(p -> p.codePointCount(0, p.length()) >= 2)) {
            BooleanQuery.Builder each = new BooleanQuery.Builder();
            for (String p : parts) {
                BooleanQuery.Builder somewhere = new BooleanQuery.Builder();
                for (String field : List.of(SearchSchema.NAME, SearchSchema.PLACE, SearchSchema.BODY)) {
                    add(somewhere, builder.createBooleanQuery(field, p), 1f);
                }
                each.add(somewhere.build(), Occur.MUST);
            }
            add(any, each.build(), 0.5f);
        }
        BooleanQuery built = any.build();
        return built.clauses().isEmpty() ? null : built;
    }

    private static void add(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) {
            b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        }
    }

    /** Filters that narrow without scoring (the facet dimensions are drill-downs, not here). */
    static Query base(Query text, SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(text != null ? text : new MatchAllDocsQuery(), text != null ? Occur.MUST : Occur.FILTER);
        filter(b, SearchSchema.MUNICIPALITY, q.municipality());
        filter(b, SearchSchema.CENTER, q.center());
        filter(b, SearchSchema.TOWN, q.town() == null ? null : SearchText.normalise(q.town()).strip());
        filter(b, SearchSchema.HOME_VISIT, q.homeVisit() ? "true" : null);
        filter(b, SearchSchema.FREE, q.free() ? "true" : null);
        if (q.date() != null) {
            b.add(new ScheduleFilter(q.date()), Occur.FILTER);
        }
        if (q.hasPoint() && q.radiusKm() != null) {
            b.add(LatLonPoint.newDistanceQuery(SearchSchema.LOCATION, q.lat(), q.lon(), q.radiusKm() * 1000), Occur.FILTER);
        }
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    static Sort sort(SearchQuery q) {
        SortField byName = new SortField(SearchSchema.NAME_SORT, SortField.Type.STRING);
        return switch (q.order()) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byName);
            case NAME -> new Sort(byName);
            case DISTANCE -> new Sort(LatLonDocValuesField.newDistanceSort(SearchSchema.LOCATION, q.lat(), q.lon()), byName);
        };
    }
}
