package org.tsunagu.search.sync.control;

import org.tsunagu.directory.control.ResourcesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.tsunagu.areas.control.TownsChanged;
import org.tsunagu.search.sync.entity.IndexChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The index change log: the database's record of which resources' index entries changed, so every
 * instance's index follows edits made on any instance. {@link #record} writes the entries while the
 * edit's transaction is still open (the synchronous observer of {@link ResourcesChanged}: every place
 * that tells the index about a change writes the log with it, and a rolled-back edit leaves no entry).
 * The reads are transactions of their own, for the poller thread.
 */
@ApplicationScoped
public class IndexOutbox {

    /** An edit of more resources than this writes one "rebuild" entry instead of one per resource. */
    static final int MAX_LISTED = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<OutboxWritten> logged;

    @jakarta.annotation.Resource
    TransactionSynchronizationRegistry transactions;

    /** In the edit's transaction: one entry per changed resource (or one "rebuild" entry for many). */
    void record(@Observes ResourcesChanged event) {
        if (event.ids().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<IndexChange> entries = new ArrayList<>();
        if (event.ids().size() > MAX_LISTED) {
            entries.add(new IndexChange(null, now));
        } else {
            event.ids().stream().sorted().forEach(id -> entries.add(new IndexChange(id, now)));
        }
        entries.forEach(em::persist);
        logged.fire(new OutboxWritten(entries.stream().map(IndexChange::getId).toList()));
    }

    /**
     * In the transaction of a synonyms change or a towns import: one "rebuild" entry, so the other
     * instances rebuild their index with the new analysis too (this one rebuilds by its own event).
     * Outside a transaction there is nothing to commit with; the others then notice the other
     * analysis at their next start.
     */
    void recordRebuild(@Observes SynonymsChanged event) {
        rebuildEntry();
    }

    void recordRebuild(@Observes TownsChanged event) {
        rebuildEntry();
    }

    private void rebuildEntry() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        IndexChange entry = new IndexChange(null, Instant.now());
        em.persist(entry);
        logged.fire(new OutboxWritten(List.of(entry.getId())));
    }

    /** Entries after {@code after}, oldest first, at most {@code max}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ChangeCursor.Entry> after(long after, int max) {
        return em.createNamedQuery(IndexChange.FIND_AFTER, IndexChange.class).setParameter("after", after)
                .setMaxResults(max).getResultStream()
                .map(c -> new ChangeCursor.Entry(c.getId(), c.getResourceId(), c.getChangedAt())).toList();
    }

    /** The newest entry's id, or null when the log is empty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Long latest() {
        return em.createNamedQuery(IndexChange.LATEST, Long.class).getSingleResult();
    }

    /** The oldest entry's id (older ones were pruned), or null when the log is empty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Long oldest() {
        return em.createNamedQuery(IndexChange.OLDEST, Long.class).getSingleResult();
    }

    /** The newest entry written before {@code before} (0 when none): a safe watermark after a rebuild. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long settled(Instant before) {
        Long id = em.createNamedQuery(IndexChange.LATEST_BEFORE, Long.class).setParameter("before", before)
                .getSingleResult();
        return id == null ? 0 : id;
    }

    /** Deletes entries written before {@code before}, always keeping the newest; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int prune(Instant before) {
        Long latest = em.createNamedQuery(IndexChange.LATEST, Long.class).getSingleResult();
        if (latest == null) {
            return 0;
        }
        return em.createNamedQuery(IndexChange.PRUNE).setParameter("before", before).setParameter("latest", latest)
                .executeUpdate();
    }
}
