package org.tsunagu.search.control;

import org.tsunagu.calendar.control.Recurrence;
import org.tsunagu.calendar.control.Weekdays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.tsunagu.japanese.KanaReading;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Field names and analysis, in one place: the index and every query are built from one schema, and
 * an index remembers the {@link #version()} it was built with so that a changed analysis (new code,
 * new towns in the user dictionary, new synonym groups) leads to a rebuild instead of silent misses.
 *
 * <ul>
 * <li>{@code name}, {@code place}, {@code body}: kuromoji in search mode with the town user dictionary,
 * base forms, Japanese stop words/particles, CJK width folding, katakana stemming (ケアマネージャー =
 * ケアマネージャ), lower case. Queries add the domain synonyms (synonym graph).</li>
 * <li>{@code reading_name}, {@code reading_place}: the katakana reading of name and address, as CJK
 * bigrams, so that ひかりがおか finds 光が丘 whatever way kuromoji segments the query.</li>
 * <li>{@code gram}: CJK bigrams of the raw text, the fallback for partial words and words kuromoji
 * does not know (石神井 in 上石神井); boosted low.</li>
 * </ul>
 */
public final class SearchSchema {

    /** Bump when the analysis chain or the document layout changes: existing indexes are rebuilt. */
    static final int ANALYSIS_VERSION = 7;

    static final String ID = "id";
    static final String ID_VALUE = "id_value";
    static final String MUNICIPALITY = "municipality";
    static final String CATEGORY = "category";
    static final String REGION = "region";
    static final String CENTER = "center";
    static final String TOWN = "town";
    static final String WEEKDAY = "weekday";
    static final String HOME_VISIT = "homeVisit";
    static final String FREE = "free";
    static final String LOCATION = "location";
    static final String RULES = "rules";
    static final String NAME_SORT = "name_sort";
    static final String NAME = "name";
    static final String PLACE = "place";
    static final String BODY = "body";
    static final String READING_NAME = "reading_name";
    static final String READING_PLACE = "reading_place";
    static final String GRAM = "gram";
    static final String PLACE_EXACT = "place_exact";
    static final String NAME_PREFIX = "name_prefix";
    static final String READING_PREFIX = "reading_prefix";
    /**
     * Description and name again, indexed with offsets in the postings (snippets without re-analysis)
     * and kept as binary doc values, not stored fields: reading 20 values per page from doc values is
     * cheap, while a stored field decompresses a whole block for each hit.
     */
    static final String SNIPPET = "snippet";
    static final String NAME_SNIPPET = "snippet_name";
    private static final FieldType SNIPPET_TYPE = snippetType();

    private static FieldType snippetType() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** Binary doc values: the display record of a hit (JSON). */
    static final String STORED = "stored";

    static final Set<String> JAPANESE_FIELDS = Set.of(NAME, PLACE, BODY);
    static final Set<String> GRAM_FIELDS = Set.of(READING_NAME, READING_PLACE, GRAM);

    private final PlaceDictionary places;
    private final java.util.Map<org.tsunagu.directory.entity.Category, String> labelReadings =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final UserDictionary userDictionary;
    private final SynonymMap synonyms;
    private final String synonymsFingerprint;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final Analyzer japanese;

    public SearchSchema(PlaceDictionary places, Synonyms synonyms) {
        this.places = places;
        this.userDictionary = places.userDictionary();
        this.japanese = japanese(userDictionary, null);
        Analyzer gram = gram();
        this.synonyms = synonyms.map(japanese, this::reading);
        this.synonymsFingerprint = synonyms.fingerprint();
        Analyzer japaneseQuery = japanese(userDictionary, this.synonyms);
        this.indexAnalyzer = new FieldAnalyzer(japanese, gram);
        this.queryAnalyzer = new FieldAnalyzer(japaneseQuery, gram);
    }

    /** What an index built with this schema records; another value means "rebuild". */
    public String version() {
        return ANALYSIS_VERSION + "/" + places.fingerprint() + "/" + synonymsFingerprint;
    }

    public PlaceDictionary places() {
        return places;
    }

    Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    static final FacetsConfig FACETS = facetsConfig();

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(WEEKDAY, true);
        return config;
    }

    /**
     * The Lucene document of a resource. Text is normalised once here ({@link SearchText}); the
     * schedule's weekdays are indexed as terms and facet labels, its rules as doc values for the
     * date filter.
     */
    Document document(IndexedResource r, Recurrence recurrence) throws IOException {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(r.id()), Field.Store.NO));
        d.add(new NumericDocValuesField(ID_VALUE, r.id()));
        d.add(new StringField(MUNICIPALITY, r.municipality(), Field.Store.NO));
        d.add(new StringField(CATEGORY, r.category().code(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(CATEGORY, r.category().code()));
        if (r.region() != null) {
            d.add(new StringField(REGION, r.region(), Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(REGION, r.region()));
        }
        for (String c : new LinkedHashSet<>(Arrays.asList(r.catchmentCenter(), r.center()))) {
            if (c != null) {
                d.add(new StringField(CENTER, c, Field.Store.NO));
            }
        }
        if (r.town() != null) {
            d.add(new StringField(TOWN, SearchText.normalise(r.town()), Field.Store.NO));
            if (!r.town().equals(r.townDisplay())) {
                d.add(new StringField(TOWN, SearchText.normalise(r.townDisplay()), Field.Store.NO));
            }
            String base = PlaceDictionary.base(SearchText.normalise(r.town()));
            Set<String> exact = new LinkedHashSet<>(List.of(SearchText.normalise(r.town()), base));
            if (base.endsWith("町") && base.length() >= 3) {
                exact.add(base.substring(0, base.length() - 1));
            }
            for (String e : exact) {
                d.add(new StringField(PLACE_EXACT, e, Field.Store.NO));
            }
        }
        for (DayOfWeek day : recurrence.weekdays()) {
            String code = Weekdays.code(day);
            d.add(new StringField(WEEKDAY, code, Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(WEEKDAY, code));
        }
        if (r.homeVisit()) {
            d.add(new StringField(HOME_VISIT, "true", Field.Store.NO));
        }
        if (r.free()) {
            d.add(new StringField(FREE, "true", Field.Store.NO));
        }
        if (r.lat() != null && r.lon() != null) {
            d.add(new LatLonPoint(LOCATION, r.lat(), r.lon()));
            d.add(new LatLonDocValuesField(LOCATION, r.lat(), r.lon()));
        }
        if (r.rules() != null) {
            d.add(new SortedDocValuesField(RULES, new BytesRef(r.rules())));
        }
        String reading = r.nameKana() != null ? SearchText.katakana(SearchText.normalise(r.nameKana())) : reading(r.name());
        d.add(new SortedDocValuesField(NAME_SORT, new BytesRef(SearchText.sortKey(reading))));

        String name = SearchText.normalise(r.name());
        d.add(new TextField(NAME, name, Field.Store.NO));
        d.add(new Field(NAME_SNIPPET, name, SNIPPET_TYPE));
        d.add(new BinaryDocValuesField(NAME_SNIPPET, new BytesRef(name)));
        d.add(new StringField(NAME_PREFIX, name.toLowerCase(Locale.ROOT), Field.Store.NO));
        d.add(new StringField(READING_PREFIX, reading, Field.Store.NO));
        d.add(new TextField(READING_NAME, reading, Field.Store.NO));
        d.add(new TextField(READING_NAME, labelReadings.computeIfAbsent(r.category(), c -> reading(c.labelJa())),
                Field.Store.NO));

        // body: the description first (stored: it is what snippets are cut from), then everything else
        d.add(new TextField(BODY, SearchText.normalise(r.description()), Field.Store.NO));
        if (r.description() != null) {
            d.add(new Field(SNIPPET, SearchText.normalise(r.description()), SNIPPET_TYPE));
            d.add(new BinaryDocValuesField(SNIPPET, new BytesRef(SearchText.normalise(r.description()))));
        }
        List<String> more = new ArrayList<>(List.of(r.category().labelJa(), r.category().labelEn()));
        more.addAll(r.departments());
        more.addAll(r.accessibility());
        for (String s : new String[]{r.target(), r.organizer(), r.schedule(), r.cost()}) {
            if (s != null) {
                more.add(s);
            }
        }
        for (String s : more) {
            d.add(new TextField(BODY, SearchText.normalise(s), Field.Store.NO));
        }
        List<String> place = new ArrayList<>();
        place.add(r.address());
        if (r.townDisplay() != null) {
            place.add(r.townDisplay());
        }
        // not the region (圏域) name: 光が丘圏域 covers 田柄 and 旭町, and 光が丘 means the place
        for (int i = 0; i < place.size(); i++) {
            String n = SearchText.normalise(place.get(i));
            d.add(new TextField(PLACE, n, Field.Store.NO));
            // the address is the resource's own; the town's name is shared by hundreds of resources
            d.add(new TextField(READING_PLACE, i == 0 ? reading(n) : townReading(n), Field.Store.NO));
        }
        d.add(new TextField(GRAM, name, Field.Store.NO));
        for (String s : place) {
            d.add(new TextField(GRAM, SearchText.normalise(s), Field.Store.NO));
        }
        for (String s : more) {
            d.add(new TextField(GRAM, SearchText.normalise(s), Field.Store.NO));
        }
        if (r.description() != null) {
            d.add(new TextField(GRAM, SearchText.normalise(r.description()), Field.Store.NO));
        }

        // the display record of a hit
        d.add(new BinaryDocValuesField(STORED, new BytesRef(SearchHit.stored(r))));
        return FACETS.build(d);
    }

    /** Readings of town names, read once per schema: a municipality has a few hundred towns. */
    private final java.util.Map<String, String> townReadings = new java.util.concurrent.ConcurrentHashMap<>();

    private String townReading(String town) {
        String known = townReadings.get(town);
        if (known == null) {
            known = reading(town);
            if (townReadings.size() < 100_000) {
                townReadings.put(town, known);
            }
        }
        return known;
    }

    /** The katakana reading of a text, with town names read as the town list says. */
    public String reading(String text) {
        String reading = KanaReading.of(SearchText.normalise(text), userDictionary);
        return reading == null ? "" : reading.strip();
    }

    /** The terms a text becomes in a Japanese field (for tests and the relevance report). */
    List<String> terms(String field, String text, boolean query) {
        List<String> out = new ArrayList<>();
        Analyzer a = query ? queryAnalyzer : indexAnalyzer;
        try (TokenStream ts = a.tokenStream(field, SearchText.normalise(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Analyzer japanese(UserDictionary dictionary, SynonymMap synonyms) {
        CharArraySet stopWords = JapaneseAnalyzer.getDefaultStopSet();
        Set<String> stopTags = JapaneseAnalyzer.getDefaultStopTags();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new JapaneseTokenizer(dictionary, true, JapaneseTokenizer.Mode.SEARCH);
                TokenStream ts = new JapaneseBaseFormFilter(tokenizer);
                ts = new JapanesePartOfSpeechStopFilter(ts, stopTags);
                ts = new CJKWidthFilter(ts);
                ts = new StopFilter(ts, stopWords);
                ts = new JapaneseKatakanaStemFilter(ts);
                ts = new LowerCaseFilter(ts);
                ts = new ClosedGaps(ts);
                if (synonyms != null && synonyms.fst != null) {
                    ts = new SynonymGraphFilter(ts, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, ts);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    private static Analyzer gram() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream ts = new CJKWidthFilter(tokenizer);
                ts = new LowerCaseFilter(ts);
                ts = new CJKBigramFilter(ts);
                return new TokenStreamComponents(tokenizer, ts);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    /**
     * Removed particles and stop words leave no holes: 介護者の会 is the phrase 介護者+会 on both sides,
     * and synonym entries (analysed by the same chain) line up with the query tokens.
     */
    private static final class ClosedGaps extends TokenFilter {
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

        ClosedGaps(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (increment.getPositionIncrement() > 1) {
                increment.setPositionIncrement(1);
            }
            return true;
        }
    }

    /** Japanese analysis for the word fields, bigrams for the reading and fallback fields. */
    private static final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
        private final Analyzer japanese;
        private final Analyzer gram;

        FieldAnalyzer(Analyzer japanese, Analyzer gram) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.japanese = japanese;
            this.gram = gram;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return GRAM_FIELDS.contains(fieldName) ? gram : japanese;
        }
    }
}
