package org.tsunagu.search.control;

import org.tsunagu.calendar.control.Weekdays;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.directory.entity.Category;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The resource search index: the only place that touches Lucene. One {@link IndexWriter} and one
 * {@link SearcherManager} per generation; a generation is a directory under the index root, and the
 * file {@code CURRENT} names the one in use. A rebuild writes a fresh generation beside the current
 * one, which keeps answering, and swaps it in atomically when it is complete, so searches never see
 * a half-built index and a crash mid-rebuild leaves the old one in place.
 *
 * <p>Writes ({@link #upsert}, {@link #delete}) are called after the database transaction committed,
 * commit the index and refresh the searcher before returning, so a change is searchable as soon as
 * the call returns. The index is derived data: the database is the source of truth and anything
 * missing, corrupt or built with another analysis ({@link SearchSchema#version()}) is rebuilt.
 */
public final class ResourceIndex implements Closeable {

    public enum State {
        /** Built with the current schema. */
        READY,
        /** Usable, but built with another analysis: rebuild in the background. */
        STALE,
        /** Absent or unreadable: an empty generation was created, rebuild before trusting it. */
        MISSING
    }

    static final String CURRENT = "CURRENT";
    /** Prefix of a generation found unreadable at start and moved aside (the latest one is kept). */
    static final String ASIDE = "corrupt-";
    static final String VERSION_KEY = "tsunagu.analysis";
    private static final Logger LOG = Logger.getLogger(ResourceIndex.class.getName());
    /** Answers kept per searcher: the same page asked again (a shared link, paging back) costs nothing. */
    static final int DEFAULT_CACHE_SIZE = Integer.getInteger("tsunagu.search.cache", 2_000);
    private volatile int cacheSize = DEFAULT_CACHE_SIZE;
    private static final List<String> DIMENSIONS = List.of(SearchSchema.CATEGORY, SearchSchema.REGION, SearchSchema.WEEKDAY);

    private final Path root;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile Generation current;
    private final State openedAs;

    private ResourceIndex(Path root, Generation current, State openedAs) {
        this.root = root;
        this.current = current;
        this.openedAs = openedAs;
    }

    /** Opens the index under {@code root}, creating an empty generation when there is none or it is unreadable. */
    public static ResourceIndex open(Path root, SearchSchema schema) {
        try {
            Files.createDirectories(root);
            Path pointer = root.resolve(CURRENT);
            if (Files.exists(pointer)) {
                String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
                Path dir = root.resolve(name);
                if (name.matches("gen-[0-9]+") && Files.isDirectory(dir)) {
                    try {
                        Generation g = Generation.open(name, dir, schema);
                        State state = schema.version().equals(g.builtWith()) ? State.READY : State.STALE;
                        deleteOthers(root, name);
                        return new ResourceIndex(root, g, state);
                    } catch (IOException | RuntimeException e) {
                        Path aside = moveAside(root, dir);
                        LOG.log(Level.WARNING, "search index " + dir + " is unreadable (" + e.getClass().getSimpleName()
                                + "); moved aside to " + aside + ", it will be rebuilt from the database", e);
                    }
                }
            }
            Generation fresh = Generation.create(root, schema);
            fresh.publish(root);
            deleteOthers(root, fresh.name);
            return new ResourceIndex(root, fresh, State.MISSING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + root, e);
        }
    }

    /** How many recent answers each reader keeps (0: none); the portal sets it from tsunagu.search.cache. */
    public void cacheAnswers(int size) {
        this.cacheSize = Math.max(0, size);
    }

    /** How the index was found when opened. */
    public State openedAs() {
        return openedAs;
    }

    public SearchSchema schema() {
        return current.schema;
    }

    public String generation() {
        return current.name;
    }

    /** Number of documents searchable now. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    public void upsert(Collection<IndexedResource> resources) {
        write(resources, List.of(), true);
    }

    public void delete(Collection<Long> ids) {
        write(List.of(), ids, true);
    }

    /**
     * Writes these documents and removes those; with {@code commit} the change is committed and
     * searchable. A large change (an import of 100,000 rows) is written in chunks and committed once at
     * its end: a commit per chunk of 500 made the index take longer than the import itself.
     */
    public void write(Collection<IndexedResource> resources, Collection<Long> deleted, boolean commit) {
        if (resources.isEmpty() && deleted.isEmpty() && !commit) {
            return;
        }
        swap.readLock().lock();
        try {
            Generation g = current;
            for (IndexedResource r : resources) {
                g.writer.updateDocument(new Term(SearchSchema.ID, Long.toString(r.id())), g.document(r));
            }
            if (!deleted.isEmpty()) {
                g.writer.deleteDocuments(deleted.stream().map(id -> new Term(SearchSchema.ID, Long.toString(id))).toArray(Term[]::new));
            }
            if (commit) {
                g.commitAndRefresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * Starts analysing the documents of one large change ahead of its commit, for the current
     * generation, in a directory of their own: nothing of it is searchable until {@link #merge}.
     * {@code ids} are the resources of the change known so far ({@link Staging#cover} adds the rest);
     * those without a staged document are removed from the index when it is merged.
     */
    public Staging stage(Collection<Long> ids) {
        try {
            return new Staging(current, root, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts a staged change into the index and commits: its resources' old documents are deleted and
     * the staged segments added as they are (no second analysis). False, and nothing changed, when the
     * staging was analysed for another generation than the current one (a rebuild swapped it in since):
     * the caller indexes the change the usual way then. The staging is closed and deleted either way.
     */
    public boolean merge(Staging staging) {
        try {
            swap.readLock().lock();
            try {
                Generation g = current;
                if (staging.into != g || !staging.finish()) {
                    return false;
                }
                g.writer.deleteDocuments(staging.ids().stream().map(id -> new Term(SearchSchema.ID, Long.toString(id))).toArray(Term[]::new));
                g.writer.addIndexes(staging.directory);
                g.commitAndRefresh();
                return true;
            } finally {
                swap.readLock().unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            staging.close();
        }
    }

    /**
     * The documents of one change, analysed while its transaction still runs (an import's commit of
     * 100,000 rows takes as long as analysing them, and the other core is idle meanwhile). A directory
     * of their own keeps the rule that only committed data reaches the index: a rollback just deletes it.
     */
    public static final class Staging implements Closeable {
        static final String PREFIX = "staging-";
        private final Generation into;
        private final Path dir;
        private final Directory directory;
        private final IndexWriter writer;
        private final List<Long> ids = new ArrayList<>();
        /** Adds share it; finishing and closing hold it alone. */
        private final ReentrantReadWriteLock adding = new ReentrantReadWriteLock();
        private volatile boolean closed;
        /** Set first by {@link #close()}, so that an analysis in progress stops at its next document. */
        private volatile boolean cancelled;

        private Staging(Generation into, Path root, Collection<Long> ids) throws IOException {
            this.into = into;
            this.ids.addAll(ids);
            this.dir = Files.createTempDirectory(root, PREFIX);
            this.directory = FSDirectory.open(dir);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(into.schema.indexAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(false).setRAMBufferSizeMB(32));
        }

        /**
         * Analyses and adds documents; several threads may add at once (Lucene's writer analyses them in
         * parallel), while {@link #finish} and {@link #close} wait for them. False once the staging was closed.
         */
        public boolean add(Collection<IndexedResource> resources) {
            adding.readLock().lock();
            try {
                for (IndexedResource r : resources) {
                    if (cancelled || closed) {
                        return false;
                    }
                    writer.addDocument(into.document(r));
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                adding.readLock().unlock();
            }
        }

        /**
         * More resources of the change (a change staged chunk by chunk learns its ids as it goes). Not
         * under the staging's lock, which an analysis holds for a whole chunk: the writer must not wait.
         */
        public void cover(Collection<Long> more) {
            synchronized (ids) {
                ids.addAll(more);
            }
        }

        private List<Long> ids() {
            synchronized (ids) {
                return List.copyOf(ids);
            }
        }

        public int size() {
            synchronized (ids) {
                return ids.size();
            }
        }

        private boolean finish() throws IOException {
            adding.writeLock().lock();
            try {
                if (closed) {
                    return false;
                }
                writer.commit();
                writer.close();
                return true;
            } finally {
                adding.writeLock().unlock();
            }
        }

        /** Throws the staged documents away (the change rolled back, or they were merged). */
        @Override
        public void close() {
            cancelled = true;
            closeNow();
        }

        private void closeNow() {
            adding.writeLock().lock(); // an add in progress stops at its next document (cancelled)
            try {
                closeLocked();
            } finally {
                adding.writeLock().unlock();
            }
        }

        private void closeLocked() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing a staging writer", e);
            }
            try {
                directory.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a staging directory", e);
            }
            deleteTree(dir);
        }
    }

    /** Starts building a new generation with the given schema; the current one keeps answering. */
    public Rebuild rebuild(SearchSchema schema) {
        try {
            return new Rebuild(Generation.create(root, schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generation being built; {@link #finish()} swaps it in, {@link #abandon()} throws it away. */
    public final class Rebuild implements Closeable {
        private final Generation next;
        private boolean done;
        private int count;

        private Rebuild(Generation next) {
            this.next = next;
        }

        /** Adds a batch; documents are analysed in parallel (kuromoji is the cost, IndexWriter is thread-safe). */
        public void add(Collection<IndexedResource> resources) {
            resources.parallelStream().forEach(r -> {
                try {
                    next.writer.addDocument(next.document(r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            count += resources.size();
        }

        public int count() {
            return count;
        }

        public void finish() {
            Generation old;
            try {
                next.commitAndRefresh();
                swap.writeLock().lock();
                try {
                    next.publish(root);
                    old = current;
                    current = next;
                } finally {
                    swap.writeLock().unlock();
                }
            } catch (IOException e) {
                abandon();
                throw new UncheckedIOException(e);
            }
            done = true;
            old.close();
            old.delete();
        }

        public void abandon() {
            if (!done) {
                done = true;
                next.close();
                next.delete();
            }
        }

        @Override
        public void close() {
            abandon();
        }
    }

    // --- searching ---------------------------------------------------------------------------

    /** @throws IllegalArgumentException when the text makes a query too large to run */
    public SearchResult search(SearchQuery q) {
        try {
            return withSearcher((g, s) -> g.results.get(s.getIndexReader(), q, cacheSize, () -> search(g, s, q)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("the search text is too complex", e);
        }
    }

    private SearchResult search(Generation g, IndexSearcher searcher, SearchQuery q) throws IOException {
        SearchQueries queries = g.queries;
        Query text = queries.text(q.text());
        Query base = SearchQueries.base(text, q);
        int window = (q.page() + 1) * q.size();
        Sort sort = SearchQueries.sort(q);
        SortedSetDocValuesReaderState state = g.facetState(searcher.getIndexReader());
        TopDocs hits;
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        if (state == null) {
            // nothing indexed yet
            hits = searcher.search(base, window, sort, q.order() == SearchQuery.Order.RELEVANCE);
            DIMENSIONS.forEach(d -> facets.put(d, Map.of()));
        } else {
            DrillDownQuery drill = new DrillDownQuery(SearchSchema.FACETS, base);
            q.categories().forEach(c -> drill.add(SearchSchema.CATEGORY, c));
            if (q.region() != null) {
                drill.add(SearchSchema.REGION, q.region());
            }
            q.weekdays().forEach(d -> drill.add(SearchSchema.WEEKDAY, Weekdays.code(d)));
            DrillSideways sideways = new DrillSideways(searcher, SearchSchema.FACETS, state);
            DrillSideways.DrillSidewaysResult result = sideways.search(drill, null, null, window, sort,
                    q.order() == SearchQuery.Order.RELEVANCE);
            hits = result.hits;
            for (String dim : DIMENSIONS) {
                facets.put(dim, counts(result.facets, dim));
            }
        }
        ScoreDoc[] page = Arrays.copyOfRange(hits.scoreDocs, Math.min(q.page() * q.size(), hits.scoreDocs.length),
                hits.scoreDocs.length);
        String[] snippets = text != null && q.highlight() && page.length > 0
                ? highlight(g, searcher, text, page) : new String[page.length];
        List<SearchHit> items = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            SearchHit hit = SearchHit.fromStored(value(searcher.getIndexReader(), page[i].doc, SearchSchema.STORED));
            Double distance = q.hasPoint() && hit.lat() != null
                    ? Math.round(new GeoPoint(q.lat(), q.lon()).distanceKm(new GeoPoint(hit.lat(), hit.lon())) * 100) / 100.0
                    : null;
            List<LocalDate> next = hit.rules() == null ? List.of() : ScheduleFilter.nextDates(hit.rules(), q.today(), 3);
            items.add(hit.with(distance, next, snippets[i]));
        }
        return new SearchResult(total(hits.totalHits), q.page(), q.size(), items, facets);
    }

    private static long total(TotalHits t) {
        return t.value;
    }

    private static Map<String, Integer> counts(Facets facets, String dim) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        FacetResult r;
        try {
            r = facets.getTopChildren(100, dim);
        } catch (IllegalArgumentException e) {
            return out;
        }
        if (r != null) {
            Arrays.stream(r.labelValues).sorted(Comparator.comparing((LabelAndValue lv) -> -lv.value.intValue())
                    .thenComparing(lv -> lv.label)).forEach(lv -> out.put(lv.label, lv.value.intValue()));
        }
        return out;
    }

    private static String[] highlight(Generation g, IndexSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
        // the words the query looks for in name, address and description (synonyms included), as plain
        // terms on the snippet fields: marking words needs no phrase logic, and postings carry offsets
        Set<Term> terms = new LinkedHashSet<>();
        text.visit(QueryVisitor.termCollector(terms));
        BooleanQuery.Builder marks = new BooleanQuery.Builder();
        int clauses = 0;
        for (Term t : terms) {
            if (SearchSchema.JAPANESE_FIELDS.contains(t.field()) && clauses < 200) {
                marks.add(new TermQuery(new Term(SearchSchema.SNIPPET, t.bytes())), Occur.SHOULD);
                marks.add(new TermQuery(new Term(SearchSchema.NAME_SNIPPET, t.bytes())), Occur.SHOULD);
                clauses += 2;
            }
        }
        if (clauses == 0) {
            return new String[page.length];
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, g.schema.indexAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withWeightMatches(false).withHighlightPhrasesStrictly(false).withHandleMultiTermQuery(false)
                .withMaxLength(2_000)) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
                    throws IOException {
                // the texts come from doc values (see SearchSchema.SNIPPET), not from stored fields
                List<CharSequence[]> out = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    CharSequence[] values = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String v = value(searcher.getIndexReader(), doc, fields[f]);
                        values[f] = v == null ? "" : v;
                    }
                    out.add(values);
                }
                return out;
            }
        };
        ScoreDoc[] byDoc = page.clone();
        TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), byDoc);
        Map<String, String[]> found = highlighter.highlightFields(
                new String[]{SearchSchema.SNIPPET, SearchSchema.NAME_SNIPPET}, marks.build(), docs, new int[]{1, 1});
        String[] body = found.get(SearchSchema.SNIPPET);
        String[] name = found.get(SearchSchema.NAME_SNIPPET);
        // highlightFields answers in the order of the docs given
        String[] out = new String[page.length];
        for (int i = 0; i < page.length; i++) {
            out[i] = body != null && body[i] != null && body[i].contains("<mark>") ? body[i]
                    : name != null && name[i] != null && name[i].contains("<mark>") ? name[i] : null;
        }
        return out;
    }

    /** Completions for a prefix: category labels, town names and resource names, readings included. */
    public List<Suggestion> suggest(String prefix, String municipality, int max) {
        return withSearcher((g, s) -> suggest(g, s, prefix, municipality, max));
    }

    public record Suggestion(String text, String kind, String reading) {
    }

    private List<Suggestion> suggest(Generation g, IndexSearcher searcher, String prefix, String municipality, int max)
            throws IOException {
        String p = SearchText.normalise(prefix).strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return List.of();
        }
        String kana = SearchText.isKana(p) ? SearchText.katakana(p) : null;
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            String label = c.labelJa();
            String reading = g.schema.reading(label);
            for (String part : label.split("・")) {
                if (part.toLowerCase(Locale.ROOT).startsWith(p) || c.labelEn().toLowerCase(Locale.ROOT).startsWith(p)
                        || (kana != null && g.schema.reading(part).startsWith(kana))) {
                    out.putIfAbsent(label, new Suggestion(label, "category", reading));
                }
            }
        }
        TreeMap<String, Suggestion> towns = new TreeMap<>();
        for (String place : g.schema.places().placeNames()) {
            String reading = g.schema.places().readingOf(place);
            if (place.startsWith(p) || (kana != null && reading != null && reading.startsWith(kana))) {
                towns.put(SearchText.sortKey(reading == null ? place : reading) + place, new Suggestion(place, "town", reading));
            }
        }
        towns.values().stream().limit(max).forEach(s -> out.putIfAbsent(s.text(), s));
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        names.add(new PrefixQuery(new Term(SearchSchema.NAME_PREFIX, p)), Occur.SHOULD);
        if (kana != null) {
            names.add(new PrefixQuery(new Term(SearchSchema.READING_PREFIX, kana)), Occur.SHOULD);
        }
        Query q = names.build();
        if (municipality != null) {
            q = new BooleanQuery.Builder().add(q, Occur.MUST)
                    .add(new TermQuery(new Term(SearchSchema.MUNICIPALITY, municipality)), Occur.FILTER).build();
        }
        TopDocs top = searcher.search(q, max * 3, new Sort(new SortField(SearchSchema.NAME_SORT, SortField.Type.STRING)));
        for (ScoreDoc sd : top.scoreDocs) {
            SearchHit h = SearchHit.fromStored(value(searcher.getIndexReader(), sd.doc, SearchSchema.STORED));
            out.putIfAbsent(h.name(), new Suggestion(h.name(), "resource", h.nameKana()));
        }
        return out.values().stream().limit(max).toList();
    }

    /** A binary doc value of a document of the whole reader, or null. */
    static String value(IndexReader reader, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        return values.binaryValue().utf8ToString();
    }

    // --- plumbing ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(Generation g, IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface PlainWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(PlainWork<T> work) {
        return withSearcher((g, s) -> work.apply(s));
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        for (int attempt = 0; ; attempt++) {
            Generation g = current;
            IndexSearcher s;
            try {
                s = g.searchers.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 3) {
                    continue; // swapped under us: the new generation answers
                }
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return work.apply(g, s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    g.searchers.release(s);
                } catch (IOException | AlreadyClosedException ignored) {
                    // the generation was swapped out and closed; its reader goes with its last user
                }
            }
        }
    }

    @Override
    public void close() {
        current.close();
    }

    /**
     * Moves an unreadable generation out of the way (as {@code corrupt-<generation>}) rather than
     * deleting it, so the damage can still be examined; only the latest such copy is kept. Returns
     * where it went, or the directory itself when even the move failed (it is then deleted later by
     * {@link #deleteOthers}).
     */
    static Path moveAside(Path root, Path dir) {
        try {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path p : dirs.filter(d -> d.getFileName().toString().startsWith(ASIDE)).toList()) {
                    deleteTree(p);
                }
            }
            return Files.move(dir, root.resolve(ASIDE + dir.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not move the unreadable index " + dir + " aside", e);
            return dir;
        }
    }

    private static void deleteOthers(Path root, String keep) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path p : dirs.filter(Files::isDirectory).toList()) {
                String n = p.getFileName().toString();
                if ((n.startsWith("gen-") || n.startsWith(Staging.PREFIX)) && !n.equals(keep)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete old index generation " + dir, e);
        }
    }

    /**
     * Recent answers of one reader. Any refresh (an edit) opens a new reader and empties the cache, so
     * an answer is never older than the index; the key holds the day, so next dates stay right.
     */
    static final class ResultCache {
        private IndexReader reader;
        private final LinkedHashMap<SearchQuery, SearchResult> entries = new LinkedHashMap<>(64, 0.75f, true);

        SearchResult get(IndexReader current, SearchQuery q, int size, IoSupplier<SearchResult> compute)
                throws IOException {
            if (size <= 0) {
                return compute.get();
            }
            synchronized (this) {
                if (reader != current) {
                    entries.clear();
                    reader = current;
                }
                SearchResult hit = entries.get(q);
                if (hit != null) {
                    return hit;
                }
            }
            SearchResult computed = compute.get();
            synchronized (this) {
                if (reader == current) {
                    entries.put(q, computed);
                    if (entries.size() > size) {
                        entries.remove(entries.keySet().iterator().next());
                    }
                }
            }
            return computed;
        }
    }

    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** One index directory with its writer, searchers and the schema it was built with. */
    private static final class Generation implements Closeable {
        final String name;
        final Path dir;
        final SearchSchema schema;
        final SearchQueries queries;
        final Directory directory;
        final IndexWriter writer;
        final SearcherManager searchers;
        private volatile FacetState facets;
        final ResultCache results = new ResultCache();

        private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
        }

        private Generation(String name, Path dir, SearchSchema schema, Directory directory, IndexWriter writer)
                throws IOException {
            this.name = name;
            this.dir = dir;
            this.schema = schema;
            this.queries = new SearchQueries(schema);
            this.directory = directory;
            this.writer = writer;
            this.searchers = new SearcherManager(writer, null);
        }

        static Generation open(String name, Path dir, SearchSchema schema) throws IOException {
            Directory directory = FSDirectory.open(dir);
            try {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new IOException("no index in " + dir);
                }
                IndexWriterConfig config = new IndexWriterConfig(schema.indexAnalyzer())
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false);
                IndexWriter writer = new IndexWriter(directory, config);
                try (DirectoryReader check = DirectoryReader.open(writer)) {
                    // Opening reads only headers and footers; a damaged byte inside a segment would
                    // surface later, in some search. Verify every file's checksum now (CorruptIndexException):
                    // cheap next to a rebuild, and the index is small (a few MB per 10,000 resources).
                    for (LeafReaderContext leaf : check.leaves()) {
                        leaf.reader().checkIntegrity();
                    }
                    check.numDocs();
                }
                return new Generation(name, dir, schema, directory, writer);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }

        static Generation create(Path root, SearchSchema schema) throws IOException {
            String name = "gen-" + System.currentTimeMillis();
            Path dir = root.resolve(name);
            while (Files.exists(dir)) {
                name = "gen-" + (Long.parseLong(name.substring(4)) + 1);
                dir = root.resolve(name);
            }
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(schema.indexAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(false)
                    .setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(VERSION_KEY, schema.version(), "tsunagu.built", Instant.now().toString())
                    .entrySet());
            writer.commit();
            return new Generation(name, dir, schema, directory, writer);
        }

        String builtWith() throws IOException {
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                for (Map.Entry<String, String> e : data) {
                    if (e.getKey().equals(VERSION_KEY)) {
                        return e.getValue();
                    }
                }
            }
            return "";
        }

        Document document(IndexedResource r) throws IOException {
            return schema.document(r, ScheduleFilter.recurrence(r.rules()));
        }

        void commitAndRefresh() throws IOException {
            writer.commit();
            searchers.maybeRefreshBlocking();
        }

        void publish(Path root) throws IOException {
            Path tmp = root.resolve(CURRENT + ".tmp");
            Files.writeString(tmp, name, StandardCharsets.UTF_8);
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
            FacetState f = facets;
            if (f != null && f.reader == reader) {
                return f.state;
            }
            synchronized (this) {
                f = facets;
                if (f != null && f.reader == reader) {
                    return f.state;
                }
                SortedSetDocValuesReaderState state;
                try {
                    state = reader.numDocs() == 0 ? null : new DefaultSortedSetDocValuesReaderState(reader, SearchSchema.FACETS);
                } catch (IllegalArgumentException e) {
                    state = null; // no facet values indexed yet
                }
                facets = new FacetState(reader, state);
                return state;
            }
        }

        @Override
        public void close() {
            try {
                searchers.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing searchers", e);
            }
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing index writer", e);
            }
            try {
                directory.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing index directory", e);
            }
        }

        void delete() {
            deleteTree(dir);
        }
    }
}
