package org.tsunagu.search.control;

import org.tsunagu.directory.control.ResourcesChanged;
import org.tsunagu.search.sync.control.ChangeCursor;
import org.tsunagu.search.sync.control.IndexOutbox;
import org.tsunagu.search.sync.control.OutboxWritten;
import org.tsunagu.search.sync.control.SynonymsChanged;
import jakarta.annotation.PreDestroy;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.areas.control.TownsChanged;
import org.tsunagu.areas.entity.Town;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceStatus;
import org.tsunagu.search.entity.SynonymGroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the search index in step with the database and answers searches. Changes arrive as
 * {@link ResourcesChanged} events after their transaction committed; one worker at a time reloads
 * the changed resources and writes them, so two quick edits of one resource can never be applied
 * out of order, while the request that made the change waits (bounded) for its ticket, so the
 * caller's next search already sees it. Town imports and synonym changes alter the analysis and trigger a rebuild in the
 * background while the old index keeps answering; changes made during a rebuild are replayed on
 * the new index before anyone can miss them.
 *
 * <p>Several instances: every edit also writes the index change log ({@link IndexOutbox}) in its
 * transaction; {@link #poll()} (run by {@link IndexPoller}) applies the entries written by other
 * instances through the same worker, and the {@link ChangeCursor} watermark is remembered in the
 * index directory, so a restarted instance catches up on what it missed instead of rebuilding.
 */
@ApplicationScoped
public class ResourceSearch {

    static final int CHUNK = 500;
    /** How long a request that changed resources waits for them to be searchable before answering. */
    static final Duration WAIT_FOR_INDEX = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(ResourceSearch.class.getName());

    /** The file in the index directory that holds the change log watermark. */
    static final String REMEMBERED = "APPLIED_CHANGE";
    /** Log entries read per poll. */
    static final int POLL_LIMIT = 2_000;
    /** A hole in the log older than this is a rolled-back edit (see {@link ChangeCursor}). */
    static final Duration GRACE = Duration.ofMinutes(10);

    /** What an admin sees of the index. */
    public record Status(String generation, int documents, long published, boolean rebuilding,
                         Instant lastRebuildAt, Long lastRebuildMillis, String analysis,
                         long lastAppliedChange, Long latestChange, long rememberedChange) {
    }

    @PersistenceContext
    EntityManager em;

    @jakarta.annotation.Resource
    ManagedExecutorService executor;

    @jakarta.annotation.Resource
    TransactionSynchronizationRegistry transactions;

    /** From this many resources on, a change's documents are analysed while its transaction runs ({@link #stager}). */
    @Inject
    @ConfigProperty(name = "tsunagu.index.stage-from", defaultValue = "2000")
    int stageFrom;

    /** A large change's documents analysed ahead ({@link #stager}), waiting for its transaction's end. */
    private record Staged(ResourceIndex.Staging staging, Future<?> built, Set<Long> ids) {
    }

    /** Staged changes by their ids, until their transaction ends. */
    private final Map<Set<Long>, Staged> staged = new ConcurrentHashMap<>();
    /** Committed staged changes handed to the worker before their {@link ResourcesChanged} came: their tickets. */
    private final Map<Set<Long>, Long> handedOver = new ConcurrentHashMap<>();
    /** Committed staged changes for the worker to merge; guarded by {@code pending}. */
    private final List<Staged> stagedToMerge = new ArrayList<>();

    @Inject
    IndexReads reads;

    @Inject
    IndexOutbox log;

    @Inject
    @ConfigProperty(name = "tsunagu.index.dir")
    String indexDir;

    @Inject
    @ConfigProperty(name = "tsunagu.search.cache", defaultValue = "2000")
    int cacheSize;

    private volatile ResourceIndex index;
    private final Set<Long> pending = new LinkedHashSet<>();
    private final Set<Long> changedDuringRebuild = new HashSet<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Tickets of queued changes and of those written; guarded by {@code pending}. */
    private long requested;
    private long applied;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicBoolean rebuildAgain = new AtomicBoolean();
    private volatile Instant lastRebuildAt;
    private volatile Long lastRebuildMillis;
    private volatile ChangeCursor cursor;

    /**
     * Opens the index at start: a missing or unreadable index is rebuilt before the portal answers; one
     * built with another analysis, or that disagrees with the database, is rebuilt in the background.
     */
    public synchronized void start() {
        if (index != null) {
            return;
        }
        SearchSchema schema = schema();
        ResourceIndex opened = ResourceIndex.open(Path.of(indexDir), schema);
        opened.cacheAnswers(cacheSize);
        Long remembered = remembered();
        ChangeCursor.Start from = ChangeCursor.start(remembered, log.oldest(), log.latest());
        cursor = new ChangeCursor(from == ChangeCursor.Start.CATCH_UP && opened.openedAs() == ResourceIndex.State.READY
                ? remembered : log.settled(Instant.now().minus(GRACE)));
        index = opened;
        switch (opened.openedAs()) {
            case MISSING -> {
                LOG.info("search index missing or unreadable: building it from the database");
                rebuilding.set(true);
                try {
                    rebuild(schema);
                } finally {
                    rebuilding.set(false);
                }
            }
            case STALE -> {
                LOG.info("search index was built with another analysis: rebuilding in the background");
                rebuildInBackground();
            }
            case READY -> {
                if (from == ChangeCursor.Start.REBUILD) {
                    LOG.info(() -> "search index remembers change " + remembered + ", which the change log cannot"
                            + " continue from: rebuilding in the background");
                    rebuildInBackground();
                    return;
                }
                long start = cursor.highest();
                for (int round = 0; round < 100 && poll(); round++) {
                    // catching up on what other instances changed while this one was down
                }
                LOG.info(() -> "search index caught up on the change log: remembered " + start + ", applied up to "
                        + cursor.highest() + ", watermark " + cursor.watermark());
                long published = countPublished();
                if (opened.size() != published) {
                    LOG.info(() -> "search index holds " + opened.size() + " resources, the database " + published
                            + ": rebuilding in the background");
                    rebuildInBackground();
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        ResourceIndex i = index;
        if (i != null) {
            i.close();
        }
    }

    public SearchResult search(SearchQuery query) {
        return index().search(query);
    }

    public List<ResourceIndex.Suggestion> suggest(String prefix, String municipality, int max) {
        return index().suggest(prefix, municipality, max);
    }

    public Status status() {
        ResourceIndex i = index();
        ChangeCursor c = cursor;
        return new Status(i.generation(), i.size(), countPublished(), rebuilding.get(), lastRebuildAt,
                lastRebuildMillis, i.schema().version(), c.highest(), log.latest(), c.watermark());
    }

    private ResourceIndex index() {
        ResourceIndex i = index;
        if (i == null) {
            start();
            i = index;
        }
        return i;
    }

    // --- keeping up with the database ---------------------------------------------------------

    /**
     * After the commit, on the thread of the request that made the change: queue the ids and wait
     * (bounded) until the worker wrote them, so the caller reads its own writes in the next search.
     */
    void onResourcesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResourcesChanged event) {
        if (index == null) {
            return; // not started yet: the start compares with the database
        }
        Staged ahead = staged.isEmpty() ? null : staged.remove(event.ids());
        Long handed = ahead == null && !handedOver.isEmpty() ? handedOver.remove(event.ids()) : null;
        long ticket = ahead != null ? handOver(ahead) : handed != null ? handed : changed(event.ids());
        awaitApplied(ticket, WAIT_FOR_INDEX);
    }

    /**
     * In the writing transaction of a large change (an import of thousands of rows), before its first
     * write: a stager that analyses the change's documents chunk by chunk as they are written, on another
     * thread, into a staging directory, while the transaction goes on (the import is single-threaded and
     * the other core would be idle). After the commit the worker merges them into the index in place of
     * reading the resources back and analysing them; after a rollback they are thrown away. Only what
     * committed reaches the index, as with every other change. A change too small to be worth it
     * ({@code expected} below {@code tsunagu.index.stage-from}), or staged during a rebuild, gets a stager
     * that does nothing, and goes the usual way.
     */
    public Stager stager(int expected) {
        ResourceIndex i = index;
        if (i == null || expected < stageFrom || rebuilding.get() || transactions == null
                || transactions.getTransactionStatus() != jakarta.transaction.Status.STATUS_ACTIVE) {
            return new Stager(null);
        }
        Stager stager = new Stager(i.stage(List.of()));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the documents wait for the outcome
            }

            @Override
            public void afterCompletion(int status) {
                stager.ended(status == jakarta.transaction.Status.STATUS_COMMITTED);
            }
        });
        return stager;
    }

    /**
     * The documents of one large change, analysed as its resources are written ({@link #stager}). The
     * writer hands over each chunk once it is flushed (the resources have their ids), then the ids of
     * the whole change; documents are snapshots taken on the writer's thread, so the entities may be
     * detached afterwards.
     */
    public final class Stager {
        private final ResourceIndex.Staging staging;
        /** Chunks waiting for their analysis. */
        private final java.util.Queue<List<IndexedResource>> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /** Whether the writer's analyst is at work (it stops when the queue is empty; the next chunk starts it again). */
        private final AtomicBoolean analysing = new AtomicBoolean();
        /** Every analyst started: the staging is complete when all of them are done. */
        private final List<CompletableFuture<Boolean>> analysts = new ArrayList<>();
        private volatile Staged finished;
        private boolean failed;

        private Stager(ResourceIndex.Staging staging) {
            this.staging = staging;
        }

        /**
         * Resources of the change, written and flushed: their documents are analysed in the background, by
         * one analyst while the writer goes on (the two share the machine's cores with the database), by
         * two once the writer is done ({@link #finish}).
         */
        public void add(Collection<Resource> resources) {
            if (staging == null || failed) {
                return;
            }
            List<Long> ids = new ArrayList<>(resources.size());
            List<IndexedResource> documents = new ArrayList<>(resources.size());
            for (Resource r : resources) {
                ids.add(r.getId());
                if (r.isPublished()) {
                    documents.add(IndexedResource.of(r));
                }
            }
            staging.cover(ids);
            waiting.add(documents);
            if (analysing.compareAndSet(false, true)) {
                start(true);
            }
        }

        private void start(boolean writersAnalyst) {
            try {
                analysts.add(CompletableFuture.supplyAsync(() -> analyse(writersAnalyst), executor));
            } catch (RejectedExecutionException e) {
                failed = true; // the change goes the usual way: its ids are read back after the commit
            }
        }

        /** Analyses waiting chunks until there are none; false when the staging was closed meanwhile. */
        private boolean analyse(boolean writersAnalyst) {
            while (true) {
                List<IndexedResource> documents;
                while ((documents = waiting.poll()) != null) {
                    if (!staging.add(documents)) {
                        return false;
                    }
                }
                if (!writersAnalyst) {
                    return true;
                }
                analysing.set(false);
                // a chunk queued just before the flag went down would otherwise wait for the next one
                if (waiting.isEmpty() || !analysing.compareAndSet(false, true)) {
                    return true;
                }
            }
        }

        /** After the last chunk, before {@link ResourcesChanged} is fired with the same ids. */
        public void finish(Set<Long> ids) {
            if (staging == null || failed) {
                return;
            }
            if (!waiting.isEmpty()) {
                start(false); // the writer is done: the rest gets the second core
            }
            if (failed) {
                return;
            }
            CompletableFuture<Boolean> built = CompletableFuture.allOf(analysts.toArray(CompletableFuture[]::new))
                    .thenApply(done -> analysts.stream().allMatch(CompletableFuture::join));
            Staged ahead = new Staged(staging, built, Set.copyOf(ids));
            finished = ahead;
            staged.put(ahead.ids(), ahead);
        }

        private void ended(boolean committed) {
            Staged ahead = finished;
            if (!committed || ahead == null) {
                staging.close(); // analyses still queued find it closed and stop // rolled back, or given up on: nothing of it is kept
                if (ahead != null) {
                    staged.remove(ahead.ids(), ahead);
                }
                return;
            }
            if (!staged.remove(ahead.ids(), ahead)) {
                return; // its ResourcesChanged came first and handed it over
            }
            if (handedOver.size() > 100) {
                handedOver.clear(); // tickets nobody asked for; waiting is bounded anyway
            }
            handedOver.put(ahead.ids(), handOver(ahead));
        }
    }

    /** Queues a committed staged change for the worker, like {@link #changed} does with ids. */
    private long handOver(Staged ahead) {
        long ticket;
        synchronized (pending) {
            stagedToMerge.add(ahead);
            ticket = ++requested;
            if (rebuilding.get()) {
                changedDuringRebuild.addAll(ahead.ids());
            }
        }
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
        return ticket;
    }

    /**
     * Merges a staged change once its analysis is done; the ids to index the usual way when it cannot
     * be merged (the analysis failed, or a rebuild swapped in another generation meanwhile).
     */
    private Set<Long> merge(Staged ahead) {
        try {
            ahead.built().get();
            if (index.merge(ahead.staging())) {
                return Set.of();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "a staged index change could not be merged; its resources are read again", e);
        } finally {
            ahead.staging().close();
        }
        return ahead.ids();
    }

    /**
     * In the writing transaction: the log entries of a change this instance applies itself need no
     * second pass. Marked before the commit, not after it: after the commit the request thread first waits
     * for its own index update ({@link #onResourcesChanged}), and the poller would meanwhile read the new
     * entries as another instance's (for an import of more than {@code IndexOutbox.MAX_LISTED} resources a
     * "rebuild" entry: the whole index rebuilt beside the update). An entry of a transaction that rolls back
     * is never read, so marking it early costs nothing.
     */
    void onChangesLogged(@Observes OutboxWritten event) {
        ChangeCursor c = cursor;
        if (c != null) {
            c.applied(event.entries());
        }
    }

    /**
     * Applies the change log entries this instance has not applied yet (other instances' edits),
     * waiting until they are in the index, then moves and remembers the watermark. Returns whether
     * there were any, so a caller catching up knows to call again.
     */
    public boolean poll() {
        ChangeCursor c = cursor;
        if (index == null || c == null) {
            return false;
        }
        List<ChangeCursor.Entry> rows = log.after(c.watermark(), POLL_LIMIT);
        List<ChangeCursor.Entry> fresh = c.unapplied(rows);
        if (!fresh.isEmpty()) {
            if (fresh.stream().anyMatch(e -> e.resourceId() == null)) {
                rebuildInBackground(); // reads everything committed from now on
            } else {
                Set<Long> ids = new LinkedHashSet<>();
                fresh.forEach(e -> ids.add(e.resourceId()));
                if (!awaitApplied(changed(ids), WAIT_FOR_INDEX)) {
                    return false; // not yet written: the next poll reads them again
                }
            }
            c.applied(fresh.stream().map(ChangeCursor.Entry::id).toList());
        }
        if (c.advance(rows, Instant.now().minus(GRACE)) && !rebuilding.get()) {
            remember(c.watermark());
        }
        return !fresh.isEmpty();
    }

    /** The watermark this index remembers, or null when it remembers none (or it is unreadable). */
    private Long remembered() {
        Path file = Path.of(indexDir).resolve(REMEMBERED);
        try {
            return Files.exists(file) ? Long.valueOf(Files.readString(file, StandardCharsets.UTF_8).strip()) : null;
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.WARNING, "cannot read " + file + "; the index will be rebuilt", e);
            return null;
        }
    }

    /** Writes the watermark beside the index (atomically: a crash leaves the old or the new value). */
    private void remember(long watermark) {
        Path dir = Path.of(indexDir);
        Path tmp = dir.resolve(REMEMBERED + ".tmp");
        try {
            Files.writeString(tmp, Long.toString(watermark), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(REMEMBERED), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remember the applied change " + watermark + " in " + dir, e);
        }
    }

    void onTownsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TownsChanged event) {
        if (index != null) {
            rebuildInBackground();
        }
    }

    void onSynonymsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SynonymsChanged event) {
        if (index != null) {
            rebuildInBackground();
        }
    }

    /** Queues resources for re-reading; the single worker writes them to the index. */
    public long changed(Collection<Long> ids) {
        long ticket;
        synchronized (pending) {
            pending.addAll(ids);
            ticket = ++requested;
            if (rebuilding.get()) {
                changedDuringRebuild.addAll(ids);
            }
        }
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
        return ticket;
    }

    /** Waits until every change queued up to the ticket is in the index, or the time is up. */
    boolean awaitApplied(long ticket, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (pending) {
            while (applied < ticket) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    pending.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void drain() {
        try {
            while (true) {
                List<Long> batch;
                List<Staged> merges;
                long upTo;
                synchronized (pending) {
                    if (pending.isEmpty() && stagedToMerge.isEmpty()) {
                        draining.set(false);
                        return;
                    }
                    batch = new ArrayList<>(pending);
                    pending.clear();
                    merges = new ArrayList<>(stagedToMerge);
                    stagedToMerge.clear();
                    upTo = requested;
                }
                for (Staged ahead : merges) {
                    batch.addAll(merge(ahead));
                }
                apply(batch);
                synchronized (pending) {
                    applied = Math.max(applied, upTo);
                    pending.notifyAll();
                }
            }
        } catch (RuntimeException e) {
            draining.set(false);
            synchronized (pending) {
                applied = requested; // nobody waits for a change that will come with the rebuild
                pending.notifyAll();
            }
            LOG.log(Level.SEVERE, "search index update failed; the index will be rebuilt", e);
            rebuildInBackground();
        }
    }

    private void apply(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<IndexedResource> published = new ArrayList<>();
            Set<Long> gone = new HashSet<>(chunk);
            for (IndexedResource r : reads.published(chunk)) {
                published.add(r);
                gone.remove(r.id());
            }
            index.write(published, gone, from + CHUNK >= ids.size());
        }
    }

    /** Rebuilds from the database in the background; a request during a rebuild runs once more after it. */
    public boolean rebuildInBackground() {
        if (!rebuilding.compareAndSet(false, true)) {
            rebuildAgain.set(true);
            return false;
        }
        executor.execute(() -> {
            try {
                do {
                    rebuildAgain.set(false);
                    rebuild(schema());
                } while (rebuildAgain.get());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "search index rebuild failed; the previous index keeps answering", e);
            } finally {
                rebuilding.set(false);
            }
        });
        return true;
    }

    private void rebuild(SearchSchema schema) {
        long started = System.nanoTime();
        synchronized (pending) {
            changedDuringRebuild.clear();
        }
        // the log entries up to here are in what the rebuild reads (those since are polled or replayed)
        long watermark = cursor == null ? 0 : cursor.watermark();
        ResourceIndex.Rebuild build = index.rebuild(schema);
        try {
            long after = Long.MIN_VALUE;
            while (true) {
                List<Resource> chunk = IndexReads.withRelations(em.createNamedQuery(Resource.FIND_PUBLISHED_AFTER, Resource.class)
                        .setParameter("status", ResourceStatus.PUBLISHED).setParameter("after", after)
                        .setMaxResults(CHUNK)).getResultList();
                if (chunk.isEmpty()) {
                    break;
                }
                build.add(chunk.stream().map(IndexedResource::of).toList());
                after = chunk.get(chunk.size() - 1).getId();
                em.clear();
            }
            build.finish();
        } catch (RuntimeException e) {
            build.abandon();
            throw e;
        }
        lastRebuildAt = Instant.now();
        lastRebuildMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.info(() -> "search index rebuilt: " + build.count() + " resources in " + lastRebuildMillis + " ms");
        List<Long> replay;
        synchronized (pending) {
            replay = new ArrayList<>(changedDuringRebuild);
            changedDuringRebuild.clear();
        }
        if (!replay.isEmpty()) {
            changed(replay);
        }
        remember(watermark);
    }

    /** The analysis as the database defines it now: its towns and the synonym groups. */
    SearchSchema schema() {
        List<PlaceDictionary.Place> places = new ArrayList<>();
        for (Town t : em.createNamedQuery(Town.FIND_ALL, Town.class).getResultList()) {
            places.add(new PlaceDictionary.Place(t.getName(), t.getKana()));
            if (!t.getKoaza().isEmpty()) {
                places.add(new PlaceDictionary.Place(t.getKoaza(), null));
            }
        }
        List<List<String>> groups = em.createNamedQuery(SynonymGroup.FIND_ALL, SynonymGroup.class).getResultList()
                .stream().map(SynonymGroup::getTerms).toList();
        return new SearchSchema(PlaceDictionary.of(places), Synonyms.bundledPlus(groups));
    }

    private long countPublished() {
        return em.createNamedQuery(Resource.COUNT_BY_STATUS, Long.class)
                .setParameter("status", ResourceStatus.PUBLISHED).getSingleResult();
    }
}
