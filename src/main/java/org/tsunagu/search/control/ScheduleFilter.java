package org.tsunagu.search.control;

import org.tsunagu.calendar.control.Recurrence;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Held on this date": evaluates each document's recurrence rules (monthly nth weekdays, month
 * exceptions, Japanese public holidays) for one date. Rules are doc values with ordinals, and
 * resources share few distinct schedules, so each distinct rule is decoded and evaluated once per
 * segment and query, not once per document. No pre-expanded date list that would go stale.
 */
final class ScheduleFilter extends Query {

    private static final int CACHE_LIMIT = 50_000;
    private static final ConcurrentHashMap<String, Recurrence> DECODED = new ConcurrentHashMap<>();
    private static final Map<IndexReader.CacheKey, Recurrence[]> BY_SEGMENT = new ConcurrentHashMap<>();
    /** Next dates per rules text for one day: hits of one page share few distinct schedules. */
    private static volatile NextDates nextDates = new NextDates(LocalDate.MIN, new ConcurrentHashMap<>());

    private record NextDates(LocalDate day, ConcurrentHashMap<String, List<LocalDate>> byRules) {
    }

    /** The next {@code n} dates of a rules text from a day, computed once per distinct text and day. */
    static List<LocalDate> nextDates(String rules, LocalDate from, int n) {
        NextDates cache = nextDates;
        if (!cache.day.equals(from)) {
            cache = new NextDates(from, new ConcurrentHashMap<>());
            nextDates = cache;
        }
        if (cache.byRules.size() > CACHE_LIMIT) {
            cache.byRules.clear();
        }
        return cache.byRules.computeIfAbsent(rules, r -> List.copyOf(recurrence(r).nextDates(from, n)));
    }

    private final LocalDate date;

    ScheduleFilter(LocalDate date) {
        this.date = date;
    }

    /**
     * The recurrences of a segment by ordinal, decoded once per segment (segments are immutable;
     * the entry goes when the segment is closed), so a date query only compares bit masks.
     */
    static Recurrence[] decoded(LeafReaderContext context, SortedDocValues rules) throws IOException {
        IndexReader.CacheHelper helper = context.reader().getCoreCacheHelper();
        if (helper == null) {
            return decode(rules);
        }
        Recurrence[] cached = BY_SEGMENT.get(helper.getKey());
        if (cached == null || cached.length != rules.getValueCount()) {
            cached = decode(rules);
            if (BY_SEGMENT.put(helper.getKey(), cached) == null) {
                helper.addClosedListener(BY_SEGMENT::remove);
            }
        }
        return cached;
    }

    private static Recurrence[] decode(SortedDocValues rules) throws IOException {
        Recurrence[] out = new Recurrence[rules.getValueCount()];
        for (int ord = 0; ord < out.length; ord++) {
            BytesRef text = rules.lookupOrd(ord);
            out[ord] = recurrence(text.utf8ToString());
        }
        return out;
    }

    /** The decoded recurrence of a rules text, shared by all queries. */
    static Recurrence recurrence(String rules) {
        if (rules == null) {
            return Recurrence.of(org.tsunagu.calendar.entity.Schedule.none());
        }
        Recurrence r = DECODED.get(rules);
        if (r == null) {
            if (DECODED.size() > CACHE_LIMIT) {
                DECODED.clear();
            }
            r = Recurrence.decode(rules);
            DECODED.put(rules, r);
        }
        return r;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                SortedDocValues rules = DocValues.getSorted(context.reader(), SearchSchema.RULES);
                Recurrence[] byOrd = decoded(context, rules);
                byte[] verdicts = new byte[byOrd.length]; // 0 unknown, 1 held, 2 not held
                TwoPhaseIterator matching = new TwoPhaseIterator(rules) {
                    @Override
                    public boolean matches() throws IOException {
                        int ord = rules.ordValue();
                        if (verdicts[ord] == 0) {
                            verdicts[ord] = byOrd[ord].occursOn(date) ? (byte) 1 : (byte) 2;
                        }
                        return verdicts[ord] == 1;
                    }

                    @Override
                    public float matchCost() {
                        return 10;
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, matching);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return DocValues.isCacheable(ctx, SearchSchema.RULES);
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(SearchSchema.RULES)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return "heldOn(" + date + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && date.equals(((ScheduleFilter) o).date);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + date.hashCode();
    }
}
